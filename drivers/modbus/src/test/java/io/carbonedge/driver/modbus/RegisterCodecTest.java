package io.carbonedge.driver.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class RegisterCodecTest {

    /** Registers as a device sends them, written out by hand from the big-endian bytes. */
    static Stream<Arguments> goldenVectors() {
        return Stream.of(
                Arguments.of(DataType.INT16, WordOrder.ABCD, new int[] {0xFFFE}, -2.0),
                Arguments.of(DataType.INT16, WordOrder.ABCD, new int[] {0x8000}, -32768.0),
                Arguments.of(DataType.INT16, WordOrder.ABCD, new int[] {0x7FFF}, 32767.0),
                Arguments.of(DataType.UINT16, WordOrder.ABCD, new int[] {0xFFFE}, 65534.0),
                Arguments.of(DataType.UINT16, WordOrder.ABCD, new int[] {0x1234}, 4660.0),
                // int32 -123456789 = 0xF8A432EB
                Arguments.of(DataType.INT32, WordOrder.ABCD, new int[] {0xF8A4, 0x32EB}, -123456789.0),
                Arguments.of(DataType.INT32, WordOrder.CDAB, new int[] {0x32EB, 0xF8A4}, -123456789.0),
                Arguments.of(DataType.INT32, WordOrder.BADC, new int[] {0xA4F8, 0xEB32}, -123456789.0),
                Arguments.of(DataType.INT32, WordOrder.DCBA, new int[] {0xEB32, 0xA4F8}, -123456789.0),
                // uint32 3000000000 = 0xB2D05E00
                Arguments.of(DataType.UINT32, WordOrder.ABCD, new int[] {0xB2D0, 0x5E00}, 3_000_000_000.0),
                Arguments.of(DataType.UINT32, WordOrder.CDAB, new int[] {0x5E00, 0xB2D0}, 3_000_000_000.0),
                Arguments.of(DataType.UINT32, WordOrder.BADC, new int[] {0xD0B2, 0x005E}, 3_000_000_000.0),
                Arguments.of(DataType.UINT32, WordOrder.DCBA, new int[] {0x005E, 0xD0B2}, 3_000_000_000.0),
                Arguments.of(DataType.UINT32, WordOrder.ABCD, new int[] {0xFFFF, 0xFFFF}, 4_294_967_295.0),
                // float32 123.456 = 0x42F6E979
                Arguments.of(DataType.FLOAT32, WordOrder.ABCD, new int[] {0x42F6, 0xE979}, (double) 123.456f),
                Arguments.of(DataType.FLOAT32, WordOrder.CDAB, new int[] {0xE979, 0x42F6}, (double) 123.456f),
                Arguments.of(DataType.FLOAT32, WordOrder.BADC, new int[] {0xF642, 0x79E9}, (double) 123.456f),
                Arguments.of(DataType.FLOAT32, WordOrder.DCBA, new int[] {0x79E9, 0xF642}, (double) 123.456f),
                // float32 -0.5 = 0xBF000000
                Arguments.of(DataType.FLOAT32, WordOrder.CDAB, new int[] {0x0000, 0xBF00}, -0.5),
                // uint64 1234567890123 = 0x0000011F71FB04CB, in every 64-bit order (and the 32-bit names)
                Arguments.of(DataType.UINT64, WordOrder.ABCDEFGH, new int[] {0x0000, 0x011F, 0x71FB, 0x04CB}, 1234567890123.0),
                Arguments.of(DataType.UINT64, WordOrder.GHEFCDAB, new int[] {0x04CB, 0x71FB, 0x011F, 0x0000}, 1234567890123.0),
                Arguments.of(DataType.UINT64, WordOrder.BADCFEHG, new int[] {0x0000, 0x1F01, 0xFB71, 0xCB04}, 1234567890123.0),
                Arguments.of(DataType.UINT64, WordOrder.HGFEDCBA, new int[] {0xCB04, 0xFB71, 0x1F01, 0x0000}, 1234567890123.0),
                Arguments.of(DataType.UINT64, WordOrder.CDAB, new int[] {0x04CB, 0x71FB, 0x011F, 0x0000}, 1234567890123.0),
                // uint64 above 2^63: 0xFFFFFFFFFFFFF800 = 18446744073709549568
                Arguments.of(DataType.UINT64, WordOrder.ABCDEFGH, new int[] {0xFFFF, 0xFFFF, 0xFFFF, 0xF800}, 18446744073709549568.0),
                // int64 -1234567890123 = 0xFFFFFEE08E04FB35
                Arguments.of(DataType.INT64, WordOrder.ABCDEFGH, new int[] {0xFFFF, 0xFEE0, 0x8E04, 0xFB35}, -1234567890123.0),
                Arguments.of(DataType.INT64, WordOrder.GHEFCDAB, new int[] {0xFB35, 0x8E04, 0xFEE0, 0xFFFF}, -1234567890123.0),
                Arguments.of(DataType.INT64, WordOrder.BADCFEHG, new int[] {0xFFFF, 0xE0FE, 0x048E, 0x35FB}, -1234567890123.0),
                Arguments.of(DataType.INT64, WordOrder.HGFEDCBA, new int[] {0x35FB, 0x048E, 0xE0FE, 0xFFFF}, -1234567890123.0),
                // float64 123.456 = 0x405EDD2F1A9FBE77
                Arguments.of(DataType.FLOAT64, WordOrder.ABCDEFGH, new int[] {0x405E, 0xDD2F, 0x1A9F, 0xBE77}, 123.456),
                Arguments.of(DataType.FLOAT64, WordOrder.GHEFCDAB, new int[] {0xBE77, 0x1A9F, 0xDD2F, 0x405E}, 123.456),
                Arguments.of(DataType.FLOAT64, WordOrder.BADCFEHG, new int[] {0x5E40, 0x2FDD, 0x9F1A, 0x77BE}, 123.456),
                Arguments.of(DataType.FLOAT64, WordOrder.HGFEDCBA, new int[] {0x77BE, 0x9F1A, 0x2FDD, 0x5E40}, 123.456));
    }

    @Test
    void stringsReadHighByteFirstAndStopAtTheFirstNul() {
        int[] words = {0x4142, 0x4344, 0x2000, 0x0000}; // "ABCD " then NULs
        assertThat(RegisterCodec.text(WordOrder.ABCD, words, 0, 4)).isEqualTo("ABCD");
        assertThat(RegisterCodec.text(WordOrder.BADC, new int[] {0x4241, 0x4443}, 0, 2)).isEqualTo("ABCD");
        assertThat(RegisterCodec.encodeText(WordOrder.ABCD, "ABC", 3)).containsExactly(0x4142, 0x4300, 0x0000);
    }

    @Test
    void aStringsValueIsAStableFingerprintThatChangesWithTheText() {
        // FNV-1a 64 of "ABCD" is 0x939FE08BA58D4F5D, kept to 53 bits; pinned so it never changes between releases
        double abcd = DataType.fingerprint("ABCD");
        assertThat(abcd).isEqualTo((double) (0x939FE08BA58D4F5DL & ((1L << 53) - 1)));
        assertThat(RegisterCodec.decode(DataType.STRING, WordOrder.ABCD, new int[] {0x4142, 0x4344, 0}, 0, 3)).isEqualTo(abcd);
        assertThat(DataType.fingerprint("ABCE")).isNotEqualTo(abcd);
        assertThat(DataType.fingerprint("")).isZero();
    }

    @Test
    void aBitIsReadFromTheLeastSignificantEnd() {
        assertThat(RegisterCodec.bit(new int[] {0x8001}, 0, 0)).isEqualTo(1);
        assertThat(RegisterCodec.bit(new int[] {0x8001}, 0, 1)).isEqualTo(0);
        assertThat(RegisterCodec.bit(new int[] {0x8001}, 0, 15)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("goldenVectors")
    void decodesHandWrittenRegisters(DataType type, WordOrder order, int[] words, double expected) {
        assertThat(RegisterCodec.decode(type, order, words, 0)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("goldenVectors")
    void encodesToTheSameRegisters(DataType type, WordOrder order, int[] words, double value) {
        assertThat(RegisterCodec.encode(type, order, value)).containsExactly(words);
    }

    @Test
    void decodesAtAnOffsetWithinALongerResponse() {
        int[] response = {0x1111, 0x42F6, 0xE979, 0x2222};

        assertThat(RegisterCodec.decode(DataType.FLOAT32, WordOrder.ABCD, response, 1)).isEqualTo((double) 123.456f);
    }

    @Test
    void wholeNumbersWrapLikeARegister() {
        assertThat(RegisterCodec.encode(DataType.UINT16, WordOrder.ABCD, 65536)).containsExactly(0);
        assertThat(RegisterCodec.encode(DataType.UINT32, WordOrder.ABCD, 4_294_967_296.0 + 5)).containsExactly(0, 5);
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, mode = EnumSource.Mode.EXCLUDE, names = {"BOOL", "STRING"})
    void randomValuesRoundTripInEveryOrder(DataType type) {
        Random random = new Random(20250601L + type.ordinal());
        for (int i = 0; i < 500; i++) {
            double value = randomValue(type, random);
            for (WordOrder order : WordOrder.values()) {
                int[] words = RegisterCodec.encode(type, order, value);
                assertThat(words).hasSize(type.registerCount());
                assertThat(Arrays.stream(words)).allMatch(w -> w >= 0 && w <= 0xFFFF);
                assertThat(RegisterCodec.decode(type, order, words, 0)).as("%s %s %s", type, order, value)
                        .isCloseTo(value, within(Math.abs(value) * 1e-7));
            }
        }
    }

    private static double randomValue(DataType type, Random random) {
        return switch (type) {
            case INT16 -> random.nextInt(65536) - 32768;
            case UINT16 -> random.nextInt(65536);
            case INT32 -> random.nextInt();
            case UINT32 -> Integer.toUnsignedLong(random.nextInt());
            case FLOAT32 -> (float) ((random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(12)));
            case INT64 -> random.nextLong() >> random.nextInt(12); // beyond 2^53 a double rounds: compare closely
            case UINT64 -> Math.abs(random.nextLong() >> random.nextInt(12)) * 1.5;
            case FLOAT64 -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(300));
            case BOOL, STRING -> throw new IllegalArgumentException(type.name());
        };
    }
}
