package io.carbonedge.agent.uplink;

import io.carbonedge.agent.config.PayloadFormat;
import io.carbonedge.agent.config.UplinkConfig;
import io.carbonedge.agent.receiver.PlatformReceiver;
import io.carbonedge.agent.receiver.ReceivedReading;
import io.carbonedge.agent.receiver.ReceivedTotal;
import io.carbonedge.agent.store.Reading;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import static io.carbonedge.agent.uplink.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

class UplinkWorkerIT {

    private static final String GATEWAY = "plant-07-gw1";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final InMemoryOutbox outbox = new InMemoryOutbox();

    @Test
    void deliversTotalsFirstThenReadingsInOrderAndWakesUpOnCommit() throws Exception {
        List<Reading> readings = TestData.readings(new Random(21), 1, 1050);
        outbox.addReadings(readings);
        outbox.addTotals(TestData.totals(new Random(22), 1, 7));
        try (PlatformReceiver receiver = PlatformReceiver.start("127.0.0.1", 0, dir);
             UplinkWorker worker = worker(receiver.uri(), 100, Duration.ofSeconds(30),
                     new CaliforniumUplink(receiver.uri(), Duration.ofSeconds(5)))) {
            worker.start();
            await(WAIT, "1050 readings and 7 totals", () -> receiver.readingCount() == 1050
                    && receiver.totalCount() == 7);
            await(WAIT, "watermark at 1050", () -> outbox.acknowledged("park", Stream.READINGS) == 1050);

            assertThat(receiver.readings(GATEWAY)).extracting(ReceivedReading::seq)
                    .containsExactlyElementsOf(readings.stream().map(Reading::seq).toList());
            assertThat(receiver.totals(GATEWAY)).extracting(ReceivedTotal::seq)
                    .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
            List<String> acks = outbox.acknowledgements();
            assertThat(acks.get(0)).isEqualTo("park TOTALS 7");
            assertThat(acks.subList(1, acks.size())).containsExactly("park READINGS 100", "park READINGS 200",
                    "park READINGS 300", "park READINGS 400", "park READINGS 500", "park READINGS 600",
                    "park READINGS 700", "park READINGS 800", "park READINGS 900", "park READINGS 1000",
                    "park READINGS 1050");

            // The idle wait is 30 s here: only wakeUp() can bring these over within the deadline.
            outbox.addReadings(TestData.readings(new Random(23), 1051, 5));
            worker.wakeUp();
            await(Duration.ofSeconds(10), "woken up for 5 more", () -> receiver.readingCount() == 1055);
            await(WAIT, "status at 1055", () -> worker.status().acknowledged().get(Stream.READINGS) == 1055);
            UplinkStatus status = worker.status();
            assertThat(status.state()).isEqualTo(UplinkStatus.State.UP);
            assertThat(status.acknowledged()).containsEntry(Stream.READINGS, 1055L).containsEntry(Stream.TOTALS, 7L);
            assertThat(status.backlog()).containsEntry(Stream.READINGS, 0L);
            assertThat(status.lastAcknowledgedAt()).isNotNull();
        }
    }

    @Test
    void movesTheWatermarkOnlyAfterDelivery() throws Exception {
        int port = freeUdpPort();
        URI uri = URI.create("coap://127.0.0.1:" + port + "/carbonedge");
        outbox.addReadings(TestData.readings(new Random(24), 1, 250));
        RecordingUplink uplink = new RecordingUplink(new CaliforniumUplink(uri, Duration.ofMillis(200)));
        try (UplinkWorker worker = worker(uri, 100, Duration.ofMillis(100), uplink)) {
            worker.start();
            await(WAIT, "three failed attempts", () -> uplink.count(Outcome.RETRY) >= 3);
            assertThat(outbox.acknowledgements()).isEmpty();
            assertThat(worker.status().state()).isEqualTo(UplinkStatus.State.DOWN);
            assertThat(worker.status().lastError()).contains("no response within 200 ms");
            assertThat(worker.status().backlog()).containsEntry(Stream.READINGS, 250L);

            try (PlatformReceiver receiver = PlatformReceiver.start("127.0.0.1", port, dir)) {
                await(WAIT, "all 250 after the platform came up", () -> receiver.readingCount() == 250);
                await(WAIT, "watermark at 250", () -> outbox.acknowledged("park", Stream.READINGS) == 250);
                await(WAIT, "status up", () -> worker.status().state() == UplinkStatus.State.UP);
                assertThat(outbox.acknowledgements())
                        .containsExactly("park READINGS 100", "park READINGS 200", "park READINGS 250");
            }
        }
    }

