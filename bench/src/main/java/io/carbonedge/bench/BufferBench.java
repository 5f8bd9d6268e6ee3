package io.carbonedge.bench;

import io.carbonedge.agent.config.AccountingConfig;
import io.carbonedge.agent.config.AgentConfig;
import io.carbonedge.agent.config.DeviceConfig;
import io.carbonedge.agent.config.GridFactor;
import io.carbonedge.agent.config.PayloadFormat;
import io.carbonedge.agent.config.PollDefaults;
import io.carbonedge.agent.config.StoreConfig;
import io.carbonedge.agent.config.UplinkConfig;
import io.carbonedge.agent.receiver.PlatformReceiver;
import io.carbonedge.agent.store.BufferDatabase;
import io.carbonedge.agent.store.BufferWriter;
import io.carbonedge.agent.store.SqliteOutbox;
import io.carbonedge.agent.uplink.Stream;
import io.carbonedge.agent.uplink.UplinkWorker;
import io.carbonedge.driver.DeviceSpec;
import io.carbonedge.driver.PointKind;
import io.carbonedge.driver.PointSpec;
import io.carbonedge.driver.Sample;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.server.resources.CoapExchange;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
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
 * The buffer and the uplink beside the bare limits of SQLite and Californium, in one run:
 * <ol>
 *   <li>raw batched JDBC inserts into a table shaped like {@code reading} (WAL, synchronous=FULL);</li>
 *   <li>agent ingest: samples/s through the real {@link BufferWriter} (group commits, accounting)
 *       with an uplink forwarding to an in-process receiver at the same time, and bytes on disk per reading;</li>
 *   <li>bare Californium: sequential confirmable POSTs on loopback, requests/s;</li>
 *   <li>drain: readings/s delivered from a backlog to the reference receiver on loopback.</li>
 * </ol>
 * Each is repeated; medians are printed with the ratios.
 *
 * <p>The harness hosts the agent, the receiver and the feeder in one JVM, within the agent's 64 MB.
 *
 * <pre>java -Xmx64m -cp bench/target/carbonedge-bench.jar io.carbonedge.bench.BufferBench [samples] [backlog] [rounds]</pre>
 */
public final class BufferBench {

    private static final int POINTS = 50;

