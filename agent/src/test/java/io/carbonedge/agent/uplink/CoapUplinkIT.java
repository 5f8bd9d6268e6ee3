package io.carbonedge.agent.uplink;

import io.carbonedge.agent.config.PayloadFormat;
import io.carbonedge.agent.config.UplinkSecurity;
import io.carbonedge.agent.receiver.PlatformReceiver;
import io.carbonedge.agent.receiver.ReceiverDtls;
import io.carbonedge.agent.receiver.ReceivedReading;
import io.carbonedge.agent.store.Reading;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.interceptors.MessageInterceptorAdapter;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class CoapUplinkIT {

    private static final String GATEWAY = "plant-07-gw1";
    private final SenmlEncoder encoder = new SenmlEncoder(GATEWAY);

    @AfterAll
    static void californiumWroteNoPropertiesFile() {
        assertThat(Path.of("Californium3.properties")).doesNotExist();
    }

    @ParameterizedTest
    @EnumSource(PayloadFormat.class)
    void deliversToTheReceiver(PayloadFormat format, @TempDir Path dir) throws Exception {
        List<Reading> batch = TestData.readings(new Random(1), 1, 10);
        try (PlatformReceiver receiver = PlatformReceiver.start("127.0.0.1", 0, dir);
             CaliforniumUplink uplink = new CaliforniumUplink(receiver.uri(), Duration.ofSeconds(5))) {
            SendResult result = uplink.send(encoder.readings(batch, format), format);

            assertThat(result).isEqualTo(SendResult.delivered());
            assertThat(receiver.readings(GATEWAY)).extracting(ReceivedReading::seq)
                    .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        }
    }

    @ParameterizedTest
    @EnumSource(PayloadFormat.class)
    void sendsALargeBatchBlockWiseAndItArrivesComplete(PayloadFormat format, @TempDir Path dir) throws Exception {
        List<Reading> batch = TestData.readings(new Random(2), 1, 3000);
        byte[] payload = encoder.readings(batch, format);
        assertThat(payload.length).isGreaterThan(50 * 1024);
        try (PlatformReceiver receiver = PlatformReceiver.start("127.0.0.1", 0, dir);
             CaliforniumUplink uplink = new CaliforniumUplink(receiver.uri(), Duration.ofSeconds(20))) {
            List<Integer> blockSizes = new CopyOnWriteArrayList<>();
            uplink.endpoint().addInterceptor(new MessageInterceptorAdapter() {
                @Override
                public void sendRequest(Request request) {
                    blockSizes.add(request.getOptions().hasBlock1() ? request.getPayloadSize() : -1);
                }
            });
            assertThat(uplink.send(payload, format).outcome()).isEqualTo(Outcome.DELIVERED);

            assertThat(blockSizes).hasSize((payload.length + 1023) / 1024);
            assertThat(blockSizes).allSatisfy(size -> assertThat(size).isBetween(1, 1024));
            assertThat(blockSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(payload.length);

            List<ReceivedReading> received = receiver.readings(GATEWAY);
            assertThat(received).hasSize(3000);
            for (int i = 0; i < batch.size(); i++) {
                Reading sent = batch.get(i);
                ReceivedReading got = received.get(i);
                assertThat(got.seq()).isEqualTo(sent.seq());
                assertThat(got.device() + "/" + got.point()).isEqualTo(sent.device() + "/" + sent.point());
                assertThat(got.time()).isEqualTo(sent.time());
                assertThat(Double.compare(got.value(), sent.value())).as("value of seq %d", sent.seq()).isZero();
                assertThat(got.quality()).isEqualTo(sent.quality());
                assertThat(got.reason()).isEqualTo(sent.reason());
            }
        }
    }

    /**
     * A drain on a fast link would use up the 65,536 message IDs of one local port long before
     * EXCHANGE_LIFETIME frees them; the uplink moves to a fresh port (and DTLS session) first. Here
     * with a budget of 40 messages per port, so that ten batches of about 21 blocks move it often.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void movesToAFreshPortBeforeItsMessageIdsRunOutAndLosesNothing(boolean dtls, @TempDir Path dir) throws Exception {
        UplinkSecurity.Psk psk = Secrets.psk(dir, GATEWAY, "right-key-0123456789");
        List<Reading> readings = TestData.readings(new Random(4), 1, 5000);
        try (PlatformReceiver receiver = PlatformReceiver.start("127.0.0.1", 0, dir.resolve("rx"),
                PlatformReceiver.DEFAULT_PATH, dtls ? ReceiverDtls.psk(psk) : null);
             CaliforniumUplink uplink = new CaliforniumUplink(receiver.uri(), Duration.ofSeconds(10),
                     dtls ? psk : UplinkSecurity.none(), 40)) {
            Set<Integer> ports = new HashSet<>();
            for (int from = 0; from < readings.size(); from += 500) {
                byte[] payload = encoder.readings(readings.subList(from, from + 500), PayloadFormat.SENML_CBOR);
                assertThat(payload.length / 1024 + 1).isBetween(15, 40);

                assertThat(uplink.send(payload, PayloadFormat.SENML_CBOR)).isEqualTo(SendResult.delivered());
                ports.add(uplink.endpoint().getAddress().getPort());
            }

            assertThat(ports).hasSizeGreaterThanOrEqualTo(5);
            assertThat(receiver.readings(GATEWAY)).extracting(ReceivedReading::seq)
                    .containsExactlyElementsOf(readings.stream().map(Reading::seq).toList());
        }
    }

    @Test
    void retriesWhenNothingListens() throws Exception {
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        URI uri = URI.create("coap://127.0.0.1:" + port + "/carbonedge");
        try (CaliforniumUplink uplink = new CaliforniumUplink(uri, Duration.ofMillis(300))) {
            long start = System.nanoTime();
            SendResult result = uplink.send(encoder.readings(TestData.readings(new Random(3), 1, 5),
                    PayloadFormat.SENML_CBOR), PayloadFormat.SENML_CBOR);

            assertThat(result.outcome()).isEqualTo(Outcome.RETRY);
            assertThat(result.reason()).contains("no response within 300 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void rejectedOnClientErrorWithThePlatformsDiagnostic() throws Exception {
        try (TinyServer server = new TinyServer(ResponseCode.BAD_REQUEST, "record 0: unknown stream");
             CaliforniumUplink uplink = new CaliforniumUplink(server.uri(), Duration.ofSeconds(5))) {
            SendResult result = uplink.send(new byte[] {(byte) 0x80}, PayloadFormat.SENML_CBOR);

            assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(result.reason()).isEqualTo("4.00 BAD_REQUEST: record 0: unknown stream");
        }
    }

    @Test
    void retryOnServiceUnavailable() throws Exception {
        try (TinyServer server = new TinyServer(ResponseCode.SERVICE_UNAVAILABLE, "maintenance");
             CaliforniumUplink uplink = new CaliforniumUplink(server.uri(), Duration.ofSeconds(5))) {
            SendResult result = uplink.send(new byte[] {(byte) 0x80}, PayloadFormat.SENML_CBOR);

            assertThat(result.outcome()).isEqualTo(Outcome.RETRY);
            assertThat(result.reason()).startsWith("5.03");
        }
    }

    @Test
    void retryOnTooManyRequests() throws Exception {
        try (TinyServer server = new TinyServer(ResponseCode.TOO_MANY_REQUESTS, "");
             CaliforniumUplink uplink = new CaliforniumUplink(server.uri(), Duration.ofSeconds(5))) {
            assertThat(uplink.send(new byte[] {(byte) 0x80}, PayloadFormat.SENML_JSON).outcome())
                    .isEqualTo(Outcome.RETRY);
        }
    }

    @Test
    void closedUplinkAnswersRetry() throws Exception {
        CaliforniumUplink uplink = new CaliforniumUplink(URI.create("coap://127.0.0.1:9/x"), Duration.ofSeconds(1));
        uplink.close();
        assertThat(uplink.send(new byte[0], PayloadFormat.SENML_CBOR).outcome()).isEqualTo(Outcome.RETRY);
        assertThat(Files.exists(Path.of("Californium3.properties"))).isFalse();
    }

    /** A CoAP server whose one resource answers every POST with the same code. */
    private static final class TinyServer implements AutoCloseable {
        private final CoapServer server = new CoapServer(CoapSettings.server());
        private final CoapEndpoint endpoint = CoapEndpoint.builder().setConfiguration(server.getConfig())
                .setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0)).build();

        TinyServer(ResponseCode code, String diagnostic) {
            server.addEndpoint(endpoint);
            server.add(new CoapResource("carbonedge") {
                @Override
                public void handlePOST(CoapExchange exchange) {
                    exchange.respond(code, diagnostic);
                }
            });
            server.start();
        }

        URI uri() {
            return URI.create("coap://127.0.0.1:" + endpoint.getAddress().getPort() + "/carbonedge");
        }

        @Override
        public void close() {
            server.destroy();
        }
    }
}
