package io.carbonedge.driver.modbus;

import java.nio.ByteBuffer;

/**
 * Turns registers into numbers and back, for any {@link DataType} in any {@link WordOrder}.
 * Registers are unsigned 16-bit values held in {@code int}s, in the order the device sends them.
 */
public final class RegisterCodec {

    private RegisterCodec() {
    }

    /**
     * Decodes the raw (unscaled) value of a fixed-length type that starts at {@code words[offset]}.
     *
     * @throws IndexOutOfBoundsException when fewer than {@code type.registerCount()} words remain
     */
    public static double decode(DataType type, WordOrder order, int[] words, int offset) {
        return decode(type, order, words, offset, type.registerCount());
    }

    /**
     * Decodes {@code count} registers from {@code words[offset]}: the count matters for
     * {@link DataType#STRING} only. A {@link DataType#BOOL} here is "register not zero".
     */
    public static double decode(DataType type, WordOrder order, int[] words, int offset, int count) {
        if (type == DataType.BOOL) {
            return words[offset] != 0 ? 1 : 0;
        }
        return type.read(bigEndian(order, words, offset, count));
    }

    /** The text of a {@link DataType#STRING} of {@code count} registers. */
    public static String text(WordOrder order, int[] words, int offset, int count) {
        return DataType.text(bigEndian(order, words, offset, count));
    }

    /** Bit {@code bit} (0 = least significant) of the register at {@code words[offset]}, as 0 or 1. */
    public static double bit(int[] words, int offset, int bit) {
        return (words[offset] >>> bit) & 1;
    }

    /** The raw bits of a fixed-length type as the device sent them, for sentinel checks. */
    public static long rawBits(DataType type, WordOrder order, int[] words, int offset) {
        ByteBuffer buffer = bigEndian(order, words, offset, type.registerCount());
        return switch (type.registerCount()) {
            case 1 -> Short.toUnsignedLong(buffer.getShort());
            case 2 -> Integer.toUnsignedLong(buffer.getInt());
            case 4 -> buffer.getLong();
            default -> 0;
        };
    }

    /** Encodes a raw (unscaled) value as the device would send it: the inverse of {@link #decode}. */
    public static int[] encode(DataType type, WordOrder order, double rawValue) {
        int count = type.registerCount();
        ByteBuffer bigEndian = ByteBuffer.allocate(count * 2);
        type.write(bigEndian, rawValue);
        bigEndian.flip();
        return words(order, bigEndian, count);
    }

    /** Encodes a text as {@code count} registers, padded with NULs (for simulators). */
    public static int[] encodeText(WordOrder order, String text, int count) {
        ByteBuffer bigEndian = ByteBuffer.allocate(count * 2);
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        bigEndian.put(bytes, 0, Math.min(bytes.length, count * 2));
        bigEndian.position(0);
        return words(order, bigEndian, count);
    }

    private static int[] words(WordOrder order, ByteBuffer bigEndian, int count) {
        int[] words = new int[count];
        for (int i = 0; i < count; i++) {
            int high = bigEndian.get() & 0xFF;
            int low = bigEndian.get() & 0xFF;
            int word = order.bytesSwapped() ? (low << 8) | high : (high << 8) | low;
            words[order.registersReversed() ? count - 1 - i : i] = word;
        }
        return words;
    }

    private static ByteBuffer bigEndian(WordOrder order, int[] words, int offset, int count) {
        ByteBuffer bigEndian = ByteBuffer.allocate(count * 2);
        for (int i = 0; i < count; i++) {
            int word = words[offset + (order.registersReversed() ? count - 1 - i : i)];
            int high = (word >>> 8) & 0xFF;
            int low = word & 0xFF;
            bigEndian.put((byte) (order.bytesSwapped() ? low : high));
            bigEndian.put((byte) (order.bytesSwapped() ? high : low));
        }
        bigEndian.flip();
        return bigEndian;
    }
}
