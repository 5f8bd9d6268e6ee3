package io.carbonedge.bench;

import io.carbonedge.agent.config.AccountingConfig;
import io.carbonedge.agent.config.AgentConfig;
import io.carbonedge.agent.config.DeviceConfig;
import io.carbonedge.agent.config.GridFactor;
import io.carbonedge.agent.config.PayloadFormat;
import io.carbonedge.agent.config.PollDefaults;
import io.carbonedge.agent.config.StoreConfig;
import io.carbonedge.agent.config.UplinkConfig;
import io.carbonedge.agent.config.UplinkSecurity;
import io.carbonedge.agent.receiver.PlatformReceiver;
import io.carbonedge.agent.receiver.ReceiverDtls;
import io.carbonedge.agent.store.BufferDatabase;
import io.carbonedge.agent.store.BufferWriter;
import io.carbonedge.agent.store.SqliteOutbox;
import io.carbonedge.agent.uplink.Stream;
import io.carbonedge.agent.uplink.UplinkWorker;
import io.carbonedge.driver.DeviceSpec;
import io.carbonedge.driver.PointKind;
import io.carbonedge.driver.PointSpec;
import io.carbonedge.driver.Sample;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The buffer and the uplink beside the bare limits of SQLite and Californium ({@link BareLimits}), in one run:
 * <ol>
 *   <li>raw batched JDBC inserts into a table shaped like {@code reading} (WAL, synchronous=FULL);</li>
 *   <li>agent ingest: samples/s through the real {@link BufferWriter} (group commits, accounting)
 *       with an uplink forwarding to an in-process receiver at the same time, and bytes on disk per reading;</li>
 *   <li>bare Californium: sequential confirmable POSTs on loopback, requests/s, plain and DTLS-PSK;</li>
 *   <li>drain: readings/s delivered from a backlog to the reference receiver on loopback, plain and
 *       DTLS-PSK. The backlog is written once; each drain is an uplink of its own name, so it has its
 *       own watermark and starts from the first reading, as a newly added data centre would.</li>
 * </ol>
 * Each is repeated; medians are printed with the ratios.
 *
 * <p>The harness hosts the agent, the receiver and the feeder in one JVM, within the agent's 64 MB.
 *
 * <pre>java -Xmx64m -cp bench/target/carbonedge-bench.jar io.carbonedge.bench.BufferBench [samples] [backlog] [rounds] [batch]</pre>
 */
public final class BufferBench {

    private static final int POINTS = 50;
    private static final UplinkSecurity.Psk PSK =
            new UplinkSecurity.Psk(null, "bench", "bench-key-0123456789".getBytes(StandardCharsets.UTF_8));