    @Test
    void everyReadingArrivesExactlyOnceAcrossAReceiverRestart() throws Exception {
        List<Reading> readings = TestData.readings(new Random(25), 1, 3000);
        outbox.addReadings(readings);
        PlatformReceiver receiver = PlatformReceiver.start("127.0.0.1", 0, dir);
        int port = receiver.port();
        try (UplinkWorker worker = worker(receiver.uri(), 200, Duration.ofMillis(200),
                new CaliforniumUplink(receiver.uri(), Duration.ofMillis(500)))) {
            worker.start();
            PlatformReceiver first = receiver;
            await(WAIT, "some readings before the platform goes down", () -> first.readingCount() >= 600);
            receiver.close();
            await(WAIT, "uplink down", () -> worker.status().state() == UplinkStatus.State.DOWN);
            outbox.addReadings(TestData.readings(new Random(26), 3001, 500));
            worker.wakeUp();

            receiver = PlatformReceiver.start("127.0.0.1", port, dir);
            PlatformReceiver second = receiver;
            await(WAIT, "all 3500 after the restart", () -> second.readingCount() == 3500);
            await(WAIT, "watermark at 3500", () -> outbox.acknowledged("park", Stream.READINGS) == 3500);

            assertThat(receiver.readings(GATEWAY)).extracting(ReceivedReading::seq)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, 3500).boxed().toList());
            await(WAIT, "status up", () -> worker.status().state() == UplinkStatus.State.UP);
        } finally {
            receiver.close();
        }
    }

    @Test
    void resendsARejectedBatchUnchangedAndNeverSkipsIt() throws Exception {
        outbox.addReadings(TestData.readings(new Random(27), 1, 30));
        CoapServer server = new CoapServer(CoapSettings.server());
        CoapEndpoint endpoint = CoapEndpoint.builder().setConfiguration(server.getConfig())
                .setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0)).build();
        server.addEndpoint(endpoint);
        server.add(new CoapResource("carbonedge") {
            @Override
            public void handlePOST(CoapExchange exchange) {
                exchange.respond(ResponseCode.BAD_REQUEST, "seq 3: unknown unit");
            }
        });
        server.start();
        URI uri = URI.create("coap://127.0.0.1:" + endpoint.getAddress().getPort() + "/carbonedge");
        RecordingUplink uplink = new RecordingUplink(new CaliforniumUplink(uri, Duration.ofSeconds(2)));
        try (UplinkWorker worker = worker(uri, 10, Duration.ofMillis(50), uplink)) {
            worker.start();
            await(WAIT, "three rejections", () -> uplink.count(Outcome.REJECTED) >= 3);

            assertThat(uplink.attempts().stream().map(RecordingUplink.Attempt::payloadHash).distinct()).hasSize(1);
            assertThat(outbox.acknowledgements()).isEmpty();
            assertThat(worker.status().lastError()).isEqualTo("4.00 BAD_REQUEST: seq 3: unknown unit");
        } finally {
            server.destroy();
        }
    }

    private UplinkWorker worker(URI uri, int batchSize, Duration idle, CoapUplink uplink) {
        UplinkConfig config = new UplinkConfig("park", uri, PayloadFormat.SENML_CBOR, batchSize,
                Duration.ofMillis(500), Duration.ofMillis(20), Duration.ofMillis(100));
        return new UplinkWorker(GATEWAY, config, outbox, uplink, Clock.systemUTC(), new Random(1), idle);
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
