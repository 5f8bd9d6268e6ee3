package io.carbonedge.agent;

import io.carbonedge.agent.receiver.PlatformReceiver;
import io.carbonedge.agent.receiver.ReceivedReading;
import io.carbonedge.agent.store.BufferDatabase;
import io.carbonedge.agent.store.BufferStats;
import io.carbonedge.agent.store.Reading;
import io.carbonedge.agent.store.SqliteOutbox;
import io.carbonedge.driver.modbus.DataType;
import io.carbonedge.driver.modbus.Table;
import io.carbonedge.driver.modbus.WordOrder;
import io.carbonedge.driver.modbus.sim.ModbusSimulator;
import io.carbonedge.driver.modbus.sim.RegisterBank;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real jar polls a simulated meter fast and is killed with SIGKILL at random moments, ten
 * times, restarted each time. Afterwards the platform's deduplicated set must equal the set of
 * readings the agent committed: nothing committed is lost, nothing arrives twice after dedup.
 */
class CrashRecoveryIT {

    private static final String GATEWAY = "crash-gw";
    private static final int KILLS = 10;

    @TempDir
    Path dir;

    @Test
    void killNineAtRandomMomentsLosesNoCommittedReading() throws Exception {
        Random random = new Random(20261124);
        try (ModbusSimulator meter = ModbusSimulator.start(0);
             PlatformReceiver receiver = PlatformReceiver.start("127.0.0.1", 0, dir.resolve("receiver"))) {
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
            AtomicLong counter = new AtomicLong(100_000);
            RegisterBank bank = meter.unit(1);
            ticker.scheduleAtFixedRate(() -> {
                long raw = counter.addAndGet(7);
                for (int p = 0; p < 10; p++) {
                    bank.set(Table.HOLDING, 2 * p, DataType.UINT32, WordOrder.ABCD, raw + p);
                }
            }, 0, 5, TimeUnit.MILLISECONDS);
            Path config = writeConfig(meter.port(), receiver.port());
            Path data = dir.resolve("agent");
            try {
                for (int i = 0; i < KILLS; i++) {
                    Process agent = startAgent(config, "run-" + i);
                    long before = committed(data);
                    // let it commit and forward for a while, then kill it without warning
                    awaitOrShowLog("run-" + i, () -> committed(data) > before + 50);
                    Thread.sleep(random.nextInt(1500));
                    agent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
                Process last = startAgent(config, "final");
                awaitOrShowLog("final", () -> committed(data) > 0);
                ticker.shutdownNow();
                meter.close();   // the device goes away: no more readings, the backlog drains
                await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200))
                        .until(() -> receiver.readingCount() >= committed(data));
                last.destroy();
                assertThat(last.waitFor(20, TimeUnit.SECONDS)).isTrue();
            } finally {
                ticker.shutdownNow();
            }

            List<Reading> buffered;
            try (SqliteOutbox outbox = new SqliteOutbox(BufferDatabase.open(data), Clock.systemUTC())) {
                buffered = outbox.readingsAfter(0, Integer.MAX_VALUE);
            }
            Map<Long, ReceivedReading> arrived = receiver.readings(GATEWAY).stream()
                    .collect(Collectors.toMap(ReceivedReading::seq, Function.identity()));
            assertThat(arrived.keySet()).containsExactlyInAnyOrderElementsOf(buffered.stream().map(Reading::seq).toList());
            for (Reading r : buffered) {
                ReceivedReading a = arrived.get(r.seq());
                assertThat(a.point()).isEqualTo(r.point());
                assertThat(a.time()).isEqualTo(r.time());
                assertThat(a.value()).isEqualTo(r.value());
            }
            System.out.printf("crash test: %d kills, %d readings committed and delivered, %d duplicates dropped by the receiver%n",
                    KILLS, buffered.size(), receiver.duplicateCount());
        }
    }

    private static long committed(Path data) {
        try {
            return Files.exists(data.resolve(BufferDatabase.FILE_NAME)) ? BufferStats.read(BufferDatabase.open(data)).lastSeq() : 0;
        } catch (Exception e) {
            return 0;   // the agent may be creating the file right now
        }
    }

    /** Waits up to 90 s; on a timeout the failure carries the end of that agent's log. */
    private void awaitOrShowLog(String run, Callable<Boolean> condition) throws IOException {
        try {
            await().atMost(Duration.ofSeconds(90)).until(condition);
        } catch (ConditionTimeoutException e) {
            List<String> log = Files.readAllLines(dir.resolve(run + ".log"));
            throw new AssertionError(run + ": " + e.getMessage() + "\nlast lines of its log:\n"
                    + String.join("\n", log.subList(Math.max(0, log.size() - 40), log.size())), e);
        }
    }

    private Process startAgent(Path config, String name) throws IOException {
        Path jar = Path.of("target", "carbonedge.jar").toAbsolutePath();
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-jar", jar.toString(), "run", "--config", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile())
                .start();
    }

    private Path writeConfig(int meterPort, int receiverPort) throws IOException {
        Path config = dir.resolve("config");
        Files.createDirectories(config.resolve("devices"));
        Files.writeString(config.resolve("agent.yaml"), """
                gateway-id: %s
                data-dir: %s
                poll:
                  interval: 20ms
                  timeout: 500ms
                  backoff-max: 200ms
                store:
                  commit-interval: 30ms
                uplinks:
                  - name: park
                    uri: coap://127.0.0.1:%d/carbonedge
                    batch-size: 200
                    timeout: 2s
                    backoff-min: 50ms
                    backoff-max: 500ms
                """.formatted(GATEWAY, dir.resolve("agent"), receiverPort));
        StringBuilder points = new StringBuilder();
        for (int p = 0; p < 10; p++) {
            points.append("""
                      - id: c%d
                        kind: counter
                        unit: kWh
                        register: %d
                        type: uint32
                        scale: 0.01
                    """.formatted(p, 2 * p));
        }
        Files.writeString(config.resolve("devices/meter.yaml"), """
                id: meter
                protocol: modbus
                connection:
                  host: 127.0.0.1
                  port: %d
                points:
                %s""".formatted(meterPort, points));
        return config;
    }
}
