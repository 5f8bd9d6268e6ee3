package io.carbonedge.agent.store;

import io.carbonedge.agent.clock.ClockGuard;
import io.carbonedge.agent.config.AgentConfig;
import io.carbonedge.agent.config.DeviceConfig;
import io.carbonedge.agent.poll.SampleSink;
import io.carbonedge.agent.config.PointAccounting;
import io.carbonedge.agent.totals.AccountedPoint;
import io.carbonedge.agent.totals.ClosedInterval;
import io.carbonedge.agent.totals.CounterAccountant;
import io.carbonedge.agent.totals.IntervalGrid;
import io.carbonedge.driver.PointSpec;
import io.carbonedge.driver.Sample;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one thread that writes the buffer. Samples from every poller wait in a bounded queue and
 * are committed in groups: one transaction appends the readings with their sequence numbers,
 * accounts the counters and writes the accounting state and any closed totals, so the buffer
 * never holds a reading whose energy was not counted, nor energy without its reading.
 * Listeners (the uplinks) are told after each commit.
 */
public final class BufferWriter implements SampleSink, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BufferWriter.class);
    private static final Duration TICK = Duration.ofMillis(500);
    private static final Duration HOUSEKEEPING_EVERY = Duration.ofSeconds(10);

    private final Connection connection;
    private final PointCatalog catalog;
    private final AccountingTables accounting;
    private final TotalsLedger ledger;
    private final CounterAccountant accountant;
    private final ReadingAppender appender;
    private final Clock clock;
    private final ClockGuard guard;
    private final Duration commitInterval;
    private final int maxBatch;
    private final PendingSamples pending;
    private final GapLog gaps;
    private final Housekeeper housekeeper;
    private long lastHousekeeping;
    private final List<Runnable> commitListeners = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile LiveTotals live = LiveTotals.EMPTY;
    private volatile boolean failing;
    private volatile boolean busy;
    private volatile long lastLoopNanos = System.nanoTime();

    private BufferWriter(BufferDatabase db, AgentConfig config, Clock clock, ClockGuard guard) throws SQLException {
        this.connection = db.connect();
        this.clock = clock;
        this.guard = guard;
        this.commitInterval = config.store().commitInterval();
        this.maxBatch = config.store().maxBatch();
        this.catalog = new PointCatalog(connection);
        var acc = config.accounting();
        Map<Integer, String> serialPoints = new HashMap<>();
        Map<Integer, AccountedPoint> points = registerPoints(config.devices(), acc.dieselKgPerLitre(), serialPoints);
        IntervalGrid grid = new IntervalGrid(acc.interval(), acc.zone());
        this.accounting = new AccountingTables(connection);
        this.ledger = new TotalsLedger(connection, grid, acc.grace(), acc.factors(), acc.siteFigures(), points);
        this.accountant = new CounterAccountant(grid, acc.grace(), points.values(), serialPoints, accounting);
        accounting.restoreInto(accountant);
        this.appender = new ReadingAppender(connection);
        this.pending = new PendingSamples(config.store().memorySamples());
        this.gaps = new GapLog(connection, clock);
        this.housekeeper = new Housekeeper(connection, config, gaps, clock);
        this.thread = new Thread(this::run, "buffer-writer");
        this.thread.setDaemon(true);
    }

    /** Opens the writer's connection, registers the configured points and restores the accounting state. */
    public static BufferWriter open(BufferDatabase db, AgentConfig config, Clock clock) throws SQLException {
        return open(db, config, clock, ClockGuard.trusting(clock));
    }

    /**
     * As {@link #open(BufferDatabase, AgentConfig, Clock)}, holding samples while {@code guard}
     * does not trust the clock and re-stamping them by any step it took meanwhile.
     */
    public static BufferWriter open(BufferDatabase db, AgentConfig config, Clock clock, ClockGuard guard)
            throws SQLException {
        BufferWriter writer = new BufferWriter(db, config, clock, guard);
        writer.thread.start();
        return writer;
    }

    private Map<Integer, AccountedPoint> registerPoints(List<DeviceConfig> devices, double dieselDensity,
                                                        Map<Integer, String> serialPoints) throws SQLException {
        Map<Integer, AccountedPoint> points = new HashMap<>();
        try (WriteTransaction tx = WriteTransaction.begin(connection)) {
            for (DeviceConfig device : devices) {
                for (PointSpec point : device.spec().points()) {
                    int ref = catalog.ref(device.id(), point.id(), point.unit());
                    PointAccounting how = device.accounting().get(point.id());
                    if (how != null) {
                        points.put(ref, AccountedPoints.of(ref, device, point, how, dieselDensity));
                    }
                    if (point.id().equals(device.serialPoint())) {
                        serialPoints.put(ref, device.id());
                    }
                }
            }
            tx.commit();
        }
        return points;
    }

    public void addCommitListener(Runnable listener) {
        commitListeners.add(listener);
    }

    @Override
    public void accept(String deviceId, List<Sample> samples) {
        if (samples.isEmpty()) {
            return;
        }
        pending.add(new PendingSamples.Batch(deviceId, List.copyOf(samples), clock.instant(), guard.nanos()));
    }

    /** When the writer has not come round its loop for longer than {@code limit}, what is wrong. */
    public Optional<String> stuck(Duration limit) {
        long since = System.nanoTime() - lastLoopNanos;
        if (!thread.isAlive() && running) {
            return Optional.of("the buffer writer has died");
        }
        return since > limit.toNanos()
                ? Optional.of("the buffer writer has been stuck for " + Duration.ofNanos(since).toSeconds() + " s")
                : Optional.empty();
    }

    /** Whether every sample handed in so far is committed. */
    public boolean isIdle() {
        return pending.isEmpty() && !busy;
    }

    /** The highest sequence committed so far. */
    public long lastSeq() {
        return appender.lastSeq();
    }

    /** The amounts of the current interval, per device and point, as of the last commit. */
    public LiveTotals liveTotals() {
        return live;
    }

    private void run() {
        while (running || !pending.isEmpty()) {
            lastLoopNanos = System.nanoTime();
            List<PendingSamples.Batch> group = List.of();
            try {
                group = pending.takeGroup(TICK, commitInterval, maxBatch);
                if (!guard.trusted()) {
                    pending.putBack(group);
                    Thread.sleep(TICK.toMillis());
                    continue;
                }
                busy = !group.isEmpty();
                commit(group);
                pending.done(group);
                group = List.of();   // committed: a housekeeping failure must not put it back
                busy = false;
                housekeepWhenDue();
            } catch (InterruptedException e) {
                running = false;
            } catch (SQLException | IllegalStateException e) {
                pending.putBack(group);
                onFailure(e);
            }
        }
    }

    private void housekeepWhenDue() throws SQLException {
        long now = System.nanoTime();
        if (now - lastHousekeeping >= HOUSEKEEPING_EVERY.toNanos()) {
            lastHousekeeping = now;
            if (housekeeper.run()) {
                ledger.reload();
            }
        }
    }

    private void commit(List<PendingSamples.Batch> group) throws SQLException {
        PendingSamples.Dropped dropped = pending.takeDropped();
        WriteTransaction tx = WriteTransaction.begin(connection);
        try {
            if (dropped != null) {
                gaps.recordDropped(dropped);
                ledger.reload();
            }
            for (PendingSamples.Batch batch : group) {
                List<Sample> samples = restamped(batch);
                int[] refs = new int[samples.size()];
                for (int i = 0; i < refs.length; i++) {
                    Sample sample = samples.get(i);
                    refs[i] = catalog.refOf(batch.device(), sample.pointId());
                    appender.append(refs[i], sample);
                }
                account(batch.device(), samples, refs);
            }
            appender.flush();
            Instant now = clock.instant();
            List<ClosedInterval> closed = accountant.closeDue(now);
            CounterAccountant.Changes changes = accountant.drainChanges();
            accounting.write(changes);
            ledger.record(closed, changes.events(), now);
            tx.commit();
        } catch (SQLException | RuntimeException e) {
            tx.close();
            appender.rolledBack();
            ledger.reload();
            if (dropped != null) {
                pending.restoreDropped(dropped);
            }
            throw e;
        }
        live = LiveTotals.of(catalog, accountant, clock.instant());
        if (failing) {
            failing = false;
            log.info("buffer writes work again");
        }
        if (!group.isEmpty() || dropped != null) {
            commitListeners.forEach(Runnable::run);
        }
    }

    /** Serial numbers first, so a meter swapped between two polls never counts across the swap. */
    /** The batch's samples, moved by any step the wall clock took between their read and now. */
    private List<Sample> restamped(PendingSamples.Batch batch) {
        Duration correction = guard.correction(batch.capturedAt(), batch.capturedNanos());
        if (correction.isZero()) {
            return batch.samples();
        }
        List<Sample> moved = new ArrayList<>(batch.samples().size());
        for (Sample s : batch.samples()) {
            moved.add(new Sample(s.pointId(), s.time().plus(correction), s.value(), s.quality(), s.reason()));
        }
        return moved;
    }

    private void account(String device, List<Sample> samples, int[] refs) {
        boolean anyGood = false;
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < refs.length; i++) {
                Sample sample = samples.get(i);
                if (sample.isGood() && accountant.isSerial(refs[i]) == (pass == 0)) {
                    accountant.accept(refs[i], sample.time(), sample.value());
                    anyGood = true;
                }
            }
        }
        if (anyGood) {
            accountant.poll(device, samples.get(0).time());
        }
    }

    private void onFailure(Exception e) {
        if (!failing) {
            failing = true;
            log.error("cannot write the buffer ({}); polling goes on, samples wait in memory (at most {}) and the "
                    + "write is retried", e.getMessage(), pending.limit());
        }
        try {
            accountant.drainChanges();
            accounting.restoreInto(accountant);
            Thread.sleep(1000);
        } catch (SQLException | InterruptedException ignored) {
            // the next commit attempt reports again if the database is still unusable
        }
    }

    /** Commits what is queued, then stops the thread and closes the connection. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(PASSIVE)");
        } catch (SQLException ignored) {
            // closing anyway
        }
        try {
            connection.close();
        } catch (SQLException e) {
            log.warn("closing the buffer: {}", e.getMessage());
        }
    }
}