    private BufferBench() {
    }

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        int backlog = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        double[] raw = new double[rounds];
        double[] ingest = new double[rounds];
        double[] bytes = new double[rounds];
        double[] coap = new double[rounds];
        double[] drain = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            raw[r] = rawJdbc(samples);
            double[] in = ingest(samples);
            ingest[r] = in[0];
            bytes[r] = in[1];
            coap[r] = bareCoap(3000);
            drain[r] = drain(backlog);
            System.out.printf("round %d: raw JDBC %.0f rows/s, ingest %.0f samples/s (%.1f B/reading), "
                    + "bare CoAP %.0f req/s, drain %.0f readings/s%n", r + 1, raw[r], ingest[r], bytes[r], coap[r], drain[r]);
        }
        System.out.printf("%nmedians over %d rounds (%d samples, backlog %d):%n", rounds, samples, backlog);
        System.out.printf("  raw batched JDBC insert     %10.0f rows/s%n", median(raw));
        System.out.printf("  agent ingest (forwarding)   %10.0f samples/s   ratio to raw %.2f%n", median(ingest),
                median(ingest) / median(raw));
        System.out.printf("  bytes on disk per reading   %10.1f%n", median(bytes));
        System.out.printf("  bare Californium POSTs      %10.0f requests/s%n", median(coap));
        System.out.printf("  drain to the receiver       %10.0f readings/s  = %.1f bare requests' worth per second%n",
                median(drain), median(drain) / median(coap));
    }

    private static double rawJdbc(int n) throws Exception {
        Path dir = Files.createTempDirectory("bench-raw");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("raw.db"))) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("CREATE TABLE reading (seq INTEGER PRIMARY KEY, point INTEGER NOT NULL, t_ms INTEGER NOT NULL, "
                        + "value REAL, quality INTEGER NOT NULL, reason TEXT)");
            }
            c.setAutoCommit(false);
            long start = System.nanoTime();
            long t0 = Instant.now().toEpochMilli();
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO reading (seq, point, t_ms, value, quality, reason) VALUES (?, ?, ?, ?, 0, NULL)")) {
                for (int i = 1; i <= n; i++) {
                    insert.setLong(1, i);
                    insert.setInt(2, i % POINTS);
                    insert.setLong(3, t0 + i);
                    insert.setDouble(4, i * 0.5);
                    insert.addBatch();
                    if (i % 5000 == 0) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
                insert.executeBatch();
                c.commit();
            }
            return n / seconds(start);
        }
    }

    /** @return samples/s and bytes per reading */
    private static double[] ingest(int n) throws Exception {
        Path dir = Files.createTempDirectory("bench-ingest");
        try (PlatformReceiver receiver = PlatformReceiver.start("127.0.0.1", 0, dir.resolve("receiver"))) {
            AgentConfig config = config(dir.resolve("agent"), receiver.port());
            BufferDatabase db = BufferDatabase.open(config.dataDir());
            try (SqliteOutbox outbox = new SqliteOutbox(db, Clock.systemUTC());
                 UplinkWorker uplink = UplinkWorker.overCoap("bench", config.uplinks().get(0), outbox);
                 BufferWriter writer = BufferWriter.open(db, config, Clock.systemUTC())) {
                writer.addCommitListener(uplink::wakeUp);
                uplink.start();
                long start = System.nanoTime();
                feed(writer, n);
                double rate = n / seconds(start);
                try (Connection c = db.connect(); Statement s = c.createStatement()) {
                    s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                }
                return new double[] {rate, (double) Files.size(db.file()) / n};
            }
        }
    }

    private static double bareCoap(int requests) throws Exception {
        CoapServer server = new CoapServer(0);
        server.add(new CoapResource("sink") {
            @Override
            public void handlePOST(CoapExchange exchange) {
                exchange.respond(CoAP.ResponseCode.CHANGED);
            }
        });
        server.start();
        try {
            int port = server.getEndpoints().get(0).getAddress().getPort();
            CoapClient client = new CoapClient("coap://127.0.0.1:" + port + "/sink");
            byte[] payload = new byte[512];
            long start = System.nanoTime();
            for (int i = 0; i < requests; i++) {
                CoapResponse response = client.post(payload, MediaTypeRegistry.APPLICATION_CBOR);
                if (response == null || !response.isSuccess()) {
                    throw new IllegalStateException("bare CoAP request failed");
                }
            }
            double rate = requests / seconds(start);
            client.shutdown();
            return rate;
        } finally {
            server.destroy();
        }
    }

    private static double drain(int n) throws Exception {
        Path dir = Files.createTempDirectory("bench-drain");
        try (PlatformReceiver receiver = PlatformReceiver.start("127.0.0.1", 0, dir.resolve("receiver"))) {
            AgentConfig config = config(dir.resolve("agent"), receiver.port());
            BufferDatabase db = BufferDatabase.open(config.dataDir());
            try (BufferWriter writer = BufferWriter.open(db, config, Clock.systemUTC())) {
                feed(writer, n);
            }
            try (SqliteOutbox outbox = new SqliteOutbox(db, Clock.systemUTC());
                 UplinkWorker uplink = UplinkWorker.overCoap("bench", config.uplinks().get(0), outbox)) {
                long start = System.nanoTime();
                uplink.start();
                // the outbox belongs to the uplink's thread: watch the worker's own status instead
                while (uplink.status().acknowledged().getOrDefault(Stream.READINGS, 0L) < n) {
                    Thread.sleep(5);
                }
                return n / seconds(start);
            }
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

    private static AgentConfig config(Path data, int receiverPort) {
        List<PointSpec> points = new ArrayList<>();
        for (int p = 0; p < POINTS; p++) {
            points.add(new PointSpec("p" + p, PointKind.GAUGE, "kW"));
        }
        List<DeviceConfig> devices = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            devices.add(new DeviceConfig(new DeviceSpec("meter-" + d, "modbus", Duration.ofSeconds(1), Duration.ofSeconds(1),
                    points), "", Map.of(), null, data));
        }
        UplinkConfig park = new UplinkConfig("park", URI.create("coap://127.0.0.1:" + receiverPort + "/carbonedge"),
                PayloadFormat.SENML_CBOR, 2000, Duration.ofSeconds(10), Duration.ofMillis(100), Duration.ofSeconds(1));
        return new AgentConfig("bench", data, new PollDefaults(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(1)),
                new StoreConfig(Duration.ofMillis(200), 20_000, Duration.ofDays(183), 0, 1_000_000), List.of(park),
                new AccountingConfig(Duration.ofMinutes(15), ZoneId.of("Asia/Shanghai"), Duration.ofMinutes(2), 0.1229,
                        new GridFactor("mee-2022-national", 0.5366)), devices);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
