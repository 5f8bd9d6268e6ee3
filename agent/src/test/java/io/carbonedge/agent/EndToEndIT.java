package io.carbonedge.agent;

import io.carbonedge.agent.config.AgentConfig;
import io.carbonedge.agent.config.ConfigLoader;
import io.carbonedge.agent.receiver.PlatformReceiver;
import io.carbonedge.agent.receiver.ReceivedReading;
import io.carbonedge.agent.receiver.ReceivedTotal;
import io.carbonedge.agent.store.BufferDatabase;
import io.carbonedge.agent.store.Reading;
import io.carbonedge.agent.store.SqliteOutbox;
import io.carbonedge.driver.modbus.DataType;
import io.carbonedge.driver.modbus.Table;
import io.carbonedge.driver.modbus.WordOrder;
import io.carbonedge.driver.modbus.sim.ModbusSimulator;
import io.carbonedge.driver.modbus.sim.RegisterBank;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/** The whole path over real sockets: j2mod slave → agent (SQLite buffer, totals) → CoAP → reference receiver. */
class EndToEndIT {

    private static final String GATEWAY = "e2e-gw";
    /** 08:00:05 in Shanghai: five seconds into a one-minute interval. */
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:05Z");
    private static final int IMPORT = 0x000A;
    private static final int POWER = 0x016A;

    @TempDir
    Path dir;

    private ModbusSimulator meter;
    private RegisterBank bank;
    private PlatformReceiver receiver;

    @BeforeEach
    void startPeers() throws Exception {
        meter = ModbusSimulator.start(0);
        bank = meter.unit(1);
        setImportKwh(1000.00);
        bank.set(Table.HOLDING, POWER, DataType.INT32, WordOrder.ABCD, 250_000); // 250.000 kW
        receiver = PlatformReceiver.start("127.0.0.1", 0, dir.resolve("receiver"));
    }

    @AfterEach
    void stopPeers() {
        receiver.close();
        meter.close();
    }

    private void setImportKwh(double kwh) {
        bank.set(Table.HOLDING, IMPORT, DataType.UINT32, WordOrder.ABCD, Math.round(kwh * 100));
    }

    private AgentConfig config(int receiverPort) throws Exception {
        Path config = dir.resolve("config");
        Files.createDirectories(config.resolve("devices"));
        Files.writeString(config.resolve("agent.yaml"), """
                gateway-id: %s
                data-dir: %s
                poll:
                  interval: 100ms
                  timeout: 500ms
                  backoff-max: 1s
                store:
                  commit-interval: 20ms
                uplinks:
                  - name: park
                    uri: coap://127.0.0.1:%d/carbonedge
                    batch-size: 50
                    timeout: 2s
                    backoff-min: 100ms
                    backoff-max: 500ms
                accounting:
                  interval: 1m
                  grace: 1s
                  grid-factor: mee-2022-national
                """.formatted(GATEWAY, dir.resolve("agent"), receiverPort));
        Files.writeString(config.resolve("devices/meter.yaml"), """
                id: meter
                protocol: modbus
                connection:
                  host: 127.0.0.1
                  port: %d
                  unit-id: 1
                points:
                  - id: import_kwh
                    kind: counter
                    unit: kWh
                    carrier: electricity-import
                    register: 0x000A
                    type: uint32
                    scale: 0.01
                  - id: power_kw
                    kind: gauge
                    unit: kW
                    register: 0x016A
                    type: int32
                    scale: 0.001
                """.formatted(meter.port()));
        return new ConfigLoader().load(config);
    }

    private long received(String point, double value) {
        return receiver.readings(GATEWAY).stream()
                .filter(r -> r.point().equals(point) && r.value() == value).count();
    }

