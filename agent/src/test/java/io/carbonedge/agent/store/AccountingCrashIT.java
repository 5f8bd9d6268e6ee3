package io.carbonedge.agent.store;

import io.carbonedge.agent.totals.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * kill -9 during accounting, restart: the day's totals equal an uninterrupted run's. The agent is a
 * child JVM ({@link CrashChild}) killed with SIGKILL at a different point in each round.
 */
class AccountingCrashIT {

    @TempDir
    Path tmp;

    private static Process start(Path data) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                CrashChild.class.getName(), data.toString()).redirectErrorStream(true).start();
    }

    /** Runs the child until it prints "fed killAt" (then SIGKILL) or to the end when killAt < 0. */
    private static void run(Path data, int killAt) throws Exception {
        Process p = start(data);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (killAt >= 0 && line.equals("fed " + killAt)) {
                    p.destroyForcibly();   // SIGKILL: no shutdown hooks, no close, mid-stream
                    break;
                }
                if (!line.startsWith("fed ") && !line.equals("done") && !line.isBlank()) {
                    System.err.println("child: " + line);
                }
            }
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("child ended").isTrue();
        if (killAt < 0) {
            assertThat(p.exitValue()).isZero();
        }
    }

    private static Map<Long, Double> latestIntervals(Path data) throws Exception {
        Map<Long, Double> out = new TreeMap<>();
        try (SqliteOutbox outbox = new SqliteOutbox(BufferDatabase.open(data), Clock.systemUTC())) {
            outbox.totalsAfter(0, 1_000_000).stream()
                    .filter(t -> t.kind() == IntervalTotal.Kind.POINT && t.period() == Period.INTERVAL)
                    .forEach(t -> out.put(t.intervalStart().toEpochMilli(), t.amount()));
        }
        return out;
    }

    private static double day(Path data) throws Exception {
        try (SqliteOutbox outbox = new SqliteOutbox(BufferDatabase.open(data), Clock.systemUTC())) {
            return outbox.totalsAfter(0, 1_000_000).stream()
                    .filter(t -> t.kind() == IntervalTotal.Kind.POINT && t.period() == Period.DAY)
                    .reduce((a, b) -> b).orElseThrow().amount();
        }
    }

    @Test
    void killedTwiceMidStreamTheDayTotalsEqualAnUninterruptedRun() throws Exception {
        Path clean = tmp.resolve("clean");
        run(clean, -1);
        Path killed = tmp.resolve("killed");
        run(killed, 150);
        run(killed, 420);      // after the reset at 400
        run(killed, -1);

        Map<Long, Double> expected = latestIntervals(clean);
        Map<Long, Double> actual = latestIntervals(killed);
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((start, amount) -> assertThat(actual.get(start)).as("interval %d", start)
                .isCloseTo(amount, within(1e-6)));
        assertThat(day(killed)).isCloseTo(day(clean), within(1e-6));
        assertThat(day(clean)).isGreaterThan(0);
    }
}
