package io.carbonedge.driver.modbus;

import io.carbonedge.driver.testing.MapConfigSection;
import io.carbonedge.driver.testing.TestContexts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.carbonedge.driver.ConfigSection;
import io.carbonedge.driver.DeviceSpec;
import io.carbonedge.driver.DeviceUnavailableException;
import io.carbonedge.driver.Driver;
import io.carbonedge.driver.PointKind;
import io.carbonedge.driver.PointSpec;
import io.carbonedge.driver.Quality;
import io.carbonedge.driver.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Several devices on one bus, against {@link ScriptedBusServer}'s misbehaving units. */
class ModbusBusIT {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private final ModbusDriverFactory factory = new ModbusDriverFactory();

    private Driver device(String transport, int port, int unit, Duration timeout, Map<String, Object> extra,
                          Map<String, Map<String, Object>> points) {
        Map<String, Object> connection = new LinkedHashMap<>();
        connection.put("transport", transport);
        connection.put("host", "127.0.0.1");
        connection.put("port", port);
        connection.put("unit-id", unit);
        connection.putAll(extra);
        MapConfigSection section = new MapConfigSection(connection);
        List<PointSpec> specs = new ArrayList<>();
        List<ConfigSection> sections = new ArrayList<>();
        points.forEach((id, fields) -> {
            specs.add(new PointSpec(id, PointKind.GAUGE, ""));
            sections.add(new MapConfigSection(fields, section.errors()));
        });
        Driver driver = factory.create(TestContexts.NO_FILES, new DeviceSpec("unit-" + unit, "modbus", Duration.ofSeconds(1), timeout, specs),
                section, sections);
        assertThat(section.errors()).isEmpty();
        return driver;
    }

    private Driver oneRegister(String transport, int port, int unit, Duration timeout, Map<String, Object> extra) {
        return device(transport, port, unit, timeout, extra, Map.of("p", Map.of("register", 7)));
    }

