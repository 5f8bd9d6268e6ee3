package io.carbonedge.bench;

import io.carbonedge.agent.config.AccountingConfig;
import io.carbonedge.agent.config.AgentConfig;
import io.carbonedge.agent.config.DeviceConfig;
import io.carbonedge.agent.config.GridFactor;
import io.carbonedge.agent.config.PollDefaults;
import io.carbonedge.agent.config.StoreConfig;
import io.carbonedge.agent.store.BufferDatabase;
import io.carbonedge.agent.store.BufferWriter;
import io.carbonedge.agent.totals.AccountedPoint;
import io.carbonedge.agent.totals.Carrier;
import io.carbonedge.agent.totals.CounterAccountant;
import io.carbonedge.agent.totals.IntervalGrid;
import io.carbonedge.driver.DeviceSpec;
import io.carbonedge.driver.PointKind;
import io.carbonedge.driver.PointSpec;
import io.carbonedge.driver.Sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cost of accounting: (1) the accounting step alone, ns per counter sample (CounterAccountant:
 * classify, split, close), and (2) the whole writer pipeline (append + account + commit to SQLite)
 * in samples per second with accounting on versus off, in the same run.
 *
 * <pre>java -cp bench.jar:agent.jar io.carbonedge.bench.AccountingBench [samples]</pre>
 */
public final class AccountingBench {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final int POINTS = 50;

    private AccountingBench() {
    }

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        for (int round = 0; round < 3; round++) {          // the first rounds warm the JIT
            System.out.printf("accounting step: %.1f ns/sample%n", accountingStep(samples));
        }
        int pipelineSamples = Math.max(50_000, samples / 10);
        for (int round = 0; round < 2; round++) {
            double on = pipeline(pipelineSamples, true);
            double off = pipeline(pipelineSamples, false);
            System.out.printf("pipeline: %.0f samples/s with accounting, %.0f without (%.1f%% slower)%n",
                    on, off, 100 * (off - on) / off);
        }
    }

    /** ns per accepted sample: 50 counters polled every 10 s, intervals closed as time passes. */
    static double accountingStep(int samples) {
        List<AccountedPoint> points = new ArrayList<>();
        for (int p = 0; p < POINTS; p++) {
            points.add(new AccountedPoint(p, "d" + p, Carrier.ELECTRICITY_IMPORT, AccountedPoint.Source.COUNTER, 1,
                    42_949_672.96, 500, Duration.ofSeconds(10)));
        }
        CounterAccountant a = new CounterAccountant(new IntervalGrid(Duration.ofMinutes(15), ZoneId.of("Asia/Shanghai")),
                Duration.ofMinutes(2), points, Map.of(), (key, length) -> Optional.empty());
        double[] values = new double[POINTS];
        long start = System.nanoTime();
        for (int i = 0; i < samples; i++) {
            int p = i % POINTS;
            Instant t = T0.plusMillis(10_000L * (i / POINTS));
            values[p] += 0.5 + (i & 7) * 0.1;
            a.accept(p, t, values[p]);
            if (p == POINTS - 1) {
                a.poll("d", t);
                a.closeDue(t);
                a.drainChanges();
            }
        }
        return (System.nanoTime() - start) / (double) samples;
    }

    /** Samples per second through the real writer; 10 points per poll, half of them accounted counters. */
    static double pipeline(int samples, boolean accounting) throws Exception {
        Path dir = Files.createTempDirectory("bench");
        List<PointSpec> specs = new ArrayList<>();
        Map<String, Carrier> carriers = new java.util.HashMap<>();
        for (int p = 0; p < 10; p++) {
            specs.add(new PointSpec("p" + p, p < 5 ? PointKind.COUNTER : PointKind.GAUGE, "kWh"));
            if (p < 5 && accounting) {
                carriers.put("p" + p, Carrier.ELECTRICITY_IMPORT);
            }
        }
        DeviceConfig device = new DeviceConfig(new DeviceSpec("d", "bench", Duration.ofSeconds(10), Duration.ofSeconds(1),
                specs), "", carriers, null, dir.resolve("d.yaml"));
        AgentConfig config = new AgentConfig("bench", dir, new PollDefaults(Duration.ofSeconds(10), Duration.ofSeconds(1),
                Duration.ofMinutes(1)), StoreConfig.of(Duration.ofMillis(200), 5000), List.of(),
                new AccountingConfig(Duration.ofMinutes(15), ZoneId.of("Asia/Shanghai"), Duration.ofMinutes(2), 0.1229,
                        new GridFactor("mee-2022-national", 0.5366)), List.of(device));
        Clock clock = Clock.fixed(T0.plus(Duration.ofDays(30)), ZoneOffset.UTC);
        long start;
        try (BufferWriter writer = BufferWriter.open(BufferDatabase.open(dir), config, clock)) {
            start = System.nanoTime();
            for (int i = 0; i < samples / 10; i++) {
                Instant t = T0.plusMillis(10_000L * i);
                List<Sample> poll = new ArrayList<>(10);
                for (int p = 0; p < 10; p++) {
                    poll.add(Sample.good("p" + p, t, i * 0.5 + p));
                }
                writer.accept("d", poll);
            }
            while (writer.lastSeq() < samples || !writer.isIdle()) {
                Thread.sleep(5);
            }
        }
        return samples / ((System.nanoTime() - start) / 1e9);
    }
}
