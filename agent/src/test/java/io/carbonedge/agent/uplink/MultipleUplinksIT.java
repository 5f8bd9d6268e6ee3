package io.carbonedge.agent.uplink;

import io.carbonedge.agent.config.AccountingConfig;
import io.carbonedge.agent.config.AgentConfig;
import io.carbonedge.agent.config.DeviceConfig;
import io.carbonedge.agent.config.GridFactor;
import io.carbonedge.agent.config.PayloadFormat;
import io.carbonedge.agent.config.PollDefaults;
import io.carbonedge.agent.config.StoreConfig;
import io.carbonedge.agent.config.UplinkConfig;
import io.carbonedge.agent.receiver.PlatformReceiver;
import io.carbonedge.agent.receiver.ReceivedReading;
import io.carbonedge.agent.store.BufferDatabase;
import io.carbonedge.agent.store.BufferWriter;
import io.carbonedge.agent.store.SqliteOutbox;
import io.carbonedge.agent.totals.Carrier;
import io.carbonedge.driver.DeviceSpec;
import io.carbonedge.driver.PointKind;
import io.carbonedge.driver.PointSpec;
import io.carbonedge.driver.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;

import static io.carbonedge.agent.uplink.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Two platforms fed from one real SQLite buffer: one being down never holds up the other. */
class MultipleUplinksIT {

    private static final String GATEWAY = "plant-07-gw1";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void oneUplinkDownNeverStallsTheOther() throws Exception {
        BufferDatabase db = BufferDatabase.open(dir.resolve("data"));
        int deadPort;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            deadPort = probe.getLocalPort();
        }
        URI downUri = URI.create("coap://127.0.0.1:" + deadPort + "/carbonedge");
        Random random = new Random(31);
        try (PlatformReceiver up = PlatformReceiver.start("127.0.0.1", 0, dir.resolve("up"));
             BufferWriter writer = BufferWriter.open(db, config(), Clock.systemUTC());
             SqliteOutbox upOutbox = new SqliteOutbox(db, Clock.systemUTC());
             SqliteOutbox downOutbox = new SqliteOutbox(db, Clock.systemUTC());
             UplinkWorker upWorker = worker("national", up.uri(), upOutbox);
             UplinkWorker downWorker = worker("province", downUri, downOutbox)) {
            writer.addCommitListener(upWorker::wakeUp);
            writer.addCommitListener(downWorker::wakeUp);
            upWorker.start();
            downWorker.start();

            int written = 0;
            for (int burst = 0; burst < 20; burst++) {
                written += write(writer, random, burst);
                int soFar = written;
                await(WAIT, "the live platform keeps up (" + soFar + ")", () -> up.readingCount() == soFar);
            }
            int total = written;
            await(WAIT, "the live uplink's watermark at the end", () -> upWorker.status().acknowledged()
                    .get(Stream.READINGS) == total);
            assertThat(downWorker.status().state()).isEqualTo(UplinkStatus.State.DOWN);
            assertThat(downWorker.status().acknowledged()).containsEntry(Stream.READINGS, 0L);

            try (PlatformReceiver late = PlatformReceiver.start("127.0.0.1", deadPort, dir.resolve("late"))) {
                await(WAIT, "the second platform gets everything once it is up", () -> late.readingCount() == total);
                assertThat(late.readings(GATEWAY)).extracting(ReceivedReading::seq)
                        .containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
            }
            assertThat(up.readings(GATEWAY)).extracting(ReceivedReading::seq)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
        }
    }

    private static int write(BufferWriter writer, Random random, int burst) {
        int count = 1 + random.nextInt(150);
        for (int i = 0; i < count; i++) {
            Instant t = T0.plusSeconds(burst * 1000L + i);
            writer.accept("meter", List.of(Sample.good("power_kw", t, random.nextInt(10_000) / 100.0)));
        }
        return count;
    }

    private UplinkWorker worker(String name, URI uri, SqliteOutbox outbox) throws Exception {
        UplinkConfig config = new UplinkConfig(name, uri, PayloadFormat.SENML_CBOR, 100, Duration.ofMillis(300),
                Duration.ofMillis(50), Duration.ofMillis(300));
        return new UplinkWorker(GATEWAY, config, outbox, new CaliforniumUplink(uri, config.timeout()),
                Clock.systemUTC(), new Random(1), Duration.ofSeconds(1));
    }

    private AgentConfig config() {
        DeviceSpec meter = new DeviceSpec("meter", "modbus", Duration.ofSeconds(1), Duration.ofSeconds(1), List.of(
                new PointSpec("import_kwh", PointKind.COUNTER, "kWh"),
                new PointSpec("power_kw", PointKind.GAUGE, "kW")));
        DeviceConfig device = new DeviceConfig(meter, "", Map.of("import_kwh", Carrier.ELECTRICITY_IMPORT), null,
                dir.resolve("meter.yaml"));
        return new AgentConfig(GATEWAY, dir.resolve("data"),
                new PollDefaults(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(1)),
                StoreConfig.of(Duration.ofMillis(20), 5000),
                // the buffer's housekeeping keeps what either uplink still lacks
                List.of(new UplinkConfig("national", URI.create("coap://127.0.0.1/x"), PayloadFormat.SENML_CBOR, 100,
                                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)),
                        new UplinkConfig("province", URI.create("coap://127.0.0.1/x"), PayloadFormat.SENML_CBOR, 100,
                                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1))),
                new AccountingConfig(Duration.ofMinutes(15), ZoneId.of("Asia/Shanghai"), Duration.ofMinutes(2), 0.1229,
                        new GridFactor("mee-2022-national", 0.5366)),
                List.of(device));
    }
}
