package io.carbonedge.agent.uplink;

import io.carbonedge.agent.store.IntervalTotal;
import io.carbonedge.agent.store.Reading;
import io.carbonedge.agent.totals.Carrier;
import io.carbonedge.driver.Quality;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Readings and totals for tests, from a seeded Random. */
public final class TestData {

    private static final String[] DEVICES = {"grid-meter", "pv.inverter_2", "泵站-1", "Kessel-Ü"};
    private static final String[] POINTS = {"import_kwh", "power_kw", "温度", "state"};
    private static final String[] UNITS = {"kWh", "kW", "Cel", ""};
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

    private TestData() {
    }

    /** {@code count} readings with seq firstSeq.. and times a second apart, some BAD or UNCERTAIN. */
    public static List<Reading> readings(Random random, long firstSeq, int count) {
        List<Reading> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int p = random.nextInt(POINTS.length);
            Instant time = START.plusMillis((firstSeq + i) * 1000 + random.nextInt(1000));
            int roll = random.nextInt(10);
            if (roll == 0) {
                out.add(new Reading(firstSeq + i, DEVICES[random.nextInt(DEVICES.length)], POINTS[p], UNITS[p], time,
                        Double.NaN, Quality.BAD, "timeout after 1000 ms — 超时"));
            } else if (roll == 1) {
                out.add(new Reading(firstSeq + i, DEVICES[random.nextInt(DEVICES.length)], POINTS[p], UNITS[p], time,
                        value(random), Quality.UNCERTAIN, null));
            } else {
                out.add(new Reading(firstSeq + i, DEVICES[random.nextInt(DEVICES.length)], POINTS[p], UNITS[p], time,
                        value(random), Quality.GOOD, null));
            }
        }
        return out;
    }

    /**
     * {@code count} readings as polls write them: runs of one device's points (1 to 12), most
     * runs stamped with one time (Modbus), some with a time per point (OPC UA source times).
     */
    public static List<Reading> polls(Random random, long firstSeq, int count) {
        List<Reading> out = new ArrayList<>(count);
        Instant time = START;
        while (out.size() < count) {
            String device = DEVICES[random.nextInt(DEVICES.length)];
            int run = Math.min(count - out.size(), 1 + random.nextInt(12));
            boolean oneTime = random.nextInt(5) > 0;
            time = time.plusMillis(1 + random.nextInt(5000));
            for (int i = 0; i < run; i++) {
                int p = random.nextInt(POINTS.length);
                Instant at = oneTime ? time : time.plusMillis(random.nextInt(3));
                boolean bad = random.nextInt(20) == 0;
                out.add(new Reading(firstSeq + out.size(), device, POINTS[p], UNITS[p], at,
                        bad ? Double.NaN : value(random), bad ? Quality.BAD : Quality.GOOD, bad ? "timeout" : null));
            }
        }
        return out;
    }

    /** {@code count} 15-minute totals with seq firstSeq.., random carriers, some revisions. */
    public static List<IntervalTotal> totals(Random random, long firstSeq, int count) {
        List<IntervalTotal> out = new ArrayList<>(count);
        Carrier[] carriers = Carrier.values();
        for (int i = 0; i < count; i++) {
            Carrier carrier = carriers[random.nextInt(carriers.length)];
            double amount = random.nextDouble() * 1000;
            out.add(new IntervalTotal(firstSeq + i, DEVICES[random.nextInt(DEVICES.length)], "import_kwh", carrier,
                    START.plus(Duration.ofMinutes(15L * i)), Duration.ofMinutes(15), amount, amount * 0.1229,
                    carrier == Carrier.PV_GENERATION ? 0 : amount * 0.5366, random.nextInt(3)));
        }
        return out;
    }

    private static double value(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextInt(100_000);
            case 1 -> -random.nextDouble() * 1e6;
            case 2 -> random.nextDouble() * 1e-6;
            default -> random.nextGaussian() * 230;
        };
    }
}