    @Test
    void everyReadingAndTheIntervalTotalArriveWithTheirValuesAndTimes() throws Exception {
        MutableClock clock = new MutableClock(T0);
        Agent agent = Agent.start(config(receiver.port()), clock);
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> received("import_kwh", 1000.0) >= 3);
            clock.set(T0.plusSeconds(30));
            setImportKwh(1010.00);
            await().atMost(Duration.ofSeconds(20)).until(() -> received("import_kwh", 1010.0) >= 3);
            clock.set(T0.plus(Duration.ofMinutes(2)));  // past the first interval's end + grace
            await().atMost(Duration.ofSeconds(20)).until(() -> !receiver.totals(GATEWAY).isEmpty());
            assertThat(agent.stopPollingAndDrain(Duration.ofSeconds(20))).isTrue();
        } finally {
            agent.close();
        }

        List<Reading> buffered;
        try (SqliteOutbox outbox = new SqliteOutbox(BufferDatabase.open(dir.resolve("agent")), Clock.systemUTC())) {
            buffered = outbox.readingsAfter(0, Integer.MAX_VALUE);
        }
        List<ReceivedReading> arrived = receiver.readings(GATEWAY);
        assertThat(arrived).extracting(ReceivedReading::seq)
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, buffered.size()).boxed().toList());
        assertThat(arrived).allSatisfy(r -> {
            Reading sent = buffered.get((int) r.seq() - 1);
            assertThat(r.device()).isEqualTo("meter");
            assertThat(r.point()).isEqualTo(sent.point());
            assertThat(r.value()).isEqualTo(sent.value());
            assertThat(r.time()).isEqualTo(sent.time());
            assertThat(r.unit()).isEqualTo(sent.point().equals("import_kwh") ? "kWh" : "kW");
        });
        assertThat(arrived).filteredOn(r -> r.point().equals("power_kw")).extracting(ReceivedReading::value).containsOnly(250.0);
        assertThat(arrived).filteredOn(r -> r.point().equals("import_kwh")).extracting(ReceivedReading::value)
                .containsOnly(1000.0, 1010.0);
        assertThat(arrived).extracting(ReceivedReading::time)
                .containsOnly(T0, T0.plusSeconds(30), T0.plus(Duration.ofMinutes(2)));

        ReceivedTotal first = receiver.totals(GATEWAY).stream()
                .filter(t -> t.intervalStart().equals(T0.minusSeconds(5))).findFirst().orElseThrow();
        assertThat(first.device()).isEqualTo("meter");
        assertThat(first.point()).isEqualTo("import_kwh");
        assertThat(first.carrier()).isEqualTo("electricity-import");
        assertThat(first.length()).isEqualTo(Duration.ofMinutes(1));
        assertThat(first.amount()).isCloseTo(10.0, within(1e-9));       // kWh
        assertThat(first.kgce()).isCloseTo(1.229, within(1e-9));        // 10 kWh × 0.1229 kgce/kWh
        assertThat(first.kgCo2()).isCloseTo(5.366, within(1e-9));       // 10 kWh × 0.5366 kgCO2/kWh
        assertThat(first.revision()).isZero();
    }

    @Test
    void readingsPiledUpDuringAnOutageArriveOnceWhenThePlatformReturns() throws Exception {
        int port = receiver.port();
        Agent agent = Agent.start(config(port), Clock.systemUTC());
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.readingCount() >= 10);
            receiver.close();
            long before = agent.bufferStats().lastSeq();
            await().atMost(Duration.ofSeconds(20)).until(() -> agent.bufferStats().lastSeq() >= before + 40);
            receiver = PlatformReceiver.start("127.0.0.1", port, dir.resolve("receiver"));
            assertThat(agent.stopPollingAndDrain(Duration.ofSeconds(30))).isTrue();
        } finally {
            agent.close();
        }
        long last = lastSeqIn(dir.resolve("agent"));
        assertThat(receiver.readings(GATEWAY)).extracting(ReceivedReading::seq)
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, last).boxed().toList());
    }

    private static long lastSeqIn(Path data) throws Exception {
        return io.carbonedge.agent.store.BufferStats.read(BufferDatabase.open(data)).lastSeq();
    }
}
