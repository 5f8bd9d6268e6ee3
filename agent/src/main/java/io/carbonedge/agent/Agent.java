package io.carbonedge.agent;

import io.carbonedge.agent.clock.ClockGuard;
import io.carbonedge.agent.config.AgentConfig;
import io.carbonedge.agent.config.UplinkConfig;
import io.carbonedge.agent.health.ClockState;
import io.carbonedge.agent.health.LatestSamples;
import io.carbonedge.agent.health.StatusFile;
import io.carbonedge.agent.health.StatusPublisher;
import io.carbonedge.agent.poll.DeviceStatus;
import io.carbonedge.agent.poll.PollScheduler;
import io.carbonedge.agent.store.BufferDatabase;
import io.carbonedge.agent.store.BufferStats;
import io.carbonedge.agent.store.BufferWriter;
import io.carbonedge.agent.store.LiveTotals;
import io.carbonedge.agent.store.SqliteOutbox;
import io.carbonedge.agent.uplink.Stream;
import io.carbonedge.agent.uplink.UplinkStatus;
import io.carbonedge.agent.uplink.UplinkWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The running agent, wired by hand in one place: pollers feed the buffer writer, which commits
 * readings and totals and wakes the uplinks, which forward from their watermarks.
 *
 * <pre>
 * devices → PollScheduler → LatestSamples → BufferWriter (SQLite) → UplinkWorker × n → platforms
 * </pre>
 */
public final class Agent implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Agent.class);
    private static final Duration STATUS_EVERY = Duration.ofSeconds(5);
    private static final Duration WRITER_STUCK_AFTER = Duration.ofSeconds(60);
    /** Device clocks and late logs may put a reading a little ahead: the floor keeps this much slack. */
    private static final Duration CLOCK_SLACK = Duration.ofHours(1);

    private final AgentConfig config;
    private final BufferDatabase database;
    private final BufferWriter writer;
    private final LatestSamples latest;
    private final PollScheduler scheduler;
    private final List<UplinkWorker> uplinks = new ArrayList<>();
    private final List<SqliteOutbox> outboxes = new ArrayList<>();
    private final ClockGuard guard;
    private final StatusPublisher status;

    private Agent(AgentConfig config, BufferDatabase database, Clock clock, ClockGuard guard)
            throws IOException, SQLException {
        this.config = config;
        this.database = database;
        this.guard = guard;
        this.writer = BufferWriter.open(database, config, clock, guard);
        this.latest = new LatestSamples(writer);
        for (UplinkConfig uplink : config.uplinks()) {
            SqliteOutbox outbox = new SqliteOutbox(database, clock);
            UplinkWorker worker = UplinkWorker.overCoap(config.gatewayId(), uplink, outbox);
            outboxes.add(outbox);
            uplinks.add(worker);
            writer.addCommitListener(worker::wakeUp);
        }
        this.scheduler = new PollScheduler(config.devices(), latest, config.poll().backoffMax(), clock);
        this.status = new StatusPublisher(new StatusFile(config.dataDir()), new StatusSources(), clock, STATUS_EVERY);
    }

    /**
     * The agent on the system clock, holding readings until the clock can be trusted (past the
     * build time and the newest reading already buffered, and synchronised where timesyncd runs).
     */
    public static Agent start(AgentConfig config, Instant builtAt) throws IOException, SQLException {
        BufferDatabase database = BufferDatabase.open(config.dataDir());
        Instant newest = BufferStats.read(database).newestReading();
        Instant floor = newest != null && newest.minus(CLOCK_SLACK).isAfter(builtAt) ? newest.minus(CLOCK_SLACK) : builtAt;
        return start(config, database, Clock.systemUTC(), ClockGuard.system(floor));
    }

    /** The agent on a clock of the caller's, trusted as it is (tests, the demo's simulations). */
    public static Agent start(AgentConfig config, Clock clock) throws IOException, SQLException {
        return start(config, BufferDatabase.open(config.dataDir()), clock, ClockGuard.trusting(clock));
    }

    private static Agent start(AgentConfig config, BufferDatabase database, Clock clock, ClockGuard guard)
            throws IOException, SQLException {
        Agent agent = new Agent(config, database, clock, guard);
        agent.uplinks.forEach(UplinkWorker::start);
        agent.scheduler.start();
        log.info("gateway {} running: {} device(s), {} uplink(s), buffer {}", config.gatewayId(),
                config.devices().size(), config.uplinks().size(), agent.database.file());
        return agent;
    }

    public AgentConfig config() {
        return config;
    }

    public Map<String, DeviceStatus> devices() {
        return scheduler.statuses();
    }

    public LatestSamples latest() {
        return latest;
    }

    public LiveTotals liveTotals() {
        return writer.liveTotals();
    }

    public List<UplinkStatus> uplinks() {
        return uplinks.stream().map(UplinkWorker::status).toList();
    }

    public BufferStats bufferStats() throws SQLException {
        return BufferStats.read(database);
    }

    /** What keeps the agent from doing its job (a hung device read, a stuck buffer writer), or empty. */
    public Optional<String> stuck() {
        Optional<String> poll = scheduler.stuck();
        return poll.isPresent() ? poll : writer.stuck(WRITER_STUCK_AFTER);
    }

    /** What the status file is made of. */
    private final class StatusSources implements StatusPublisher.Sources {
        @Override
        public String gatewayId() {
            return config.gatewayId();
        }

        @Override
        public Collection<DeviceStatus> devices() {
            return scheduler.statuses().values();
        }

        @Override
        public List<UplinkStatus> uplinks() {
            return Agent.this.uplinks();
        }

        @Override
        public BufferStats buffer() throws SQLException {
            return bufferStats();
        }

        @Override
        public ClockState clock() {
            return guard.state();
        }
    }

    /**
     * Stops polling and waits, at most {@code limit}, until every uplink has delivered everything
     * the buffer holds. Used where a clean hand-over matters more than a quick stop (the demo, tests).
     *
     * @return whether everything was delivered in time
     */
    public boolean stopPollingAndDrain(Duration limit) throws SQLException, InterruptedException {
        scheduler.close();
        long deadline = System.nanoTime() + limit.toNanos();
        long settled = -1;
        while (System.nanoTime() < deadline) {
            long last = writer.lastSeq();
            if (writer.isIdle() && delivered(last, BufferStats.read(database).lastTotalSeq())) {
                if (settled == last) {
                    return true;   // delivered, and nothing new was committed since the last look
                }
                settled = last;
            } else {
                settled = -1;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private boolean delivered(long readings, long totals) {
        return uplinks().stream().allMatch(u -> u.acknowledged().getOrDefault(Stream.READINGS, 0L) >= readings
                && u.acknowledged().getOrDefault(Stream.TOTALS, 0L) >= totals);
    }

    /** Stops polling, commits what is queued, then stops the uplinks. */
    @Override
    public void close() {
        scheduler.close();
        writer.close();
        uplinks.forEach(UplinkWorker::close);
        status.close();
        outboxes.forEach(SqliteOutbox::close);
        log.info("gateway {} stopped", config.gatewayId());
    }
}
