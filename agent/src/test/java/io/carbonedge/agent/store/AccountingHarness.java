package io.carbonedge.agent.store;

import io.carbonedge.agent.MutableClock;
import io.carbonedge.agent.config.AccountingConfig;
import io.carbonedge.agent.config.AgentConfig;
import io.carbonedge.agent.config.DeviceConfig;
import io.carbonedge.agent.config.PollDefaults;
import io.carbonedge.agent.config.StoreConfig;
import io.carbonedge.agent.totals.Period;
import io.carbonedge.driver.Sample;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.awaitility.Awaitility.await;

/**
 * A real buffer writer on a temporary database with a clock the test moves: feed samples, move
 * the clock, read back the totals stream as the uplink would.
 */
final class AccountingHarness implements AutoCloseable {

    final MutableClock clock;
    private final BufferDatabase db;
    private final AgentConfig config;
    private BufferWriter writer;
    private long sent;

    AccountingHarness(Path data, AccountingConfig accounting, Instant start, List<DeviceConfig> devices) throws Exception {
        this.clock = new MutableClock(start);
        this.db = BufferDatabase.open(data);
        this.config = new AgentConfig("gw", data, new PollDefaults(Duration.ofMinutes(1), Duration.ofSeconds(1),
                Duration.ofMinutes(1)), StoreConfig.of(Duration.ofMillis(5), 5000), List.of(), accounting, devices);
        this.writer = BufferWriter.open(db, config, clock);
        this.sent = writer.lastSeq();
    }

    /** One poll of a device, committed before this returns (the clock is moved to its time if behind). */
    AccountingHarness poll(String device, Instant t, Sample... samples) {
        if (clock.instant().isBefore(t)) {
            clock.set(t);
        }
        writer.accept(device, List.of(samples));
        sent += samples.length;
        long target = sent;
        await().until(() -> writer.lastSeq() >= target && writer.isIdle());
        return this;
    }

    /** Moves the clock and waits for a commit that saw it (so every interval due is closed). */
    AccountingHarness at(Instant t) {
        clock.set(t);
        return poll("clock", t, Sample.bad("tick", t, "clock tick"));
    }

    /** Closes the writer and opens a new one on the same database, as a restart would. */
    AccountingHarness restart() throws Exception {
        writer.close();
        writer = BufferWriter.open(BufferDatabase.open(config.dataDir()), config, clock);
        sent = writer.lastSeq();
        return this;
    }

    List<IntervalTotal> stream() {
        try (SqliteOutbox outbox = new SqliteOutbox(db, clock)) {
            return outbox.totalsAfter(0, 100_000);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The latest revision of a point's total for the period starting at {@code start}. */
    Optional<IntervalTotal> latest(String device, String point, Period period, Instant start) {
        return stream().stream()
                .filter(t -> t.kind() == IntervalTotal.Kind.POINT && t.device().equals(device) && t.point().equals(point)
                        && t.period() == period && t.intervalStart().equals(start))
                .reduce((a, b) -> b.revision() >= a.revision() ? b : a);
    }

    /** The latest value of a site figure for the period starting at {@code start}. */
    Optional<Double> site(String figure, Period period, Instant start) {
        return stream().stream()
                .filter(t -> t.kind() == IntervalTotal.Kind.SITE && t.point().equals(figure) && t.period() == period
                        && t.intervalStart().equals(start))
                .reduce((a, b) -> b.revision() >= a.revision() ? b : a).map(IntervalTotal::amount);
    }

    List<IntervalTotal> events() {
        return stream().stream().filter(t -> t.kind() == IntervalTotal.Kind.EVENT).toList();
    }

    @Override
    public void close() {
        writer.close();
    }
}
