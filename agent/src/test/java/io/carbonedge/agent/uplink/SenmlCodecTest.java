package io.carbonedge.agent.uplink;

import io.carbonedge.agent.config.PayloadFormat;
import io.carbonedge.agent.store.IntervalTotal;
import io.carbonedge.agent.store.Reading;
import io.carbonedge.agent.totals.Carrier;
import io.carbonedge.driver.Quality;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SenmlCodecTest {

    private static final String GATEWAY = "plant-07-gw1";
    private final SenmlEncoder encoder = new SenmlEncoder(GATEWAY);
    private final SenmlDecoder decoder = new SenmlDecoder();

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 20260301})
    void readingsRoundTripInBothFormats(long seed) throws Exception {
        Random random = new Random(seed);
        List<Reading> batch = TestData.readings(random, 1 + random.nextInt(1000), 1 + random.nextInt(300));
        for (PayloadFormat format : PayloadFormat.values()) {
            List<SenmlRecord> records = decoder.decode(encoder.readings(batch, format), format);
            assertThat(toReadings(records)).as(format.toString())
                    .containsExactlyElementsOf(batch);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18})
    void pollsRoundTripInBothFormats(long seed) throws Exception {
        Random random = new Random(seed);
        List<Reading> batch = TestData.polls(random, 1 + random.nextInt(1000), 1 + random.nextInt(600));
        for (PayloadFormat format : PayloadFormat.values()) {
            List<SenmlRecord> records = decoder.decode(encoder.readings(batch, format), format);
            assertThat(toReadings(records)).as(format.toString()).containsExactlyElementsOf(batch);
        }
    }

    @Test
    void aPollsPointsShareOneBaseTimeAndTheirDevicesBaseName() throws Exception {
        Instant first = Instant.parse("2026-03-01T08:00:00.250Z");
        List<Reading> batch = new ArrayList<>();
        for (int poll = 0; poll < 3; poll++) {
            for (int p = 0; p < 10; p++) {
                batch.add(new Reading(batch.size() + 1, "grid-meter", "p" + p, "kW", first.plusSeconds(poll), p * 1.5,
                        Quality.GOOD, null));
            }
        }
        batch.add(new Reading(31, "s0", "pulses", "", first.plusSeconds(3), 7, Quality.GOOD, null));
        String json = new String(encoder.readings(batch, PayloadFormat.SENML_JSON), StandardCharsets.UTF_8);
        var pack = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);

        assertThat(pack.get(0).get("bn").asText()).isEqualTo("urn:carbonedge:plant-07-gw1:readings:grid-meter/");
        assertThat(pack.get(0).get("n").asText()).isEqualTo("p0");
        assertThat(pack.get(30).get("bn").asText()).as("one reading: cheaper with the stream's base name")
                .isEqualTo("urn:carbonedge:plant-07-gw1:readings:");
        assertThat(pack.get(30).get("n").asText()).isEqualTo("s0/pulses");
        List<Integer> withBaseTime = new ArrayList<>();
        for (int i = 0; i < pack.size(); i++) {
            assertThat(pack.get(i).has("t")).isFalse();
            if (pack.get(i).has("bt")) {
                withBaseTime.add(i);
            }
        }
        assertThat(withBaseTime).containsExactly(0, 10, 20, 30);
        assertThat(toReadings(decode(json))).containsExactlyElementsOf(batch);
    }

    @ParameterizedTest
    @ValueSource(longs = {7, 8, 9})
    void totalsRoundTripInBothFormats(long seed) throws Exception {
        Random random = new Random(seed);
        List<IntervalTotal> batch = TestData.totals(random, 1 + random.nextInt(100), 1 + random.nextInt(50));
        for (PayloadFormat format : PayloadFormat.values()) {
            List<SenmlRecord> records = decoder.decode(encoder.totals(batch, format), format);
            assertThat(records).hasSize(batch.size() * 3);
            assertThat(toTotals(records)).as(format.toString()).containsExactlyElementsOf(batch);
        }
    }

    @ParameterizedTest
    @EnumSource(PayloadFormat.class)
    void badReadingHasNoValueButCarriesQualityAndReason(PayloadFormat format) throws Exception {
        Reading bad = new Reading(5, "泵站-1", "温度", "Cel", Instant.parse("2026-03-01T08:00:00.123Z"), Double.NaN,
                Quality.BAD, "异常 2: illegal data address");
        SenmlRecord record = decoder.decode(encoder.readings(List.of(bad), format), format).get(0);
        assertThat(record.value()).isNull();
        assertThat(record.name()).isEqualTo("urn:carbonedge:plant-07-gw1:readings:泵站-1/温度");
        assertThat(record.textExtension(SenmlProfile.QUALITY)).isEqualTo("bad");
        assertThat(record.textExtension(SenmlProfile.QUALITY_REASON)).isEqualTo("异常 2: illegal data address");
        assertThat(record.time()).isEqualTo(1772352000.123);
    }

    @Test
    void goodReadingOmitsQualityAndEmptyUnitInJson() {
        Reading good = new Reading(12, "grid-meter", "state", "", Instant.parse("2026-03-01T08:00:00.250Z"), 3,
                Quality.GOOD, null);
        String json = new String(encoder.readings(List.of(good), PayloadFormat.SENML_JSON), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("[{\"bn\":\"urn:carbonedge:plant-07-gw1:readings:\",\"bt\":1772352000.25,"
                + "\"n\":\"grid-meter/state\",\"v\":3.0,\"seq\":12}]");
    }

    @Test
    void cborBytesOfOneReadingUseIntegerLabelsAndTextExtensions() {
        Reading r = new Reading(7, "d", "p", "W", Instant.ofEpochMilli(1_700_000_000_500L), 230.5, Quality.GOOD, null);
        byte[] actual = new SenmlEncoder("g").readings(List.of(r), PayloadFormat.SENML_CBOR);

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write(0x81);                  // array of 1
        expected.write(0xa6);                  // map of 6 pairs
        expected.write(0x21);                  // -2 (bn): major type 1, argument 1
        text(expected, "urn:carbonedge:g:readings:");
        expected.write(0x22);                  // -3 (bt)
        expected.write(0xfb);                  // float64
        expected.writeBytes(ByteBuffer.allocate(8).putDouble(1_700_000_000.5).array());
        expected.write(0x00);                  // 0 (n)
        text(expected, "d/p");
        expected.write(0x01);                  // 1 (u)
        text(expected, "W");
        expected.write(0x02);                  // 2 (v)
        expected.write(0xfa);                  // float32, exact for 230.5
        expected.writeBytes(ByteBuffer.allocate(4).putFloat(230.5f).array());
        text(expected, "seq");                 // extension: text key
        expected.write(0x07);
        assertThat(hex(actual)).isEqualTo(hex(expected.toByteArray()));
    }

    @Test
    void decoderResolvesBaseValuesAndAcceptsTextLabelsInCbor() throws Exception {
        // CBOR with text labels, base time, base unit and base value, written with Jackson by hand.
        var factory = new com.fasterxml.jackson.dataformat.cbor.CBORFactory();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var g = factory.createGenerator(out)) {
            g.writeStartArray();
            g.writeStartObject();
            g.writeStringField("bn", "urn:dev:ow:10e2073a01080063:");
            g.writeNumberField("bt", 1.320067464e9);
            g.writeStringField("bu", "%RH");
            g.writeNumberField("bv", 10.0);
            g.writeStringField("n", "humidity");
            g.writeNumberField("v", 10.5);
            g.writeEndObject();
            g.writeStartObject();
            g.writeFieldId(0);
            g.writeString("temp");
            g.writeFieldId(1);
            g.writeString("Cel");
            g.writeFieldId(6);
            g.writeNumber(-5);
            g.writeFieldId(2);
            g.writeNumber(13);
            g.writeEndObject();
            g.writeEndArray();
        }
        List<SenmlRecord> records = decoder.decode(out.toByteArray(), PayloadFormat.SENML_CBOR);
        assertThat(records).extracting(SenmlRecord::name)
                .containsExactly("urn:dev:ow:10e2073a01080063:humidity", "urn:dev:ow:10e2073a01080063:temp");
        assertThat(records).extracting(SenmlRecord::unit).containsExactly("%RH", "Cel");
        assertThat(records).extracting(SenmlRecord::value).containsExactly(20.5, 23.0);
        assertThat(records).extracting(SenmlRecord::time).containsExactly(1.320067464e9, 1.320067459e9);
    }

    @Test
    void decoderReadsTheRfcJsonExample() throws Exception {
        String json = """
                [{"bn":"urn:dev:ow:10e2073a01080063:","n":"voltage","u":"V","v":120.1},
                 {"n":"current","u":"A","v":1.2, "vendor-note":"x", "bt":1.276020076e9, "t":5}]""";
        List<SenmlRecord> records = decoder.decode(json.getBytes(StandardCharsets.UTF_8), PayloadFormat.SENML_JSON);
        assertThat(records.get(1).name()).isEqualTo("urn:dev:ow:10e2073a01080063:current");
        assertThat(records.get(1).time()).isEqualTo(1.276020081e9);
        assertThat(records.get(1).extensions()).containsEntry("vendor-note", "x");
    }

    @Test
    void decoderRefusesMustUnderstandLabelsAndMalformedPacks() {
        assertThatThrownBy(() -> decode("[{\"n\":\"a\",\"v\":1,\"foo_\":2}]"))
                .isInstanceOf(SenmlFormatException.class).hasMessageContaining("foo_");
        assertThatThrownBy(() -> decode("{\"n\":\"a\"}")).isInstanceOf(SenmlFormatException.class);
        assertThatThrownBy(() -> decode("[{\"v\":1}]")).hasMessageContaining("no name");
        assertThatThrownBy(() -> decode("[{\"n\":\"a\",\"v\":\"x\"}]")).hasMessageContaining("number");
        assertThatThrownBy(() -> decode("[{\"n\":\"a\"")).isInstanceOf(SenmlFormatException.class);
        assertThatThrownBy(() -> decoder.decode(new byte[] {(byte) 0xff, 0x00}, PayloadFormat.SENML_CBOR))
                .isInstanceOf(SenmlFormatException.class);
    }

    @Test
    void cborIsSmallerThanJson() {
        List<Reading> batch = TestData.readings(new Random(5), 1, 500);
        int cbor = encoder.readings(batch, PayloadFormat.SENML_CBOR).length;
        int json = encoder.readings(batch, PayloadFormat.SENML_JSON).length;
        assertThat(cbor).isLessThan(json * 3 / 4);
    }

    private List<SenmlRecord> decode(String json) throws SenmlFormatException {
        return decoder.decode(json.getBytes(StandardCharsets.UTF_8), PayloadFormat.SENML_JSON);
    }

    /** Maps records back the way docs/uplink.md tells a platform to. */
    static List<Reading> toReadings(List<SenmlRecord> records) {
        String prefix = SenmlProfile.baseName(GATEWAY, Stream.READINGS);
        List<Reading> out = new ArrayList<>();
        for (SenmlRecord r : records) {
            assertThat(r.name()).startsWith(prefix);
            String[] name = r.name().substring(prefix.length()).split("/");
            String q = r.textExtension(SenmlProfile.QUALITY);
            out.add(new Reading(r.longExtension(SenmlProfile.SEQ), name[0], name[1], r.unit() == null ? "" : r.unit(),
                    Instant.ofEpochMilli(Math.round(r.time() * 1000)), r.value() == null ? Double.NaN : r.value(),
                    q == null ? Quality.GOOD : Quality.valueOf(q.toUpperCase(Locale.ROOT)),
                    r.textExtension(SenmlProfile.QUALITY_REASON)));
        }
        return out;
    }

    private static List<IntervalTotal> toTotals(List<SenmlRecord> records) {
        String prefix = SenmlProfile.baseName(GATEWAY, Stream.TOTALS);
        List<IntervalTotal> out = new ArrayList<>();
        for (int i = 0; i < records.size(); i += 3) {
            SenmlRecord amount = records.get(i);
            SenmlRecord kgce = records.get(i + 1);
            SenmlRecord co2 = records.get(i + 2);
            String[] name = amount.name().substring(prefix.length()).split("/");
            assertThat(name[2]).isEqualTo(SenmlProfile.AMOUNT);
            assertThat(kgce.name()).endsWith("/" + SenmlProfile.KGCE);
            assertThat(co2.name()).endsWith("/" + SenmlProfile.KGCO2);
            assertThat(kgce.unit()).isEqualTo("kg");
            Carrier carrier = Carrier.valueOf(amount.textExtension(SenmlProfile.CARRIER).toUpperCase(Locale.ROOT)
                    .replace('-', '_'));
            assertThat(amount.unit()).isEqualTo(carrier.unit());
            out.add(new IntervalTotal(amount.longExtension(SenmlProfile.SEQ), name[0], name[1], carrier,
                    Instant.ofEpochMilli(Math.round(amount.time() * 1000)),
                    Duration.ofSeconds(amount.longExtension(SenmlProfile.INTERVAL_LENGTH)), amount.value(),
                    kgce.value(), co2.value(), amount.longExtension(SenmlProfile.REVISION).intValue()));
        }
        return out;
    }

    private static void text(ByteArrayOutputStream out, String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        if (utf8.length < 24) {
            out.write(0x60 + utf8.length);
        } else {
            out.write(0x78);
            out.write(utf8.length);
        }
        out.writeBytes(utf8);
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(String.format("%02x", b & 0xff));
        }
        return sb.toString();
    }
}
