package io.carbonedge.agent;

import io.carbonedge.agent.config.AgentConfig;
import io.carbonedge.agent.config.UplinkConfig;
import io.carbonedge.agent.health.LatestSamples;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    private final AgentConfig config;
    private final BufferDatabase database;
    private final BufferWriter writer;
    private final LatestSamples latest;
    private final PollScheduler scheduler;
    private final List<UplinkWorker> uplinks = new ArrayList<>();
    private final List<SqliteOutbox> outboxes = new ArrayList<>();

    private Agent(AgentConfig config, Clock clock) throws IOException, SQLException {
        this.config = config;
        this.database = BufferDatabase.open(config.dataDir());
        this.writer = BufferWriter.open(database, config, clock);
        this.latest = new LatestSamples(writer);
        for (UplinkConfig uplink : config.uplinks()) {
            SqliteOutbox outbox = new SqliteOutbox(database, clock);
            UplinkWorker worker = UplinkWorker.overCoap(config.gatewayId(), uplink, outbox);
            outboxes.add(outbox);
            uplinks.add(worker);
            writer.addCommitListener(worker::wakeUp);
        }
        this.scheduler = new PollScheduler(config.devices(), latest, config.poll().backoffMax(), clock);
    }

    /** Opens the buffer, then starts uplinks and pollers. */
    public static Agent start(AgentConfig config, Clock clock) throws IOException, SQLException {
        Agent agent = new Agent(config, clock);
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

    /**
     * Stops polling and waits, at most {@code limit}, until every uplink has delivered everything
     * the buffer holds. Used where a clean hand-over matters more than a quick stop (the demo, tests).
     *
     * @return whether everything was delivered in time
     */
    public boolean stopPollingAndDrain(Duration limit) throws SQLException, InterruptedException {
        scheduler.close();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (writer.isIdle() && delivered(writer.lastSeq(), BufferStats.read(database).totals())) {
                return true;
            }
            Thread.sleep(50);
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
        outboxes.forEach(SqliteOutbox::close);
        log.info("gateway {} stopped", config.gatewayId());
    }
}
