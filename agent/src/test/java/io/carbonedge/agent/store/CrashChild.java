package io.carbonedge.agent.store;

import io.carbonedge.agent.MutableClock;
import io.carbonedge.agent.config.AccountingConfig;
import io.carbonedge.agent.config.AgentConfig;
import io.carbonedge.agent.config.DeviceConfig;
import io.carbonedge.agent.config.GridFactor;
import io.carbonedge.agent.config.PointAccounting;
import io.carbonedge.agent.config.PollDefaults;
import io.carbonedge.agent.config.StoreConfig;
import io.carbonedge.agent.totals.Carrier;
import io.carbonedge.driver.DeviceSpec;
import io.carbonedge.driver.PointKind;
import io.carbonedge.driver.PointSpec;
import io.carbonedge.driver.Sample;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The process {@link AccountingCrashIT} kills: feeds a fixed counter series (with a rollover and a
 * reset) to a real buffer writer, one poll at a time, resuming after the last reading the buffer
 * holds, as a restarted agent would; prints {@code fed <i>} as it goes and {@code done} at the end.
 */
public final class CrashChild {

    static final Instant T0 = Instant.parse("2026-02-28T16:00:00Z");   // 2026-03-01 00:00 Shanghai
    static final int SAMPLES = 600;
    static final Duration STEP = Duration.ofMinutes(2);
    static final double MODULUS = 100_000;

    private CrashChild() {
    }

    /** The value of sample i: 0..400 kWh per 2 min, wraps at the modulus, one meter reset at 400. */
    static double value(int i) {
        Random random = new Random(20260301);
        double v = MODULUS - 3_000;
        for (int k = 1; k <= i; k++) {
            v = (v + random.nextDouble() * 40) % MODULUS;
            if (k == 400) {
                v = 7;
            }
        }
        return v;
    }

    static AgentConfig config(Path data) {
        DeviceSpec spec = new DeviceSpec("meter", "test", STEP, Duration.ofSeconds(1),
                List.of(new PointSpec("import_kwh", PointKind.COUNTER, "kWh")));
        DeviceConfig meter = new DeviceConfig(spec, "", Map.of("import_kwh", Carrier.ELECTRICITY_IMPORT), null,
                data.resolve("meter.yaml"), Map.of("import_kwh",
                new PointAccounting(Carrier.ELECTRICITY_IMPORT, false, MODULUS, 3000)), Double.NaN, null);
        return new AgentConfig("gw", data, new PollDefaults(STEP, Duration.ofSeconds(1), Duration.ofMinutes(1)),
                StoreConfig.of(Duration.ofMillis(1), 5000), List.of(),
                new AccountingConfig(Duration.ofMinutes(15), java.time.ZoneId.of("Asia/Shanghai"), Duration.ofMinutes(2),
                        0.1229, new GridFactor("mee-2022-national", 0.5366)), List.of(meter));
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        BufferDatabase db = BufferDatabase.open(data);
        int next = 0;
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MAX(t_ms) FROM reading WHERE quality = 0")) {
            if (rs.next() && rs.getObject(1) != null) {
                next = (int) (Duration.between(T0, Instant.ofEpochMilli(rs.getLong(1))).dividedBy(STEP)) + 1;
            }
        }
        MutableClock clock = new MutableClock(T0.plus(STEP.multipliedBy(next)));
        try (BufferWriter writer = BufferWriter.open(db, config(data), clock)) {
            for (int i = next; i < SAMPLES; i++) {
                Instant t = T0.plus(STEP.multipliedBy(i));
                clock.set(t);
                long before = writer.lastSeq();
                writer.accept("meter", List.of(Sample.good("import_kwh", t, value(i))));
                while (writer.lastSeq() == before) {
                    Thread.onSpinWait();
                }
                System.out.println("fed " + i);
            }
            clock.set(T0.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(3)));
            long before = writer.lastSeq();
            writer.accept("meter", List.of(Sample.bad("import_kwh", clock.instant(), "end")));
            while (writer.lastSeq() == before || !writer.isIdle()) {
                Thread.onSpinWait();
            }
        }
        System.out.println("done");
    }
}