    private BufferBench() {
    }

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        int backlog = args.length > 1 ? Integer.parseInt(args[1]) : 10_000_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int batchSize = args.length > 3 ? Integer.parseInt(args[3]) : 5000;
        Path backlogDir = Files.createTempDirectory("bench-backlog");
        try {
            long start = System.nanoTime();
            BufferDatabase backlogDb = fill(backlogDir, backlog);
            double took = seconds(start);
            System.out.printf("backlog: %d readings written in %.0f s (%.0f samples/s), %.1f B/reading on disk%n",
                    backlog, took, backlog / took, (double) Files.size(backlogDb.file()) / backlog);
            run(samples, backlogDb, backlog, rounds, batchSize);
        } finally {
            TempDirs.delete(backlogDir);
        }
    }

    private static void run(int samples, BufferDatabase backlogDb, int backlog, int rounds, int batchSize)
            throws Exception {
        double[] raw = new double[rounds];
        double[] ingest = new double[rounds];
        double[] bytes = new double[rounds];
        double[] coap = new double[rounds];
        double[] coaps = new double[rounds];
        double[] drain = new double[rounds];
        double[] drainDtls = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            raw[r] = BareLimits.rawJdbc(samples, POINTS);
            double[] in = ingest(samples);
            ingest[r] = in[0];
            bytes[r] = in[1];
            coap[r] = BareLimits.coapRequests(3000, null);
            coaps[r] = BareLimits.coapRequests(3000, PSK);
            drain[r] = drain(backlogDb, backlog, batchSize, "plain-" + r, null);
            drainDtls[r] = drain(backlogDb, backlog, batchSize, "dtls-" + r, PSK);
            System.out.printf("round %d: raw JDBC %.0f rows/s, ingest %.0f samples/s (%.1f B/reading), bare CoAP %.0f req/s,"
                            + " bare CoAP over DTLS %.0f req/s, drain %.0f readings/s, drain over DTLS %.0f readings/s%n",
                    r + 1, raw[r], ingest[r], bytes[r], coap[r], coaps[r], drain[r], drainDtls[r]);
        }
        System.out.printf("%nmedians over %d rounds (%d samples, backlog %d, %d readings per batch):%n", rounds, samples,
                backlog, batchSize);
        System.out.printf("  raw batched JDBC insert     %10.0f rows/s%n", median(raw));
        System.out.printf("  agent ingest (forwarding)   %10.0f samples/s   ratio to raw %.2f%n", median(ingest),
                median(ingest) / median(raw));
        System.out.printf("  bytes on disk per reading   %10.1f%n", median(bytes));
        System.out.printf("  bare Californium POSTs      %10.0f requests/s%n", median(coap));
        System.out.printf("  bare Californium over DTLS  %10.0f requests/s  ratio to plain %.2f%n", median(coaps),
                median(coaps) / median(coap));
        System.out.printf("  drain to the receiver       %10.0f readings/s  = %.1f bare requests' worth per second%n",
                median(drain), median(drain) / median(coap));
        System.out.printf("  drain over DTLS-PSK         %10.0f readings/s  = %.1f bare DTLS requests' worth,"
                + " ratio to plain drain %.2f%n", median(drainDtls), median(drainDtls) / median(coaps),
                median(drainDtls) / median(drain));
    }

    /** @return samples/s and bytes per reading */
    private static double[] ingest(int n) throws Exception {
        Path dir = Files.createTempDirectory("bench-ingest");
        try (PlatformReceiver receiver = PlatformReceiver.start("127.0.0.1", 0, dir.resolve("receiver"))) {
            AgentConfig config = config(dir.resolve("agent"), receiver.uri());
            BufferDatabase db = BufferDatabase.open(config.dataDir());
            try (SqliteOutbox outbox = new SqliteOutbox(db, Clock.systemUTC());
                 UplinkWorker uplink = UplinkWorker.overCoap("bench", config.uplinks().get(0), outbox);
                 BufferWriter writer = BufferWriter.open(db, config, Clock.systemUTC())) {
                writer.addCommitListener(uplink::wakeUp);
                uplink.start();
                long start = System.nanoTime();
                feed(writer, n);
                double rate = n / seconds(start);
                checkpoint(db);
                return new double[] {rate, (double) Files.size(db.file()) / n};
            }
        } finally {
            TempDirs.delete(dir);
        }
    }

    /** A buffer holding {@code n} unforwarded readings, written through the agent's own writer. */
    static BufferDatabase fill(Path dir, int n) throws Exception {
        AgentConfig config = config(dir, URI.create("coap://127.0.0.1:5683/carbonedge"));
        BufferDatabase db = BufferDatabase.open(config.dataDir());
        try (BufferWriter writer = BufferWriter.open(db, config, Clock.systemUTC())) {
            feed(writer, n);
        }
        checkpoint(db);
        return db;
    }

    /** Readings/s from the first of the {@code n} readings in the backlog to the last acknowledged, by a new uplink. */
    private static double drain(BufferDatabase db, int n, int batchSize, String uplinkName, UplinkSecurity.Psk psk)
            throws Exception {
        return drain(db, n, batchSize, uplinkName, psk, Duration.ZERO);
    }

    /**
     * Like {@link #drain(BufferDatabase, int, int, String, UplinkSecurity.Psk)}, through a
     * {@link DelayedLink} with that round trip unless it is zero.
     */
    static double drain(BufferDatabase db, int n, int batchSize, String uplinkName, UplinkSecurity.Psk psk,
                        Duration roundTrip) throws Exception {
        Path dir = Files.createTempDirectory("bench-receiver");
        try (PlatformReceiver receiver = PlatformReceiver.start("127.0.0.1", 0, dir, PlatformReceiver.DEFAULT_PATH,
                psk == null ? null : ReceiverDtls.psk(psk));
             DelayedLink link = roundTrip.isZero() ? null : new DelayedLink(receiver.port(), roundTrip)) {
            URI uri = link == null ? receiver.uri() : URI.create((psk == null ? "coap" : "coaps") + "://127.0.0.1:"
                    + link.port() + "/" + PlatformReceiver.DEFAULT_PATH);
            UplinkConfig uplink = new UplinkConfig(uplinkName, uri, PayloadFormat.SENML_CBOR, batchSize,
                    Duration.ofSeconds(10), Duration.ofMillis(100), Duration.ofSeconds(1),
                    psk == null ? UplinkSecurity.none() : psk, UplinkConfig.UNLIMITED);
            try (SqliteOutbox outbox = new SqliteOutbox(db, Clock.systemUTC());
                 UplinkWorker worker = UplinkWorker.overCoap("bench", uplink, outbox)) {
                long start = System.nanoTime();
                worker.start();
                // the outbox belongs to the uplink's thread: watch the worker's own status instead
                while (worker.status().acknowledged().getOrDefault(Stream.READINGS, 0L) < n) {
                    Thread.sleep(5);
                }
                return n / seconds(start);
            }
        } finally {
            TempDirs.delete(dir);
        }
    }

    /** Hands {@code n} samples to the writer in polls of 100, as ten devices would, and waits for the last commit. */
    private static void feed(BufferWriter writer, int n) throws InterruptedException {
        Instant t = Instant.parse("2026-03-01T00:00:00Z");
        String[] ids = new String[POINTS];
        for (int p = 0; p < POINTS; p++) {
            ids[p] = "p" + p;
        }
        List<Sample> batch = new ArrayList<>(100);
        for (int i = 0; i < n; i++) {
            batch.add(Sample.good(ids[i % POINTS], t.plusMillis(i), i * 0.5));
            if (batch.size() == 100 || i == n - 1) {
                writer.accept("meter-" + (i / 100 % 10), batch);
                batch = new ArrayList<>(100);
                while (i - writer.lastSeq() > 20_000) {
                    Thread.sleep(1);   // a poller would not outrun the buffer by more than its memory bound
                }
            }
        }
        while (writer.lastSeq() < n) {
            Thread.sleep(1);
        }
    }

    private static void checkpoint(BufferDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    private static AgentConfig config(Path data, URI receiver) {
        List<PointSpec> points = new ArrayList<>();
        for (int p = 0; p < POINTS; p++) {
            points.add(new PointSpec("p" + p, PointKind.GAUGE, "kW"));
        }
        List<DeviceConfig> devices = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            devices.add(new DeviceConfig(new DeviceSpec("meter-" + d, "modbus", Duration.ofSeconds(1), Duration.ofSeconds(1),
                    points), "", Map.of(), null, data));
        }
        UplinkConfig park = new UplinkConfig("park", receiver, PayloadFormat.SENML_CBOR, 2000, Duration.ofSeconds(10),
                Duration.ofMillis(100), Duration.ofSeconds(1));
        return new AgentConfig("bench", data, new PollDefaults(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(1)),
                new StoreConfig(Duration.ofMillis(200), 20_000, Duration.ofDays(183), 0, 1_000_000), List.of(park),
                new AccountingConfig(Duration.ofMinutes(15), ZoneId.of("Asia/Shanghai"), Duration.ofMinutes(2), 0.1229,
                        new GridFactor("mee-2022-national", 0.5366)), devices);
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
