package io.carbonedge.agent.uplink;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import io.carbonedge.agent.config.PayloadFormat;
import io.carbonedge.agent.store.IntervalTotal;
import io.carbonedge.agent.store.Reading;
import io.carbonedge.agent.totals.Period;
import io.carbonedge.driver.Quality;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Encodes batches of readings and of interval totals as SenML packs (RFC 8428), in CBOR (integer
 * labels, content-format 112) or JSON (text labels, 110), as {@link SenmlProfile} lays them out.
 * Streams straight to bytes: no tree is built. Thread-safe.
 */
public final class SenmlEncoder {

    private static final int READING_BYTES_GUESS = 48;

    private final String gatewayId;
    private final CBORFactory cbor = CBORFactory.builder()
            .enable(CBORGenerator.Feature.WRITE_MINIMAL_DOUBLES)
            .build();
    private final JsonFactory json = new JsonFactory();

    /** @param gatewayId names the gateway in every base name */
    public SenmlEncoder(String gatewayId) {
        this.gatewayId = gatewayId;
    }

    /**
     * One record per reading, in the order given. Base fields carry what records share, as RFC 8428
     * allows anywhere in a pack: a record whose time differs from the record before carries it as
     * {@code bt} and the records after it that share it carry no time at all (a Modbus poll stamps
     * all its points alike); a run of one device's readings gets the base name
     * {@code urn:carbonedge:<gateway>:readings:<device>/} and names of the point alone, where that
     * is shorter than repeating the device in every name.
     */
    public byte[] readings(List<Reading> batch, PayloadFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + batch.size() * READING_BYTES_GUESS);
        try (JsonGenerator g = generator(out, format)) {
            Labels labels = new Labels(g, format);
            String streamBase = SenmlProfile.baseName(gatewayId, Stream.READINGS);
            int streamBaseBytes = utf8Length(streamBase);
            String base = null;
            long baseMillis = 0;
            g.writeStartArray(batch, batch.size());
            for (int run = 0; run < batch.size(); ) {
                String device = batch.get(run).device();
                int end = run + 1;
                while (end < batch.size() && batch.get(end).device().equals(device)) {
                    end++;
                }
                String runBase = cheaperBase(streamBase, streamBaseBytes, base, device, end - run);
                boolean pointOnly = runBase.length() > streamBase.length();
                String newBase = runBase.equals(base) ? null : runBase;
                for (int i = run; i < end; i++) {
                    Reading r = batch.get(i);
                    long millis = r.time().toEpochMilli();
                    writeReading(labels, r, i == run ? newBase : null, pointOnly, i == 0 || millis != baseMillis);
                    baseMillis = millis;
                }
                base = runBase;
                run = end;
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("encoding readings in memory", e);
        }
        return out.toByteArray();
    }

