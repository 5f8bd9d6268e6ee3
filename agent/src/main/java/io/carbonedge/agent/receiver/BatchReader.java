package io.carbonedge.agent.receiver;

import io.carbonedge.agent.uplink.SenmlFormatException;
import io.carbonedge.agent.uplink.SenmlProfile;
import io.carbonedge.agent.uplink.SenmlRecord;
import io.carbonedge.driver.Quality;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads decoded SenML records as {@code docs/uplink.md} lays them out: the gateway and stream from
 * the name's {@code urn:carbonedge:<gateway>:<stream>:} prefix, a reading per record in the
 * readings stream, a total per three records (amount, kgce, kgco2) sharing a seq in the totals
 * stream.
 */
final class BatchReader {

    /** RFC 8428 §4.5.3: times below 2^28 are relative to now; gateways always send absolute times. */
    private static final double FIRST_ABSOLUTE_TIME = 1 << 28;

    ReceivedBatch read(List<SenmlRecord> records) throws SenmlFormatException {
        List<ReceivedReading> readings = new ArrayList<>();
        List<ReceivedSiteFigure> siteFigures = new ArrayList<>();
        List<ReceivedEvent> events = new ArrayList<>();
        Map<String, TotalParts> totals = new LinkedHashMap<>();
        Map<String, Name> names = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            SenmlRecord record = records.get(i);
            Name name = names.get(record.name());
            if (name == null) {
                name = Name.parse(record.name(), i);
                names.put(record.name(), name);
            }
            long seq = required(record.longExtension(SenmlProfile.SEQ), SenmlProfile.SEQ, i);
            if (record.time() < FIRST_ABSOLUTE_TIME) {
                throw new SenmlFormatException("record " + i + ": time must be absolute (seconds since 1970)");
            }
            Instant time = Instant.ofEpochMilli(Math.round(record.time() * 1000));
            String[] parts = name.parts;
            if (name.stream.equals("readings")) {
                if (parts.length != 2) {
                    throw new SenmlFormatException("record " + i + ": a reading's name is <device>/<point>");
                }
                readings.add(new ReceivedReading(name.gateway, seq, parts[0], parts[1],
                        record.unit() == null ? "" : record.unit(), time, valueOf(record), quality(record, i),
                        record.textExtension(SenmlProfile.QUALITY_REASON)));
            } else if (name.stream.equals("totals") && parts.length == 2 && parts[0].equals(SenmlProfile.SITE)) {
                siteFigures.add(new ReceivedSiteFigure(name.gateway, seq, parts[1], record.unit() == null ? "" : record.unit(),
                        period(record), time, Duration.ofSeconds(required(record.longExtension(SenmlProfile.INTERVAL_LENGTH),
                        SenmlProfile.INTERVAL_LENGTH, i)), valueOf(record),
                        (int) required(record.longExtension(SenmlProfile.REVISION), SenmlProfile.REVISION, i)));
            } else if (name.stream.equals("totals") && parts.length == 3 && parts[2].equals(SenmlProfile.EVENT)) {
                if (record.stringValue() == null) {
                    throw new SenmlFormatException("record " + i + ": an event's kind is its vs");
                }
                events.add(new ReceivedEvent(name.gateway, seq, parts[0], parts[1], record.stringValue(), time,
                        number(record, SenmlProfile.EVENT_VALUE), number(record, SenmlProfile.EVENT_PREVIOUS)));
            } else if (name.stream.equals("totals")) {
                if (parts.length != 3) {
                    throw new SenmlFormatException("record " + i + ": a total's name is <device>/<point>/<quantity>");
                }
                totals.computeIfAbsent(name.gateway + ' ' + seq, k -> new TotalParts())
                        .add(name.gateway, seq, parts, record, time, i);
            } else {
                throw new SenmlFormatException("record " + i + ": unknown stream " + name.stream);
            }
        }
        List<ReceivedTotal> joined = new ArrayList<>(totals.size());
        for (TotalParts parts : totals.values()) {
            joined.add(parts.total());
        }
        return new ReceivedBatch(readings, joined, siteFigures, events);
    }

    private static String period(SenmlRecord record) {
        String p = record.textExtension(SenmlProfile.PERIOD);
        return p == null ? "interval" : p;
    }

    /** A numeric extension, NaN when absent. */
    private static double number(SenmlRecord record, String label) {
        Object v = record.extensions().get(label);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static double valueOf(SenmlRecord record) {
        return record.value() == null ? Double.NaN : record.value();
    }

    private static Quality quality(SenmlRecord record, int index) throws SenmlFormatException {
        String q = record.textExtension(SenmlProfile.QUALITY);
        if (q == null) {
            return Quality.GOOD;
        }
        try {
            return Quality.valueOf(q.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SenmlFormatException("record " + index + ": unknown quality " + q);
        }
    }

    private static long required(Long value, String label, int index) throws SenmlFormatException {
        if (value == null) {
            throw new SenmlFormatException("record " + index + ": integer " + label + " missing");
        }
        return value;
    }

    /**
     * The parts of a full name: gateway, stream and the rest split at {@code /}. A batch names the
     * same few points over and over, so each distinct name is parsed once per batch.
     */
    private record Name(String gateway, String stream, String[] parts) {
        static Name parse(String full, int index) throws SenmlFormatException {
            if (!full.startsWith(SenmlProfile.BASE_NAME_PREFIX)) {
                throw new SenmlFormatException("record " + index + ": name must start with "
                        + SenmlProfile.BASE_NAME_PREFIX);
            }
            int gatewayEnd = full.indexOf(':', SenmlProfile.BASE_NAME_PREFIX.length());
            int streamEnd = gatewayEnd < 0 ? -1 : full.indexOf(':', gatewayEnd + 1);
            if (streamEnd < 0 || gatewayEnd == SenmlProfile.BASE_NAME_PREFIX.length()) {
                throw new SenmlFormatException("record " + index + ": name must be "
                        + SenmlProfile.BASE_NAME_PREFIX + "<gateway>:<stream>:<name>");
            }
            return new Name(full.substring(SenmlProfile.BASE_NAME_PREFIX.length(), gatewayEnd),
                    full.substring(gatewayEnd + 1, streamEnd), full.substring(streamEnd + 1).split("/", -1));
        }
    }

    /** The three records of one total, joined as they arrive. */
    private static final class TotalParts {
        String gateway;
        long seq;
        String device;
        String point;
        String carrier;
        String unit;
        Instant start;
        long lengthSeconds;
        long revision;
        Double amount;
        Double kgce;
        Double kgCo2;
        String period;
        boolean estimated;
        double completeness = Double.NaN;
        double kgceFactor = Double.NaN;
        double kgCo2Factor = Double.NaN;
        String factorSource;

        void add(String gateway, long seq, String[] name, SenmlRecord record, Instant time, int index)
                throws SenmlFormatException {
            this.gateway = gateway;
            this.seq = seq;
            this.device = name[0];
            this.point = name[1];
            this.start = time;
            this.carrier = record.textExtension(SenmlProfile.CARRIER);
            this.lengthSeconds = required(record.longExtension(SenmlProfile.INTERVAL_LENGTH),
                    SenmlProfile.INTERVAL_LENGTH, index);
            this.revision = required(record.longExtension(SenmlProfile.REVISION), SenmlProfile.REVISION, index);
            if (carrier == null) {
                throw new SenmlFormatException("record " + index + ": text " + SenmlProfile.CARRIER + " missing");
            }
            this.period = period(record);
            this.estimated = Boolean.TRUE.equals(record.extensions().get(SenmlProfile.ESTIMATED));
            this.completeness = number(record, SenmlProfile.COMPLETENESS);
            this.kgceFactor = number(record, SenmlProfile.KGCE_FACTOR);
            this.kgCo2Factor = number(record, SenmlProfile.KGCO2_FACTOR);
            this.factorSource = record.textExtension(SenmlProfile.FACTOR_SOURCE);
            double value = valueOf(record);
            switch (name[2]) {
                case SenmlProfile.AMOUNT -> {
                    amount = value;
                    unit = record.unit() == null ? "" : record.unit();
                }
                case SenmlProfile.KGCE -> kgce = value;
                case SenmlProfile.KGCO2 -> kgCo2 = value;
                default -> throw new SenmlFormatException("record " + index + ": unknown total quantity " + name[2]);
            }
        }

        ReceivedTotal total() throws SenmlFormatException {
            if (amount == null || kgce == null || kgCo2 == null) {
                throw new SenmlFormatException("total seq " + seq + " lacks one of amount, kgce, kgco2");
            }
            return new ReceivedTotal(gateway, seq, device, point, carrier, unit, start,
                    Duration.ofSeconds(lengthSeconds), amount, kgce, kgCo2, (int) revision, period, estimated,
                    completeness, kgceFactor, kgCo2Factor, factorSource);
        }
    }
}
