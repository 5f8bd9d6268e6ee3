package io.carbonedge.driver.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.carbonedge.driver.DeviceUnavailableException;
import io.carbonedge.driver.Driver;
import io.carbonedge.driver.Quality;
import io.carbonedge.driver.Sample;
import io.carbonedge.driver.modbus.sim.ModbusSimulator;
import io.carbonedge.driver.modbus.sim.RegisterBank;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ModbusDriverIT {

    private static final Instant NOW = Instant.parse("2025-06-01T04:00:00Z");

    private ModbusSimulator simulator;
    private RegisterBank unit;

    @BeforeEach
    void startSimulator() throws IOException {
        simulator = ModbusSimulator.start(0);
        unit = simulator.unit(1);
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    private DeviceFixture device() {
        return new DeviceFixture()
                .connection("host", "127.0.0.1")
                .connection("port", simulator.port())
                .connection("unit-id", 1);
    }

    @Test
    void everyTypeOrderAndTableRoundTripsWithScale() throws Exception {
        DeviceFixture device = device();
        List<Object[]> expected = new ArrayList<>();
        int register = 100;
        for (Table table : List.of(Table.HOLDING, Table.INPUT)) {
            for (DataType type : DataType.values()) {
                if (type == DataType.BOOL || type == DataType.STRING) {
                    continue;
                }
                List<WordOrder> orders = switch (type.registerCount()) {
                    case 1 -> List.of(WordOrder.ABCD);
                    case 2 -> List.of(WordOrder.ABCD, WordOrder.CDAB, WordOrder.BADC, WordOrder.DCBA);
                    default -> List.of(WordOrder.values());
                };
                for (WordOrder order : orders) {
                    double raw = rawFor(type);
                    double scale = type == DataType.FLOAT32 || type == DataType.FLOAT64 ? 1.0 : 0.1;
                    String id = (table + "-" + type + "-" + order).toLowerCase(Locale.ROOT);
                    unit.set(table, register, type, order, raw);
                    device.point(id, "table", table.name().toLowerCase(Locale.ROOT), "register", register,
                            "type", type.name().toLowerCase(Locale.ROOT), "order", order.name().toLowerCase(Locale.ROOT),
                            "scale", scale);
                    expected.add(new Object[] {id, raw * scale});
                    register += 5;
                }
            }
        }

        try (Driver driver = device.create()) {
            assertThat(device.errors()).isEmpty();
            List<Sample> samples = driver.read(NOW);

            assertThat(samples).hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                Sample sample = samples.get(i);
                assertThat(sample.pointId()).isEqualTo(expected.get(i)[0]);
                assertThat(sample.quality()).isEqualTo(Quality.GOOD);
                assertThat(sample.time()).isEqualTo(NOW);
                double want = (double) expected.get(i)[1];
                assertThat(sample.value()).as(sample.pointId()).isCloseTo(want, offset(1e-4 + Math.abs(want) * 1e-15));
            }
        }
    }

    private static double rawFor(DataType type) {
        return switch (type) {
            case INT16 -> -1234;
            case UINT16 -> 54321;
            case INT32 -> -123456789;
            case UINT32 -> 3_000_000_000L;
            case FLOAT32 -> 123.456f;
            case INT64 -> -1_234_567_890_123L;
            case UINT64 -> 18_000_000_000_000_000_000.0;
            case FLOAT64 -> 123.456789;
            case BOOL, STRING -> throw new IllegalArgumentException(type.name());
        };
    }

    @Test
    void handWrittenWordsDecodeAsTheDeviceMeantThem() throws Exception {
        unit.setWords(Table.HOLDING, 0x000A, 0x0001, 0xE240);           // uint32 abcd 123456
        unit.setWords(Table.INPUT, 0x0034, 0xE979, 0x42F6);             // float32 cdab 123.456
        DeviceFixture device = device()
                .point("import_kwh", "register", "0x000A", "type", "uint32", "scale", 0.01)
                .point("power_w", "table", "input", "register", "0x0034", "type", "float32", "order", "cdab");

        try (Driver driver = device.create()) {
            List<Sample> samples = driver.read(NOW);

            assertThat(samples.get(0).value()).isCloseTo(1234.56, offset(1e-9));
            assertThat(samples.get(1).value()).isCloseTo(123.456, offset(1e-4));
        }
    }

    @Test
    void anExceptionResponseMarksOnlyThePointsOfThatRead() throws Exception {
        unit.set(Table.HOLDING, 0, DataType.UINT16, WordOrder.ABCD, 42);
        unit.set(Table.INPUT, 500, DataType.UINT16, WordOrder.ABCD, 7);
        unit.markUnmapped(Table.HOLDING, 1000, 10);
        DeviceFixture device = device()
                .point("missing_a", "register", 1000)
                .point("present", "register", 0)
                .point("missing_b", "register", 1004, "type", "uint32")
                .point("input", "table", "input", "register", 500);

        try (Driver driver = device.create()) {
            List<Sample> samples = driver.read(NOW);

            assertThat(samples).extracting(Sample::pointId).containsExactly("missing_a", "present", "missing_b", "input");
            assertThat(samples.get(0).quality()).isEqualTo(Quality.BAD);
            assertThat(samples.get(0).reason()).isEqualTo("modbus exception 2 (illegal data address)");
            assertThat(samples.get(2).quality()).isEqualTo(Quality.BAD);
            assertThat(samples.get(1)).isEqualTo(Sample.good("present", NOW, 42));
            assertThat(samples.get(3)).isEqualTo(Sample.good("input", NOW, 7));
        }
    }

    @Test
    void aClosedPortFailsQuicklyAsRefused() throws Exception {
        int port = simulator.port();
        simulator.close();
        DeviceFixture device = new DeviceFixture()
                .connection("host", "127.0.0.1").connection("port", port)
                .point("p", "register", 0);

        try (Driver driver = device.create()) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> driver.read(NOW))
                    .isInstanceOf(DeviceUnavailableException.class)
                    .hasMessage("connection refused 127.0.0.1:" + port);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(900));
        }
        simulator = ModbusSimulator.start(0); // for @AfterEach
    }

    @Test
    void aDeviceThatDoesNotAnswerTimesOutThenBacksOffAndRetriesOnANewConnection() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            DeviceFixture device = new DeviceFixture()
                    .connection("host", "127.0.0.1").connection("port", silent.getLocalPort())
                    .timeout(Duration.ofMillis(300))
                    .point("p", "register", 0);
            try (Driver driver = device.create()) {
                long start = System.nanoTime();
                assertThatThrownBy(() -> driver.read(NOW))
                        .isInstanceOf(DeviceUnavailableException.class)
                        .hasMessage("no response within 300 ms");
                assertThat(Duration.ofNanos(System.nanoTime() - start))
                        .isBetween(Duration.ofMillis(250), Duration.ofMillis(1500));
                try (Socket first = silent.accept()) {
                    long quick = System.nanoTime();
                    assertThatThrownBy(() -> driver.read(NOW))
                            .hasMessageStartingWith("no response within 300 ms; backing off, next try in ");
                    assertThat(Duration.ofNanos(System.nanoTime() - quick)).as("fails fast while backing off")
                            .isLessThan(Duration.ofMillis(100));
                    await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> assertThatThrownBy(() -> driver.read(NOW))
                            .hasMessage("no response within 300 ms"));
                    try (Socket second = silent.accept()) {
                        assertThat(second.getPort()).as("a new connection").isNotEqualTo(first.getPort());
                    }
                }
            }
        }
    }

    @Test
    void afterTheDeviceRestartsTheSameDriverReadsAgain() throws Exception {
        unit.set(Table.HOLDING, 0, DataType.UINT16, WordOrder.ABCD, 1);
        DeviceFixture device = device().timeout(Duration.ofMillis(500)).point("p", "register", 0);

        try (Driver driver = device.create()) {
            assertThat(driver.read(NOW)).containsExactly(Sample.good("p", NOW, 1));

            int port = simulator.port();
            simulator.close();
            assertThat(goodSamplesOrNone(driver)).as("no value from a stopped device").isEmpty();

            simulator = ModbusSimulator.start(port);
            simulator.unit(1).set(Table.HOLDING, 0, DataType.UINT16, WordOrder.ABCD, 2);
            // the bus may be backing off after the failed read: back within two backoff periods
            await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50))
                    .untilAsserted(() -> assertThat(goodSamplesOrNone(driver)).containsExactly(Sample.good("p", NOW, 2)));
        }
    }

    @Test
    void aConnectionTheDeviceDroppedWhileIdleIsReopenedWithinTheSameRead() throws Exception {
        try (OneAnswerServer server = new OneAnswerServer(77)) {
            DeviceFixture device = new DeviceFixture()
                    .connection("host", "127.0.0.1").connection("port", server.port())
                    .point("p", "register", 0);
            try (Driver driver = device.create()) {
                assertThat(driver.read(NOW)).containsExactly(Sample.good("p", NOW, 77));
                assertThat(driver.read(NOW)).containsExactly(Sample.good("p", NOW, 77));
                assertThat(server.connections()).isEqualTo(2);
            }
        }
    }

    /** Reads once and keeps the good samples; a failed read counts as none. */
    private static List<Sample> goodSamplesOrNone(Driver driver) {
        try {
            return driver.read(NOW).stream().filter(Sample::isGood).toList();
        } catch (DeviceUnavailableException e) {
            return List.of();
        }
    }
}