    /**
     * The base name for a run of {@code count} readings of one device: the device's own
     * ({@code ...:readings:<device>/}) when setting it costs fewer bytes than writing
     * {@code <device>/} in each of their names, else the stream's.
     */
    private static String cheaperBase(String streamBase, int streamBaseBytes, String current, String device, int count) {
        String deviceBase = streamBase + device + '/';
        int prefixBytes = utf8Length(device) + 1;   // "<device>/" in each name, or once in the base name
        long withDevice = deviceBase.equals(current) ? 0 : streamBaseBytes + prefixBytes + 2;
        long withStream = (streamBase.equals(current) ? 0 : streamBaseBytes + 2) + (long) count * prefixBytes;
        return withDevice < withStream ? deviceBase : streamBase;
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * The totals stream: three records per point total (amount, kgce, kgco2), one per site figure
     * and one per counter event, in the order given.
     */
    public byte[] totals(List<IntervalTotal> batch, PayloadFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + batch.size() * 3 * 128);
        int records = 0;
        for (IntervalTotal t : batch) {
            records += t.kind() == IntervalTotal.Kind.POINT ? 3 : 1;
        }
        try (JsonGenerator g = generator(out, format)) {
            Labels labels = new Labels(g, format);
            String baseName = SenmlProfile.baseName(gatewayId, Stream.TOTALS);
            g.writeStartArray(batch, records);
            for (int i = 0; i < batch.size(); i++) {
                IntervalTotal total = batch.get(i);
                String base = i == 0 ? baseName : null;
                switch (total.kind()) {
                    case POINT -> {
                        String prefix = total.device() + '/' + total.point() + '/';
                        writeTotal(labels, total, base, prefix + SenmlProfile.AMOUNT, total.carrier().unit(),
                                total.amount());
                        writeTotal(labels, total, null, prefix + SenmlProfile.KGCE, "kg", total.kgce());
                        writeTotal(labels, total, null, prefix + SenmlProfile.KGCO2, "kg", total.kgCo2());
                    }
                    case SITE -> writeSiteFigure(labels, total, base);
                    case EVENT -> writeEvent(labels, total, base);
                }
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("encoding totals in memory", e);
        }
        return out.toByteArray();
    }

    private JsonGenerator generator(ByteArrayOutputStream out, PayloadFormat format) throws IOException {
        return format == PayloadFormat.SENML_CBOR ? cbor.createGenerator(out) : json.createGenerator(out);
    }

    private static void writeReading(Labels labels, Reading r, String baseName, boolean pointOnly, boolean newTime)
            throws IOException {
        boolean hasUnit = r.unit() != null && !r.unit().isEmpty();
        boolean hasValue = Double.isFinite(r.value());
        boolean hasQuality = r.quality() != Quality.GOOD;
        boolean hasReason = r.reason() != null;
        int fields = 2 + (baseName != null ? 1 : 0) + (newTime ? 1 : 0) + (hasUnit ? 1 : 0) + (hasValue ? 1 : 0)
                + (hasQuality ? 1 : 0) + (hasReason ? 1 : 0);
        JsonGenerator g = labels.generator;
        g.writeStartObject(r, fields);
        if (baseName != null) {
            labels.write(SenmlLabel.BASE_NAME);
            g.writeString(baseName);
        }
        if (newTime) {
            labels.write(SenmlLabel.BASE_TIME);
            labels.writeTime(r.time());
        }
        labels.write(SenmlLabel.NAME);
        g.writeString(pointOnly ? r.point() : r.device() + '/' + r.point());
        if (hasUnit) {
            labels.write(SenmlLabel.UNIT);
            g.writeString(r.unit());
        }
        if (hasValue) {
            labels.write(SenmlLabel.VALUE);
            g.writeNumber(r.value());
        }
        g.writeFieldName(SenmlProfile.SEQ);
        g.writeNumber(r.seq());
        if (hasQuality) {
            g.writeFieldName(SenmlProfile.QUALITY);
            g.writeString(r.quality().name().toLowerCase(Locale.ROOT));
        }
        if (hasReason) {
            g.writeFieldName(SenmlProfile.QUALITY_REASON);
            g.writeString(r.reason());
        }
        g.writeEndObject();
    }

    private static void writeTotal(Labels labels, IntervalTotal t, String baseName, String name, String unit,
                                   double value) throws IOException {
        boolean hasValue = Double.isFinite(value);
        boolean hasPeriod = t.period() != Period.INTERVAL;
        boolean hasCompleteness = Double.isFinite(t.completeness());
        boolean hasFactor = t.factor() != null;
        int fields = 7 + (baseName != null ? 1 : 0) + (hasValue ? 1 : 0) + (hasPeriod ? 1 : 0)
                + (t.estimated() ? 1 : 0) + (hasCompleteness ? 1 : 0) + (hasFactor ? 3 : 0);
        JsonGenerator g = labels.generator;
        g.writeStartObject(t, fields);
        writeHead(labels, baseName, name, unit, value, t.intervalStart());
        g.writeFieldName(SenmlProfile.SEQ);
        g.writeNumber(t.seq());
        g.writeFieldName(SenmlProfile.CARRIER);
        g.writeString(t.carrier().configName());
        g.writeFieldName(SenmlProfile.INTERVAL_LENGTH);
        g.writeNumber(t.length().toSeconds());
        g.writeFieldName(SenmlProfile.REVISION);
        g.writeNumber(t.revision());
        if (hasPeriod) {
            g.writeFieldName(SenmlProfile.PERIOD);
            g.writeString(t.period().wireName());
        }
        if (t.estimated()) {
            g.writeFieldName(SenmlProfile.ESTIMATED);
            g.writeBoolean(true);
        }
        if (hasCompleteness) {
            g.writeFieldName(SenmlProfile.COMPLETENESS);
            g.writeNumber(t.completeness());
        }
        if (hasFactor) {
            g.writeFieldName(SenmlProfile.KGCE_FACTOR);
            g.writeNumber(t.factor().kgcePerUnit());
            g.writeFieldName(SenmlProfile.KGCO2_FACTOR);
            g.writeNumber(t.factor().kgCo2PerUnit());
            g.writeFieldName(SenmlProfile.FACTOR_SOURCE);
            g.writeString(t.factor().source());
        }
        g.writeEndObject();
    }

    private static void writeSiteFigure(Labels labels, IntervalTotal t, String baseName) throws IOException {
        boolean hasValue = Double.isFinite(t.amount());
        boolean hasPeriod = t.period() != Period.INTERVAL;
        int fields = 6 + (baseName != null ? 1 : 0) + (hasValue ? 1 : 0) + (hasPeriod ? 1 : 0);
        JsonGenerator g = labels.generator;
        g.writeStartObject(t, fields);
        writeHead(labels, baseName, SenmlProfile.SITE + '/' + t.point(), t.unit(), t.amount(), t.intervalStart());
        g.writeFieldName(SenmlProfile.SEQ);
        g.writeNumber(t.seq());
        g.writeFieldName(SenmlProfile.INTERVAL_LENGTH);
        g.writeNumber(t.length().toSeconds());
        g.writeFieldName(SenmlProfile.REVISION);
        g.writeNumber(t.revision());
        if (hasPeriod) {
            g.writeFieldName(SenmlProfile.PERIOD);
            g.writeString(t.period().wireName());
        }
        g.writeEndObject();
    }

    private static void writeEvent(Labels labels, IntervalTotal t, String baseName) throws IOException {
        boolean hasPrevious = Double.isFinite(t.previous());
        int fields = 5 + (baseName != null ? 1 : 0) + (hasPrevious ? 1 : 0);
        JsonGenerator g = labels.generator;
        g.writeStartObject(t, fields);
        if (baseName != null) {
            labels.write(SenmlLabel.BASE_NAME);
            g.writeString(baseName);
        }
        labels.write(SenmlLabel.NAME);
        g.writeString(t.device() + '/' + t.point() + '/' + SenmlProfile.EVENT);
        labels.write(SenmlLabel.STRING_VALUE);
        g.writeString(t.unit());
        labels.write(SenmlLabel.TIME);
        labels.writeTime(t.intervalStart());
        g.writeFieldName(SenmlProfile.SEQ);
        g.writeNumber(t.seq());
        g.writeFieldName(SenmlProfile.EVENT_VALUE);
        g.writeNumber(t.amount());
        if (hasPrevious) {
            g.writeFieldName(SenmlProfile.EVENT_PREVIOUS);
            g.writeNumber(t.previous());
        }
        g.writeEndObject();
    }

    /** bn (first record only), n, u, v (when finite), t. */
    private static void writeHead(Labels labels, String baseName, String name, String unit, double value, Instant time)
            throws IOException {
        JsonGenerator g = labels.generator;
        if (baseName != null) {
            labels.write(SenmlLabel.BASE_NAME);
            g.writeString(baseName);
        }
        labels.write(SenmlLabel.NAME);
        g.writeString(name);
        labels.write(SenmlLabel.UNIT);
        g.writeString(unit);
        if (Double.isFinite(value)) {
            labels.write(SenmlLabel.VALUE);
            g.writeNumber(value);
        }
        labels.write(SenmlLabel.TIME);
        labels.writeTime(time);
    }

    /** Writes RFC 8428 labels and times the way the format wants them. */
    private static final class Labels {
        final JsonGenerator generator;
        private final CBORGenerator cbor;

        Labels(JsonGenerator generator, PayloadFormat format) {
            this.generator = generator;
            this.cbor = format == PayloadFormat.SENML_CBOR ? (CBORGenerator) generator : null;
        }

        void write(SenmlLabel label) throws IOException {
            if (cbor != null) {
                cbor.writeFieldId(label.id);
            } else {
                generator.writeFieldName(label.text);
            }
        }

        /** Seconds since the epoch with millisecond precision. */
        void writeTime(Instant time) throws IOException {
            long millis = time.toEpochMilli();
            if (cbor != null || millis < 0) {
                generator.writeNumber(millis / 1000.0);
                return;
            }
            // Plain decimal text in JSON ("1712345678.25" rather than "1.71234567825E9").
            long seconds = millis / 1000;
            int fraction = (int) (millis % 1000);
            if (fraction == 0) {
                generator.writeNumber(seconds);
                return;
            }
            StringBuilder text = new StringBuilder(24).append(seconds).append('.');
            if (fraction < 100) {
                text.append('0');
            }
            if (fraction < 10) {
                text.append('0');
            }
            int end = text.append(fraction).length();
            while (text.charAt(end - 1) == '0') {
                end--;
            }
            text.setLength(end);
            generator.writeNumber(text.toString());
        }
    }
}