    /**
     * Eight devices on one bus, one of them dead, polled by eight threads the way the agent polls
     * (fixed rate, missed ticks skipped) but retrying the dead one at every tick, the worst case:
     * only the bus's own backoff keeps the dead slave's timeouts (longer than the poll interval)
     * off the bus. Measured after the backoff has grown for two seconds.
     */
    @Test
    void withOneDeadSlaveOfEightTheOthersKeepAtLeastNinetyPercentOfTheirPollRate() throws Exception {
        try (ScriptedBusServer server = new ScriptedBusServer(false)) {
            List<Driver> drivers = new ArrayList<>();
            for (int unit = 1; unit <= 8; unit++) {
                server.unit(unit)[7] = unit * 10;
                drivers.add(oneRegister("tcp", server.port(), unit, Duration.ofMillis(200), Map.of("backoff-max", "2s")));
            }
            server.behave(8, ScriptedBusServer.Behaviour.SILENT);
            Duration interval = Duration.ofMillis(100);
            Duration warmUp = Duration.ofSeconds(2);
            Duration measured = Duration.ofSeconds(6);
            long start = System.nanoTime();
            long from = start + warmUp.toNanos();
            long end = from + measured.toNanos();
            AtomicInteger[] good = new AtomicInteger[8];
            List<Thread> pollers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                good[i] = new AtomicInteger();
                Driver driver = drivers.get(i);
                AtomicInteger count = good[i];
                Thread poller = new Thread(() -> pollAtFixedRate(driver, interval, from, end, count), "poller-" + (i + 1));
                pollers.add(poller);
                poller.start();
            }
            for (Thread poller : pollers) {
                poller.join(warmUp.plus(measured).toMillis() + 5_000);
            }
            long ticks = measured.toMillis() / interval.toMillis();
            for (int i = 0; i < 7; i++) {
                assertThat(good[i].get()).as("good polls of unit %d in %d ticks", i + 1, ticks)
                        .isGreaterThanOrEqualTo((int) Math.ceil(ticks * 0.9));
            }
            assertThat(good[7].get()).as("the dead unit").isZero();
            assertThat(server.connections()).as("one connection for the whole bus").isEqualTo(1);
            drivers.forEach(Driver::close);
        }
    }

    /** The agent's DevicePoller schedule (fixed rate, missed ticks skipped), without its own backoff. */
    private static void pollAtFixedRate(Driver driver, Duration interval, long countFrom, long end, AtomicInteger good) {
        long step = interval.toNanos();
        long next = System.nanoTime();
        while (System.nanoTime() < end) {
            try {
                if (driver.read(NOW).stream().allMatch(Sample::isGood) && System.nanoTime() >= countFrom) {
                    good.incrementAndGet();
                }
            } catch (DeviceUnavailableException e) {
                // counted as a missed poll
            }
            long now = System.nanoTime();
            next += step;
            if (next <= now) {
                next = now + step - Math.floorMod(now - next, step);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(next - now);
        }
    }

    @Test
    void duplicateAndStrayFramesAreSkippedNotFatal() throws Exception {
        try (ScriptedBusServer server = new ScriptedBusServer(false)) {
            server.unit(1)[7] = 11;
            server.unit(2)[7] = 22;
            server.behave(1, ScriptedBusServer.Behaviour.DUPLICATE);
            try (Driver one = oneRegister("tcp", server.port(), 1, Duration.ofMillis(500), Map.of());
                 Driver two = oneRegister("tcp", server.port(), 2, Duration.ofMillis(500), Map.of())) {
                for (int i = 0; i < 20; i++) {
                    assertThat(one.read(NOW)).containsExactly(Sample.good("p", NOW, 11));
                    assertThat(two.read(NOW)).containsExactly(Sample.good("p", NOW, 22));
                }
                assertThat(server.connections()).isEqualTo(1);
            }
        }
    }

    @Test
    void aLateAnswerAfterTheTimeoutDoesNotConfuseTheNextRequest() throws Exception {
        try (ScriptedBusServer server = new ScriptedBusServer(false)) {
            server.unit(1)[7] = 11;
            server.unit(2)[7] = 22;
            server.lateMillis = 250;
            server.behave(1, ScriptedBusServer.Behaviour.LATE);
            try (Driver one = oneRegister("tcp", server.port(), 1, Duration.ofMillis(100), Map.of());
                 Driver two = oneRegister("tcp", server.port(), 2, Duration.ofMillis(1000), Map.of())) {
                assertThat(two.read(NOW)).containsExactly(Sample.good("p", NOW, 22));
                assertThatThrownBy(() -> one.read(NOW)).hasMessage("no response within 100 ms");
                // unit 1's late answer arrives while unit 2's request waits: skipped by transaction id
                assertThat(two.read(NOW)).containsExactly(Sample.good("p", NOW, 22));
                server.behave(1, ScriptedBusServer.Behaviour.NORMAL);
                await().atMost(Duration.ofSeconds(2)).untilAsserted(() ->
                        assertThat(readOrNone(one)).containsExactly(Sample.good("p", NOW, 11)));
                assertThat(server.connections()).isEqualTo(1);
            }
        }
    }

    @Test
    void aMergedReadRefusedForIllegalAddressIsSplitOnceAndForAll() throws Exception {
        try (ScriptedBusServer server = new ScriptedBusServer(false)) {
            server.unit(1)[10] = 1;
            server.unit(1)[12] = 3;
            server.hole(1, 11);
            Map<String, Map<String, Object>> points = new LinkedHashMap<>();
            points.put("a", Map.of("register", 10));
            points.put("b", Map.of("register", 12));
            try (Driver driver = device("tcp", server.port(), 1, Duration.ofMillis(500), Map.of(), points)) {
                assertThat(((ModbusDriver) driver).plan().requests()).hasSize(1);
                assertThat(driver.read(NOW)).containsExactly(Sample.good("a", NOW, 1), Sample.good("b", NOW, 3));
                assertThat(server.requests()).as("the merged read, then one per point").isEqualTo(3);
                assertThat(driver.read(NOW)).containsExactly(Sample.good("a", NOW, 1), Sample.good("b", NOW, 3));
                assertThat(server.requests()).as("remembered: no merged read again").isEqualTo(5);
            }
        }
    }

    @Test
    void afterTheServerRestartsTheDeviceIsBackWithinTwoBackoffPeriods() throws Exception {
        ScriptedBusServer server = new ScriptedBusServer(false);
        int port = server.port();
        server.unit(1)[7] = 1;
        Duration backoffMax = Duration.ofSeconds(1);
        try (Driver driver = oneRegister("tcp", port, 1, Duration.ofMillis(200), Map.of("backoff-max", "1s"))) {
            assertThat(driver.read(NOW)).containsExactly(Sample.good("p", NOW, 1));
            server.close();
            await().atMost(Duration.ofSeconds(2)).until(() -> readOrNone(driver).isEmpty()); // the old connection is gone
            for (int i = 0; i < 5; i++) {
                assertThat(readOrNone(driver)).isEmpty(); // refused, then backing off
            }
            try (ScriptedBusServer restarted = new ScriptedBusServer(false, port)) {
                restarted.unit(1)[7] = 2;
                long back = System.nanoTime();
                await().atMost(backoffMax.multipliedBy(2).plusMillis(500)).pollInterval(Duration.ofMillis(20))
                        .untilAsserted(() -> assertThat(readOrNone(driver)).containsExactly(Sample.good("p", NOW, 2)));
                assertThat(Duration.ofNanos(System.nanoTime() - back)).isLessThan(backoffMax.multipliedBy(2));
            }
        }
    }

    @Test
    void rtuOverTcpSkipsNoiseAndBadCrcAndTimesOutASilentUnit() throws Exception {
        try (ScriptedBusServer server = new ScriptedBusServer(true)) {
            server.unit(3)[7] = 33;
            server.behave(3, ScriptedBusServer.Behaviour.NOISY);
            server.behave(4, ScriptedBusServer.Behaviour.SILENT);
            try (Driver noisy = oneRegister("rtu-over-tcp", server.port(), 3, Duration.ofMillis(500), Map.of());
                 Driver silent = oneRegister("rtu-over-tcp", server.port(), 4, Duration.ofMillis(150), Map.of())) {
                for (int i = 0; i < 5; i++) {
                    assertThat(noisy.read(NOW)).containsExactly(Sample.good("p", NOW, 33));
                }
                assertThatThrownBy(() -> silent.read(NOW)).hasMessage("no response within 150 ms");
                assertThat(noisy.read(NOW)).containsExactly(Sample.good("p", NOW, 33));
            }
        }
    }

    @Test
    void everyTableBitStringSentinelAndScaleRegisterDecodes() throws Exception {
        try (ScriptedBusServer server = new ScriptedBusServer(false)) {
            int[] regs = server.unit(1);
            regs[0] = 1;                  // coil 0 on
            regs[1] = 0;                  // coil 1 off
            regs[100] = 0b1000_0000_0000_0100; // bits 2 and 15
            System.arraycopy(RegisterCodec.encodeText(WordOrder.ABCD, "SN-4711", 5), 0, regs, 200, 5);
            regs[300] = 0x8000;           // int16 not implemented (SunSpec)
            regs[301] = 1234;             // raw W
            regs[302] = 0xFFFE;           // scale factor -2
            regs[400] = 0xFFFF;           // uint32 raw for rollover
            regs[401] = 0xFFFF;
            Map<String, Map<String, Object>> points = new LinkedHashMap<>();
            points.put("coil0", Map.of("table", "coil", "register", 0));
            points.put("coil1", Map.of("table", "coil", "register", 1));
            points.put("input0", Map.of("table", "discrete-input", "register", 0));
            points.put("bit2", Map.of("register", 100, "type", "bool", "bit", 2));
            points.put("bit3", Map.of("register", 100, "type", "bool", "bit", 3));
            points.put("bit15", Map.of("table", "input", "register", 100, "type", "bool", "bit", 15));
            points.put("serial", Map.of("register", 200, "type", "string", "length", 5));
            points.put("ni", Map.of("register", 300, "type", "int16", "not-implemented", "sunspec"));
            points.put("w", Map.of("register", 301, "type", "int16", "scale-register", 302, "offset", 1));
            points.put("counter", Map.of("register", 400, "type", "uint32", "scale", 0.01,
                    "not-implemented", "0xFFFFFFFF"));
            try (Driver driver = device("tcp", server.port(), 1, Duration.ofMillis(500), Map.of(), points)) {
                List<Sample> samples = driver.read(NOW);
                assertThat(samples).containsExactly(
                        Sample.good("coil0", NOW, 1), Sample.good("coil1", NOW, 0), Sample.good("input0", NOW, 1),
                        Sample.good("bit2", NOW, 1), Sample.good("bit3", NOW, 0), Sample.good("bit15", NOW, 1),
                        Sample.good("serial", NOW, DataType.fingerprint("SN-4711")),
                        Sample.bad("ni", NOW, "not implemented (0x8000)"),
                        Sample.good("w", NOW, 13.34),
                        Sample.bad("counter", NOW, "not implemented (0xFFFFFFFF)"));
                assertThat(driver.rolloverAt("counter")).hasValue(42_949_672.96);
                assertThat(driver.rolloverAt("w")).as("scale register").isEmpty();
                assertThat(driver.rolloverAt("bit2")).isEmpty();
                assertThat(samples.get(0).quality()).isEqualTo(Quality.GOOD);
            }
        }
    }

    private static List<Sample> readOrNone(Driver driver) {
        try {
            return driver.read(NOW).stream().filter(Sample::isGood).toList();
        } catch (DeviceUnavailableException e) {
            return List.of();
        }
    }
}
