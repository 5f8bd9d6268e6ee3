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
    void parksARejectedBatchWithTheReasonAndGoesOnWithTheNext() throws Exception {
        outbox.addReadings(TestData.readings(new Random(27), 1, 30));
        List<Integer> firstRecordsSeen = new java.util.concurrent.CopyOnWriteArrayList<>();
        CoapServer server = platform(new CoapResource("carbonedge") {
            @Override
            public void handlePOST(CoapExchange exchange) {
                int batch = firstRecordsSeen.size();
                firstRecordsSeen.add(batch);
                if (batch == 1) {
                    exchange.respond(ResponseCode.BAD_REQUEST, "seq 13: unknown unit");
                } else {
                    exchange.respond(ResponseCode.CHANGED);
                }
            }
        });
        URI uri = URI.create("coap://127.0.0.1:" + server.getEndpoints().get(0).getAddress().getPort() + "/carbonedge");
        RecordingUplink uplink = new RecordingUplink(new CaliforniumUplink(uri, Duration.ofSeconds(2)));
        try (UplinkWorker worker = worker(uri, 10, Duration.ofMillis(50), uplink)) {
            worker.start();
            await(WAIT, "watermark past all three batches", () -> outbox.acknowledged("park", Stream.READINGS) == 30);
            await(WAIT, "status counts the parked batch", () -> worker.status().parked() == 1);

            assertThat(uplink.count(Outcome.REJECTED)).isEqualTo(1);
            assertThat(uplink.count(Outcome.DELIVERED)).isEqualTo(2);
            assertThat(outbox.parked("park")).singleElement().satisfies(p -> {
                assertThat(p.stream()).isEqualTo(Stream.READINGS);
                assertThat(p.firstSeq()).isEqualTo(11);
                assertThat(p.lastSeq()).isEqualTo(20);
                assertThat(p.records()).isEqualTo(10);
                assertThat(p.reason()).isEqualTo("4.00 BAD_REQUEST: seq 13: unknown unit");
            });
            assertThat(outbox.acknowledgements()).containsExactly("park READINGS 10", "park READINGS 20",
                    "park READINGS 30");
            assertThat(worker.status().state()).isEqualTo(UplinkStatus.State.UP);
        } finally {
            server.destroy();
        }
    }

    @Test
    void aParkedBatchAPersonAsksToResendGoesAgainAndIsDeliveredOrParkedAgainWithTheNewReason() throws Exception {
        outbox.addReadings(TestData.readings(new Random(31), 1, 20));
        java.util.concurrent.atomic.AtomicReference<String> refusal = new java.util.concurrent.atomic.AtomicReference<>(
                "seq 13: unknown unit");
        List<Long> firstSeqs = new java.util.concurrent.CopyOnWriteArrayList<>();
        CoapServer server = platform(new CoapResource("carbonedge") {
            @Override
            public void handlePOST(CoapExchange exchange) {
                long first;
                try {
                    first = new SenmlDecoder().decode(exchange.getRequestPayload(), PayloadFormat.SENML_CBOR).get(0)
                            .longExtension(SenmlProfile.SEQ);
                } catch (SenmlFormatException e) {
                    exchange.respond(ResponseCode.BAD_REQUEST, e.getMessage());
                    return;
                }
                firstSeqs.add(first);
                if (first == 11 && refusal.get() != null) {
                    exchange.respond(ResponseCode.BAD_REQUEST, refusal.get());
                } else {
                    exchange.respond(ResponseCode.CHANGED);
                }
            }
        });
        URI uri = URI.create("coap://127.0.0.1:" + server.getEndpoints().get(0).getAddress().getPort() + "/carbonedge");
        try (UplinkWorker worker = worker(uri, 10, Duration.ofMillis(50),
                new CaliforniumUplink(uri, Duration.ofSeconds(2)))) {
            worker.start();
            await(WAIT, "the second batch parked", () -> worker.status().parked() == 1
                    && outbox.acknowledged("park", Stream.READINGS) == 20);
            long id = outbox.parked("park").get(0).id();

            refusal.set("seq 14: unknown device");   // the platform still does not take it
            outbox.requestResend(id);
            await(WAIT, "refused again, with the new reason", () -> outbox.parked("park").get(0).reason()
                    .equals("4.00 BAD_REQUEST: seq 14: unknown device"));
            assertThat(worker.status().parked()).isEqualTo(1);

            refusal.set(null);                        // fixed on the platform
            outbox.requestResend(id);
            await(WAIT, "delivered on resend", () -> outbox.parked("park").isEmpty() && worker.status().parked() == 0);
            assertThat(firstSeqs).containsExactly(1L, 11L, 11L, 11L);
            assertThat(outbox.acknowledgements()).containsExactly("park READINGS 10", "park READINGS 20");
        } finally {
            server.destroy();
        }
    }

    @Test
    void aNotFoundIsRetriedNotParked() throws Exception {
        // 4.04: the platform has no such resource (not set up yet); true of every batch, not this one.
        outbox.addReadings(TestData.readings(new Random(28), 1, 5));
        try (PlatformReceiver receiver = PlatformReceiver.start("127.0.0.1", 0, dir, "elsewhere")) {
            URI uri = URI.create("coap://127.0.0.1:" + receiver.port() + "/carbonedge");
            RecordingUplink uplink = new RecordingUplink(new CaliforniumUplink(uri, Duration.ofSeconds(2)));
            try (UplinkWorker worker = worker(uri, 10, Duration.ofMillis(50), uplink)) {
                worker.start();
                await(WAIT, "two attempts", () -> uplink.count(Outcome.RETRY) >= 2);
                assertThat(outbox.parked("park")).isEmpty();
                assertThat(outbox.acknowledgements()).isEmpty();
                assertThat(worker.status().lastError()).startsWith("4.04 NOT_FOUND");
            }
        }
    }

    @Test
    void aDrainIsPacedToMaxRate() throws Exception {
        outbox.addReadings(TestData.readings(new Random(29), 1, 600));
        try (PlatformReceiver receiver = PlatformReceiver.start("127.0.0.1", 0, dir)) {
            UplinkConfig config = new UplinkConfig("park", receiver.uri(), PayloadFormat.SENML_CBOR, 100,
                    Duration.ofSeconds(5), Duration.ofMillis(20), Duration.ofMillis(100),
                    io.carbonedge.agent.config.UplinkSecurity.none(), 1000);
            long start = System.nanoTime();
            try (UplinkWorker worker = new UplinkWorker(GATEWAY, config, outbox,
                    new CaliforniumUplink(receiver.uri(), Duration.ofSeconds(5)), Clock.systemUTC(), new Random(1),
                    Duration.ofMillis(50))) {
                worker.start();
                await(WAIT, "all 600", () -> outbox.acknowledged("park", Stream.READINGS) == 600);
            }
            // 6 batches of 100 at 1000/s: the first goes at once, each of the other five 100 ms after the one before.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(490));
            assertThat(receiver.readingCount()).isEqualTo(600);
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

    /** A started CoAP server on a loopback port answering with {@code resource}: a platform scripted by the test. */
    private static CoapServer platform(CoapResource resource) {
        CoapServer server = new CoapServer(CoapSettings.server());
        server.addEndpoint(CoapEndpoint.builder().setConfiguration(server.getConfig())
                .setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0)).build());
        server.add(resource);
        server.start();
        return server;
    }
}
