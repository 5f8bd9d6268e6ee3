package io.carbonedge.agent.uplink;

import io.carbonedge.agent.config.PayloadFormat;
import io.carbonedge.agent.config.UplinkConfig;
import io.carbonedge.agent.config.UplinkSecurity;
import io.carbonedge.agent.receiver.PlatformReceiver;
import io.carbonedge.agent.receiver.ReceivedReading;
import io.carbonedge.agent.receiver.ReceiverDtls;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import static io.carbonedge.agent.uplink.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** coaps:// uplinks against the reference receiver over real DTLS sockets. */
class DtlsUplinkIT {

    private static final String GATEWAY = "plant-07-gw1";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static TestPki pki;

    @TempDir
    Path dir;

    private final SenmlEncoder encoder = new SenmlEncoder(GATEWAY);
    private final InMemoryOutbox outbox = new InMemoryOutbox();

    @BeforeAll
    static void certificates(@TempDir Path pkiDir) throws Exception {
        pki = TestPki.create(pkiDir);
    }

    @Test
    void pskWithTheRightKeyDelivers() throws Exception {
        UplinkSecurity.Psk psk = Secrets.psk(dir, GATEWAY, "right-key-0123456789");
        try (PlatformReceiver receiver = PlatformReceiver.start("127.0.0.1", 0, dir.resolve("rx"),
                PlatformReceiver.DEFAULT_PATH, ReceiverDtls.psk(psk));
             CaliforniumUplink uplink = new CaliforniumUplink(receiver.uri(), Duration.ofSeconds(10), psk)) {
            assertThat(receiver.uri().getScheme()).isEqualTo("coaps");
            byte[] payload = encoder.readings(TestData.readings(new Random(1), 1, 2000), PayloadFormat.SENML_CBOR);
            assertThat(payload.length).as("large enough to go block-wise over DTLS").isGreaterThan(20 * 1024);

            assertThat(uplink.send(payload, PayloadFormat.SENML_CBOR)).isEqualTo(SendResult.delivered());
            assertThat(receiver.readings(GATEWAY)).extracting(ReceivedReading::seq)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, 2000).boxed().toList());
        }
    }

    @Test
    void aWrongKeyDeliversNothingAndLosesNothing() throws Exception {
        UplinkSecurity.Psk platformKey = Secrets.psk(dir, GATEWAY, "right-key-0123456789");
        UplinkSecurity.Psk wrongKey = Secrets.psk(dir, GATEWAY, "wrong-key-0123456789");
        outbox.addReadings(TestData.readings(new Random(2), 1, 120));
        try (PlatformReceiver receiver = PlatformReceiver.start("127.0.0.1", 0, dir.resolve("rx"),
                PlatformReceiver.DEFAULT_PATH, ReceiverDtls.psk(platformKey))) {
            RecordingUplink wrong = new RecordingUplink(new CaliforniumUplink(receiver.uri(), Duration.ofSeconds(3),
                    wrongKey));
            try (UplinkWorker worker = worker(receiver.uri(), wrongKey, wrong)) {
                worker.start();
                await(WAIT, "two failed attempts", () -> wrong.count(Outcome.RETRY) >= 2);
                assertThat(wrong.count(Outcome.DELIVERED)).isZero();
                assertThat(wrong.count(Outcome.REJECTED)).isZero();
                assertThat(outbox.acknowledgements()).isEmpty();
                assertThat(outbox.parked("park")).isEmpty();
                assertThat(worker.status().state()).isEqualTo(UplinkStatus.State.DOWN);
                assertThat(worker.status().lastError()).startsWith("DTLS handshake with 127.0.0.1:" + receiver.port())
                        .contains("PSK identity and key");
                assertThat(receiver.readingCount()).isZero();
            }
            // The same buffer with the right key: everything is still there.
            try (UplinkWorker worker = worker(receiver.uri(), platformKey,
                    new CaliforniumUplink(receiver.uri(), Duration.ofSeconds(5), platformKey))) {
                worker.start();
                await(WAIT, "all 120 with the right key", () -> receiver.readingCount() == 120);
                await(WAIT, "watermark at 120", () -> outbox.acknowledged("park", Stream.READINGS) == 120);
            }
        }
    }

    @Test
    void x509WithATrustedPlatformDelivers() throws Exception {
        try (PlatformReceiver receiver = PlatformReceiver.start("127.0.0.1", 0, dir.resolve("rx"),
                PlatformReceiver.DEFAULT_PATH, ReceiverDtls.certificate(pki.platform()));
             CaliforniumUplink uplink = new CaliforniumUplink(receiver.uri(), Duration.ofSeconds(10), pki.gateway())) {
            byte[] payload = encoder.readings(TestData.readings(new Random(3), 1, 10), PayloadFormat.SENML_JSON);

            assertThat(uplink.send(payload, PayloadFormat.SENML_JSON)).isEqualTo(SendResult.delivered());
            assertThat(receiver.readingCount()).isEqualTo(10);
        }
    }

    @Test
    void anUntrustedPlatformCertificateGetsNothing() throws Exception {
        outbox.addReadings(TestData.readings(new Random(4), 1, 50));
        try (PlatformReceiver rogue = PlatformReceiver.start("127.0.0.1", 0, dir.resolve("rx"),
                PlatformReceiver.DEFAULT_PATH, ReceiverDtls.certificate(pki.roguePlatform()))) {
            RecordingUplink uplink = new RecordingUplink(new CaliforniumUplink(rogue.uri(), Duration.ofSeconds(3),
                    pki.gateway()));
            try (UplinkWorker worker = worker(rogue.uri(), pki.gateway(), uplink)) {
                worker.start();
                await(WAIT, "two failed attempts", () -> uplink.count(Outcome.RETRY) >= 2);
                assertThat(uplink.count(Outcome.DELIVERED)).isZero();
                assertThat(outbox.acknowledgements()).isEmpty();
                assertThat(worker.status().lastError()).startsWith("DTLS handshake with 127.0.0.1:" + rogue.port()
                        + " failed").contains("trusted-ca");
                assertThat(rogue.readingCount()).isZero();
            }
        }
    }

    @Test
    void aCoapsUplinkNeverSendsPlainCoap() throws Exception {
        UplinkSecurity.Psk psk = Secrets.psk(dir, GATEWAY, "right-key-0123456789");
        try (DatagramSocket listener = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(200);
            URI uri = URI.create("coaps://127.0.0.1:" + listener.getLocalPort() + "/carbonedge");
            List<byte[]> datagrams = new ArrayList<>();
            try (CaliforniumUplink uplink = new CaliforniumUplink(uri, Duration.ofMillis(1500), psk)) {
                SendResult result = uplink.send(encoder.readings(TestData.readings(new Random(5), 1, 5),
                        PayloadFormat.SENML_CBOR), PayloadFormat.SENML_CBOR);
                assertThat(result.outcome()).isEqualTo(Outcome.RETRY);
                receiveAll(listener, datagrams);
            }
            assertThat(datagrams).as("the handshake was attempted").isNotEmpty();
            assertThat(datagrams).allSatisfy(d -> {
                assertThat(d[0]).as("DTLS content type handshake (22)").isEqualTo((byte) 22);
                assertThat(d[1]).as("DTLS major version").isEqualTo((byte) 0xFE);
            });
        }
        assertThatThrownBy(() -> new CaliforniumUplink(URI.create("coaps://127.0.0.1:5684/x"), Duration.ofSeconds(1),
                UplinkSecurity.none())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("coaps");
    }

    @Test
    void aCoapsUplinkToAPlainReceiverDeliversNothing() throws Exception {
        UplinkSecurity.Psk psk = Secrets.psk(dir, GATEWAY, "right-key-0123456789");
        try (PlatformReceiver plain = PlatformReceiver.start("127.0.0.1", 0, dir.resolve("rx"));
             CaliforniumUplink uplink = new CaliforniumUplink(URI.create("coaps://127.0.0.1:" + plain.port()
                     + "/carbonedge"), Duration.ofMillis(1500), psk)) {
            SendResult result = uplink.send(encoder.readings(TestData.readings(new Random(6), 1, 5),
                    PayloadFormat.SENML_CBOR), PayloadFormat.SENML_CBOR);
            assertThat(result.outcome()).isEqualTo(Outcome.RETRY);
            assertThat(plain.readingCount()).isZero();
        }
    }

    private static void receiveAll(DatagramSocket socket, List<byte[]> into) throws Exception {
        byte[] buffer = new byte[2048];
        while (true) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                return;
            }
            into.add(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
        }
    }

    private UplinkWorker worker(URI uri, UplinkSecurity security, CoapUplink uplink) {
        UplinkConfig config = new UplinkConfig("park", uri, PayloadFormat.SENML_CBOR, 50, Duration.ofSeconds(3),
                Duration.ofMillis(50), Duration.ofMillis(200), security, UplinkConfig.UNLIMITED);
        return new UplinkWorker(GATEWAY, config, outbox, uplink, Clock.systemUTC(), new Random(1), Duration.ofMillis(200));
    }
}
