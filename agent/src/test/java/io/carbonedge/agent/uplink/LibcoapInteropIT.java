package io.carbonedge.agent.uplink;

import io.carbonedge.agent.config.PayloadFormat;
import io.carbonedge.agent.config.UplinkSecurity;
import io.carbonedge.agent.receiver.PlatformReceiver;
import io.carbonedge.agent.receiver.ReceivedReading;
import io.carbonedge.agent.receiver.ReceiverDtls;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static io.carbonedge.agent.uplink.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Interop with libcoap (Debian libcoap3-bin, OpenSSL build), a CoAP/DTLS stack nobody here wrote:
 * its client posts to our receiver, plain and over DTLS-PSK, and our uplink completes a DTLS-PSK
 * handshake with its server.
 */
class LibcoapInteropIT {

    private static final String GATEWAY = "plant-07-gw1";
    private static final String IDENTITY = "plant-07-gw1";
    private static final String KEY = "carbonedge-interop-key";
    private static final String CLIENT = "coap-client-openssl";
    private static final String SERVER = "coap-server-openssl";

    @TempDir
    Path dir;

    private final SenmlEncoder encoder = new SenmlEncoder(GATEWAY);

    @BeforeAll
    static void libcoapIsInstalled() {
        for (String program : List.of(CLIENT, SERVER)) {
            if (onPath(program) == null) {
                if (System.getenv("CI") != null) {
                    fail(program + " is not installed: CI must install the Debian package libcoap3-bin (see .ci/run)");
                }
                Assumptions.abort(program + " not installed (apt-get install libcoap3-bin); skipping the libcoap interop tests");
            }
        }
    }

    @Test
    void libcoapClientPostsToTheReceiverInPlainCoap() throws Exception {
        try (PlatformReceiver receiver = PlatformReceiver.start("127.0.0.1", 0, dir.resolve("rx"))) {
            Path batch = batchFile(1, 10);
            String output = run(CLIENT, "-m", "post", "-t", "112", "-f", batch.toString(), "-B", "10",
                    receiver.uri().toString());

            assertThat(receiver.readings(GATEWAY)).as("libcoap said: %s", output).extracting(ReceivedReading::seq)
                    .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        }
    }

    @Test
    void libcoapClientPostsToTheReceiverOverDtlsPsk() throws Exception {
        UplinkSecurity.Psk psk = Secrets.psk(dir, IDENTITY, KEY);
        try (PlatformReceiver receiver = PlatformReceiver.start("127.0.0.1", 0, dir.resolve("rx"),
                PlatformReceiver.DEFAULT_PATH, ReceiverDtls.psk(psk))) {
            Path batch = batchFile(1, 10);
            String output = run(CLIENT, "-m", "post", "-t", "112", "-f", batch.toString(), "-B", "10",
                    "-u", IDENTITY, "-k", KEY, receiver.uri().toString());
            assertThat(receiver.readingCount()).as("libcoap said: %s", output).isEqualTo(10);

            // The wrong key gets nothing in.
            run(CLIENT, "-m", "post", "-t", "112", "-f", batchFile(11, 5).toString(), "-B", "5",
                    "-u", IDENTITY, "-k", "not-the-key-at-all", receiver.uri().toString());
            assertThat(receiver.readingCount()).isEqualTo(10);
        }
    }

    @Test
    void ourUplinkCompletesADtlsPskHandshakeWithLibcoapsServer() throws Exception {
        int port = freePortPair();
        Process server = new ProcessBuilder(onPath(SERVER).toString(), "-A", "127.0.0.1", "-p", String.valueOf(port),
                "-k", KEY, "-v", "4").redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile())
                .start();
        try {
            await(Duration.ofSeconds(10), "coap-server listening for DTLS on " + (port + 1),
                    () -> !server.isAlive() || udpPortTaken(port + 1));
            assertThat(server.isAlive()).as("coap-server is running: %s", log()).isTrue();
            URI uri = URI.create("coaps://127.0.0.1:" + (port + 1) + "/carbonedge");
            byte[] payload = encoder.readings(TestData.readings(new Random(1), 1, 5), PayloadFormat.SENML_CBOR);

            try (CaliforniumUplink uplink = new CaliforniumUplink(uri, Duration.ofSeconds(5),
                    Secrets.psk(dir, IDENTITY, KEY))) {
                SendResult result = uplink.send(payload, PayloadFormat.SENML_CBOR);
                // libcoap's demo server has no such resource: any CoAP answer proves the handshake.
                assertThat(result.outcome() == Outcome.DELIVERED || result.reason().matches("[245]\\.\\d\\d .*"))
                        .as("a CoAP response over DTLS, got %s", result).isTrue();
            }
            try (CaliforniumUplink uplink = new CaliforniumUplink(uri, Duration.ofSeconds(3),
                    Secrets.psk(dir, IDENTITY, "a-key-libcoap-does-not-know"))) {
                SendResult result = uplink.send(payload, PayloadFormat.SENML_CBOR);
                assertThat(result.outcome()).isEqualTo(Outcome.RETRY);
                assertThat(result.reason()).startsWith("DTLS handshake with 127.0.0.1:" + (port + 1));
            }
        } finally {
            server.destroy();
            server.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private String log() throws IOException {
        return Files.readString(dir.resolve("server.log"));
    }

    private Path batchFile(long firstSeq, int count) throws IOException {
        Path file = dir.resolve("batch-" + firstSeq + ".cbor");
        Files.write(file, encoder.readings(TestData.readings(new Random(firstSeq), firstSeq, count), PayloadFormat.SENML_CBOR));
        return file;
    }

    private static String run(String program, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(onPath(program).toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroy();
            fail(program + " did not finish: " + output);
        }
        return output;
    }

    private static Path onPath(String program) {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(entry, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** A port p with p and p+1 free for UDP and TCP (coap-server takes both, DTLS on p+1). */
    private static int freePortPair() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port;
            try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
            if (port < 65535 && free(port) && free(port + 1)) {
                return port;
            }
        }
        throw new IOException("no pair of free ports found");
    }

    private static boolean free(int port) {
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress("127.0.0.1", port));
             ServerSocket tcp = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return udp.isBound() && tcp.isBound();
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean udpPortTaken(int port) {
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress("127.0.0.1", port))) {
            return false;
        } catch (BindException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
