package io.carbonedge.agent.receiver;

import io.carbonedge.agent.config.PayloadFormat;
import io.carbonedge.agent.store.IntervalTotal;
import io.carbonedge.agent.store.Reading;
import io.carbonedge.agent.totals.Carrier;
import io.carbonedge.agent.uplink.CaliforniumUplink;
import io.carbonedge.agent.uplink.CoapSettings;
import io.carbonedge.agent.uplink.Outcome;
import io.carbonedge.agent.uplink.SendResult;
import io.carbonedge.agent.uplink.SenmlEncoder;
import io.carbonedge.agent.uplink.TestData;
import io.carbonedge.driver.Quality;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformReceiverIT {

    private static final String GATEWAY = "plant-07-gw1";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private final SenmlEncoder encoder = new SenmlEncoder(GATEWAY);

    @TempDir
    Path dir;

    @Test
    void countsDuplicatesAndStoresThemOnce() throws Exception {
        List<Reading> readings = TestData.readings(new Random(11), 1, 30);
        try (PlatformReceiver receiver = PlatformReceiver.start("127.0.0.1", 0, dir);
             CaliforniumUplink uplink = new CaliforniumUplink(receiver.uri(), TIMEOUT)) {
            byte[] first = encoder.readings(readings.subList(0, 20), PayloadFormat.SENML_CBOR);
            assertThat(uplink.send(first, PayloadFormat.SENML_CBOR).outcome()).isEqualTo(Outcome.DELIVERED);
            assertThat(uplink.send(first, PayloadFormat.SENML_CBOR).outcome()).isEqualTo(Outcome.DELIVERED);
            assertThat(receiver.readingCount()).isEqualTo(20);
            assertThat(receiver.duplicateCount()).isEqualTo(20);

            byte[] overlapping = encoder.readings(readings.subList(10, 30), PayloadFormat.SENML_JSON);
            assertThat(uplink.send(overlapping, PayloadFormat.SENML_JSON).outcome()).isEqualTo(Outcome.DELIVERED);
            assertThat(receiver.readingCount()).isEqualTo(30);
            assertThat(receiver.duplicateCount()).isEqualTo(30);
            assertThat(receiver.readings(GATEWAY)).extracting(ReceivedReading::seq)
                    .containsExactlyElementsOf(readings.stream().map(Reading::seq).toList());
            assertThat(receiver.readings("another-gateway")).isEmpty();
        }
    }

    @Test
    void aFileWrittenBeforeReadingsNamedTheirPointByNumberKeepsItsReadings() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("receiver.db"));
             Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE reading (
                      gateway TEXT NOT NULL, seq INTEGER NOT NULL, device TEXT NOT NULL, point TEXT NOT NULL,
                      unit TEXT NOT NULL, time_ms INTEGER NOT NULL, value REAL, quality TEXT NOT NULL, reason TEXT,
                      PRIMARY KEY (gateway, seq)) WITHOUT ROWID""");
            s.execute("INSERT INTO reading VALUES ('" + GATEWAY + "', 1, 'grid-meter', 'power_kw', 'kW', 1772352000250,"
                    + " 41.25, 'GOOD', NULL), ('" + GATEWAY + "', 2, 'boiler', 'flow_temp', 'Cel', 1772352001750, NULL,"
                    + " 'BAD', 'timeout after 1000 ms')");
        }
        List<Reading> later = TestData.readings(new Random(13), 3, 10);
        try (PlatformReceiver receiver = PlatformReceiver.start("127.0.0.1", 0, dir);
             CaliforniumUplink uplink = new CaliforniumUplink(receiver.uri(), TIMEOUT)) {
            send(uplink, encoder.readings(later, PayloadFormat.SENML_CBOR));

            List<ReceivedReading> stored = receiver.readings(GATEWAY);
            assertThat(stored).hasSize(12);
            assertThat(stored.get(0)).isEqualTo(new ReceivedReading(GATEWAY, 1, "grid-meter", "power_kw", "kW",
                    Instant.ofEpochMilli(1772352000250L), 41.25, Quality.GOOD, null));
            assertThat(stored.get(1)).isEqualTo(new ReceivedReading(GATEWAY, 2, "boiler", "flow_temp", "Cel",
                    Instant.ofEpochMilli(1772352001750L), Double.NaN, Quality.BAD, "timeout after 1000 ms"));
            assertThat(stored.subList(2, 12)).containsExactlyElementsOf(later.stream().map(r -> asReceived(r)).toList());
        }
    }

    @Test
    void keepsItsDataAcrossARestartOnTheSamePort() throws Exception {
        List<Reading> readings = TestData.readings(new Random(12), 1, 40);
        int port;
        try (PlatformReceiver receiver = PlatformReceiver.start("127.0.0.1", 0, dir);
             CaliforniumUplink uplink = new CaliforniumUplink(receiver.uri(), TIMEOUT)) {
            port = receiver.port();
            send(uplink, encoder.readings(readings.subList(0, 25), PayloadFormat.SENML_CBOR));
            send(uplink, encoder.readings(readings.subList(0, 5), PayloadFormat.SENML_CBOR));
        }
        try (PlatformReceiver receiver = PlatformReceiver.start("127.0.0.1", port, dir);
             CaliforniumUplink uplink = new CaliforniumUplink(receiver.uri(), TIMEOUT)) {
            assertThat(receiver.port()).isEqualTo(port);
            assertThat(receiver.readingCount()).isEqualTo(25);
            assertThat(receiver.duplicateCount()).isEqualTo(5);

            send(uplink, encoder.readings(readings.subList(20, 40), PayloadFormat.SENML_CBOR));
            assertThat(receiver.readings(GATEWAY)).containsExactlyElementsOf(
                    readings.stream().map(r -> asReceived(r)).toList());
            assertThat(receiver.duplicateCount()).isEqualTo(10);
        }
    }

    @Test
    void storesTotalsAndSummarisesTheLatestRevisionPerInterval() throws Exception {
        Instant start = Instant.parse("2026-03-01T00:00:00Z");
        Duration quarter = Duration.ofMinutes(15);
        List<IntervalTotal> totals = List.of(
                new IntervalTotal(1, "grid-meter", "import_kwh", Carrier.ELECTRICITY_IMPORT, start, quarter,
                        10, 1.229, 5.366, 0),
                new IntervalTotal(2, "grid-meter", "import_kwh", Carrier.ELECTRICITY_IMPORT, start.plus(quarter), quarter,
                        20, 2.458, 10.732, 0),
                new IntervalTotal(3, "grid-meter", "import_kwh", Carrier.ELECTRICITY_IMPORT, start, quarter,
                        12, 1.4748, 6.4392, 1),
                new IntervalTotal(4, "boiler", "gas_m3", Carrier.NATURAL_GAS, start, quarter, 3, 3.6429, 6.4866, 0));
        try (PlatformReceiver receiver = PlatformReceiver.start("127.0.0.1", 0, dir);
             CaliforniumUplink uplink = new CaliforniumUplink(receiver.uri(), TIMEOUT)) {
            send(uplink, encoder.totals(totals, PayloadFormat.SENML_CBOR));
            send(uplink, encoder.readings(TestData.readings(new Random(13), 1, 8), PayloadFormat.SENML_CBOR));

            assertThat(receiver.totalCount()).isEqualTo(4);
            assertThat(receiver.totals(GATEWAY).get(0)).isEqualTo(new ReceivedTotal(GATEWAY, 1, "grid-meter",
                    "import_kwh", "electricity-import", "kWh", start, quarter, 10, 1.229, 5.366, 0));
            assertThat(receiver.summary())
                    .contains("gateway plant-07-gw1: 8 readings of ")
                    .contains("electricity-import: 32.000 kWh, 3.933 kgce, 17.171 kgCO2 (2 intervals)")
                    .contains("natural-gas: 3.000 m3, 3.643 kgce, 6.487 kgCO2 (1 intervals)")
                    .contains("duplicates dropped: 0");
        }
    }

    @Test
    void answersBadRequestWithADiagnosticForWhatItCannotRead() throws Exception {
        try (PlatformReceiver receiver = PlatformReceiver.start("127.0.0.1", 0, dir, "platform/upload");
             CaliforniumUplink uplink = new CaliforniumUplink(receiver.uri(), TIMEOUT)) {
            assertThat(receiver.uri().getPath()).isEqualTo("/platform/upload");
            SendResult garbage = uplink.send(new byte[] {(byte) 0xff, 0x13}, PayloadFormat.SENML_CBOR);
            assertThat(garbage.outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(garbage.reason()).startsWith("4.00 BAD_REQUEST: ");

            byte[] foreign = "[{\"n\":\"urn:dev:mac:0024befffe804ff1:temp\",\"v\":21,\"t\":1.7e9}]"
                    .getBytes(StandardCharsets.UTF_8);
            SendResult wrongName = uplink.send(foreign, PayloadFormat.SENML_JSON);
            assertThat(wrongName.outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(wrongName.reason()).contains("urn:carbonedge:");

            assertThat(receiver.readingCount()).isZero();
        }
    }

    @Test
    void answersUnsupportedContentFormatForOtherFormats() throws Exception {
        try (PlatformReceiver receiver = PlatformReceiver.start("127.0.0.1", 0, dir)) {
            CoapEndpoint endpoint = CoapEndpoint.builder().setConfiguration(CoapSettings.client())
                    .setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0)).build();
            CoapClient client = new CoapClient(receiver.uri());
            client.setEndpoint(endpoint);
            client.setTimeout(TIMEOUT.toMillis());
            try {
                CoapResponse response = client.post("[]", MediaTypeRegistry.APPLICATION_JSON);
                assertThat(response.getCode()).isEqualTo(ResponseCode.UNSUPPORTED_CONTENT_FORMAT);
            } finally {
                client.shutdown();
                endpoint.destroy();
            }
        }
    }

    private static void send(CaliforniumUplink uplink, byte[] cbor) {
        assertThat(uplink.send(cbor, PayloadFormat.SENML_CBOR)).isEqualTo(SendResult.delivered());
    }

    private static ReceivedReading asReceived(Reading r) {
        return new ReceivedReading(GATEWAY, r.seq(), r.device(), r.point(), r.unit(), r.time(), r.value(),
                r.quality() == null ? Quality.GOOD : r.quality(), r.reason());
    }
}
