package io.carbonedge.agent.uplink;

import io.carbonedge.agent.config.UplinkConfig;
import io.carbonedge.agent.config.UplinkSecurity;
import io.carbonedge.agent.retry.Backoff;
import io.carbonedge.agent.store.IntervalTotal;
import io.carbonedge.agent.store.Reading;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Forwards the buffer to one platform on its own thread: for each stream (totals first, then
 * readings) it takes the next batch after the stream's watermark, encodes it, sends it and moves
 * the watermark only once the platform has it. A failed batch is sent again, unchanged, after an
 * exponential backoff with jitter. While a batch is on its way, the next one is read and encoded,
 * so the buffer and the network work side by side during a drain (the next batch is taken after
 * the one in flight whatever its outcome: a failed batch is retried, a refused one parked).
 * A batch the platform refuses for good (REJECTED) is parked with
 * its reason and the worker goes on with the next one; nothing is skipped silently. While a
 * backlog drains, batches go at most {@code max-rate} records per second. Logs once per state
 * change (down with the reason, up again with how long it was down, a batch parked), never per
 * batch.
 */
public final class UplinkWorker implements AutoCloseable {

    /** Batches a worker may hold read from the buffer but not yet delivered: the one in flight and the next. */
    public static final int BATCHES_IN_HAND = 2;

    private static final Logger LOG = LoggerFactory.getLogger(UplinkWorker.class);
    private static final Duration IDLE_WAIT = Duration.ofSeconds(1);
    private static final List<Stream> ORDER = List.of(Stream.TOTALS, Stream.READINGS);
    /** How often the worker looks for parked batches a person asked to send again (and recounts them). */
    private static final Duration PARKED_LOOK_PERIOD = Duration.ofSeconds(1);

    private final UplinkConfig config;
    private final Outbox outbox;
    private final CoapUplink uplink;
    private final SenmlEncoder encoder;
    private final Backoff backoff;
    private final Duration idleWait;
    private final Clock clock;
    private final DrainPace pace;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signal = lock.newCondition();
    /** The highest seq of each stream read into a batch so far (delivered, parked or in hand). */
    private final Map<Stream, Long> taken = new EnumMap<>(Stream.class);
    private final ExecutorService sender;
    private final UplinkHealth health;
    private final Thread thread;
    private volatile boolean running;
    private boolean woken; // guarded by lock
    private String lastOutboxError;
    private String lastParkReason;
    private long lastParkedLook = System.nanoTime() - PARKED_LOOK_PERIOD.toNanos();
    /** The batch being sent, or waiting to be sent again; null when there was nothing to send. */
    private Batch current;
    /** The batch after it, read and encoded while {@code current} was on its way. */
    private Batch next;

    /** A worker that owns {@code uplink} and closes it with itself. */
    public UplinkWorker(String gatewayId, UplinkConfig config, Outbox outbox, CoapUplink uplink) {
        this(gatewayId, config, outbox, uplink, Clock.systemUTC(), new Random(), IDLE_WAIT);
    }

    /** For tests: a clock for the status and log, a seeded jitter and a shorter idle wait. */
    UplinkWorker(String gatewayId, UplinkConfig config, Outbox outbox, CoapUplink uplink, Clock clock,
                 Random jitter, Duration idleWait) {
        this.config = config;
        this.outbox = outbox;
        this.uplink = uplink;
        this.encoder = new SenmlEncoder(gatewayId);
        this.health = new UplinkHealth(config.name(), clock);
        this.backoff = new Backoff(config.backoffMin(), config.backoffMax(), jitter);
        this.idleWait = idleWait;
        this.clock = clock;
        this.pace = new DrainPace(config.maxRate());
        this.thread = new Thread(this::run, "uplink-" + config.name());
        thread.setDaemon(true);
        this.sender = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "uplink-" + config.name() + "-send");
            t.setDaemon(true);
            return t;
        });
    }

    /** A worker over Californium to {@code config.uri()}. */
    public static UplinkWorker overCoap(String gatewayId, UplinkConfig config, Outbox outbox) throws IOException {
        return new UplinkWorker(gatewayId, config, outbox,
                new CaliforniumUplink(config.uri(), config.timeout(), config.security()));
    }

    public void start() {
        running = true;
        thread.start();
        LOG.info("Uplink {} forwarding to {} ({}, {}, {})", config.name(), config.uri(), config.format(),
                security(), config.maxRate() == UplinkConfig.UNLIMITED ? "no rate limit"
                        : "at most " + config.maxRate() + " readings/s");
    }

    /** Something was committed: look now rather than at the end of the idle wait. Cheap; any thread. */
    public void wakeUp() {
        lock.lock();
        try {
            woken = true;
            signal.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private String security() {
        if (config.security() instanceof UplinkSecurity.Psk psk) {
            return "DTLS, pre-shared key of " + psk.identity();
        }
        if (config.security() instanceof UplinkSecurity.X509) {
            return "DTLS, certificate";
        }
        return "plain CoAP, not encrypted";
    }

    /** A snapshot; any thread. */
    public UplinkStatus status() {
        return health.snapshot();
    }

    /** Stops the thread (interrupting a send in flight) and releases the uplink. */
    @Override
    public void close() {
        running = false;
        wakeUp();
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sender.shutdownNow();
        uplink.close();
    }

    private void run() {
        while (running) {
            try {
                if (next == null && System.nanoTime() - lastParkedLook >= PARKED_LOOK_PERIOD.toNanos()) {
                    lookAtParked();
                }
                if (current == null) {
                    current = take();
                }
                if (current == null) {
                    idle();
                } else {
                    sendCurrent();
                }
                lastOutboxError = null;
            } catch (RuntimeException e) {
                String message = String.valueOf(e.getMessage());
                if (!message.equals(lastOutboxError)) {
                    LOG.error("Uplink {}: cannot read or move the buffer's watermark", config.name(), e);
                    lastOutboxError = message;
                }
                pause(backoff.next());
            }
        }
    }

    /**
     * Sends the current batch and, while it is on its way, reads and encodes the next one; then
     * settles the outcome. After a failure's backoff the same batch goes again.
     */
    private void sendCurrent() {
        pause(Duration.ofNanos(pace.waitNanos(System.nanoTime())));
        if (!running) {
            return;
        }
        Batch batch = current;
        Future<SendResult> sending = sender.submit(() -> uplink.send(batch.payload(), config.format()));
        RuntimeException lookaheadFailed = null;
        if (next == null) {
            try {
                next = take();
            } catch (RuntimeException e) {
                lookaheadFailed = e;   // the send in flight must be settled first
            }
        }
        SendResult result = await(sending);
        pace.sent(batch.count(), System.nanoTime());
        if (result != null && running && settle(batch, result)) {
            current = next;
            next = null;
        }
        if (lookaheadFailed != null) {
            throw lookaheadFailed;
        }
    }

    private SendResult await(Future<SendResult> sending) {
        try {
            return sending.get();
        } catch (InterruptedException e) {
            sending.cancel(true);   // close(): the loop sees running == false
            return null;
        } catch (ExecutionException e) {
            return SendResult.retry("uplink failed: " + e.getCause());
        }
    }

    /** Records the outcome; true when the batch is done with (delivered or parked). */
    private boolean settle(Batch batch, SendResult result) {
        if (batch.parked() != null && result.outcome() != Outcome.RETRY) {
            settleResend(batch.parked(), result);
            backoff.reset();
            return true;
        }
        switch (result.outcome()) {
            case DELIVERED -> {
                outbox.acknowledge(config.name(), batch.stream(), batch.lastSeq());
                backoff.reset();
                if (health.isDown()) {
                    refreshHeads();
                }
                health.delivered(batch.stream(), batch.lastSeq());
                return true;
            }
            case REJECTED -> {
                park(batch, result.reason());
                return true;
            }
            default -> {
                refreshHeads();
                health.failed(result.reason());
                pause(backoff.next());
                return false;
            }
        }
    }

    /** Sets a refused batch aside (durably, with the watermark past it) and logs it once per reason. */
    private void park(Batch batch, String reason) {
        String why = reason == null ? "no reason given" : reason;
        outbox.park(new ParkedBatch(config.name(), batch.stream(), batch.firstSeq(), batch.lastSeq(), batch.count(),
                why, clock.instant()));
        backoff.reset();
        if (!why.equals(lastParkReason)) {
            LOG.error("Uplink {}: the platform refused {} seq {}..{} ({} records) for good: {}. Parked them (kept "
                            + "in the buffer, counted in status) and going on with the next batch; further batches "
                            + "refused for the same reason are parked without another line", config.name(),
                    SenmlProfile.streamName(batch.stream()), batch.firstSeq(), batch.lastSeq(), batch.count(), why);
            lastParkReason = why;
        }
        health.parked(batch.stream(), batch.lastSeq());
    }

    /**
     * Recounts the parked batches (a person may have dropped some) and, when a person asked for one
     * to be sent again, puts it in hand before the next batch.
     */
    private void lookAtParked() {
        lastParkedLook = System.nanoTime();
        health.parkedNow(outbox.parkedCount(config.name()));
        Optional<ParkedBatch> asked = outbox.resendRequested(config.name());
        if (asked.isEmpty()) {
            return;
        }
        ParkedBatch parked = asked.get();
        Batch again = parked.stream() == Stream.READINGS
                ? readings(parked.firstSeq() - 1, parked.records(), parked)
                : totals(parked.firstSeq() - 1, parked.records(), parked);
        if (again == null || again.firstSeq() != parked.firstSeq() || again.lastSeq() != parked.lastSeq()) {
            outbox.refusedAgain(parked, "cannot send it again: its records are no longer in the buffer as parked");
            LOG.error("Uplink {}: parked batch {} ({} seq {}..{}) cannot be sent again: its records are no longer "
                    + "in the buffer as they were parked", config.name(), parked.id(),
                    SenmlProfile.streamName(parked.stream()), parked.firstSeq(), parked.lastSeq());
            return;
        }
        LOG.info("Uplink {}: sending parked batch {} ({} seq {}..{}, {} records) again, as asked", config.name(),
                parked.id(), SenmlProfile.streamName(parked.stream()), parked.firstSeq(), parked.lastSeq(),
                parked.records());
        next = current;
        current = again;
    }

    private void settleResend(ParkedBatch parked, SendResult result) {
        String what = SenmlProfile.streamName(parked.stream()) + " seq " + parked.firstSeq() + ".." + parked.lastSeq();
        if (result.outcome() == Outcome.DELIVERED) {
            outbox.resent(parked);
            LOG.info("Uplink {}: parked batch {} ({}) delivered on resend; it is no longer parked", config.name(),
                    parked.id(), what);
        } else {
            String why = result.reason() == null ? "no reason given" : result.reason();
            outbox.refusedAgain(parked, why);
            LOG.error("Uplink {}: the platform refused parked batch {} ({}) again: {}. It stays parked",
                    config.name(), parked.id(), what, why);
        }
        health.parkedNow(outbox.parkedCount(config.name()));
    }

    /** The next batch after everything already taken, totals before readings, or null. */
    private Batch take() {
        for (Stream stream : ORDER) {
            Long after = taken.get(stream);
            if (after == null) {
                after = outbox.acknowledged(config.name(), stream);
                health.loaded(stream, after);
            }
            Batch batch = stream == Stream.READINGS
                    ? readings(after, config.batchSize(), null) : totals(after, config.batchSize(), null);
            if (batch != null) {
                taken.put(stream, batch.lastSeq());
                health.seen(stream, batch.lastSeq());
                return batch;
            }
            taken.put(stream, after);
        }
        return null;
    }

    private Batch readings(long after, int limit, ParkedBatch parked) {
        List<Reading> rows = outbox.readingsAfter(after, limit);
        if (rows.isEmpty()) {
            return null;
        }
        return new Batch(Stream.READINGS, rows.get(0).seq(), rows.get(rows.size() - 1).seq(), rows.size(),
                encoder.readings(rows, config.format()), parked);
    }

    private Batch totals(long after, int limit, ParkedBatch parked) {
        List<IntervalTotal> rows = outbox.totalsAfter(after, limit);
        if (rows.isEmpty()) {
            return null;
        }
        return new Batch(Stream.TOTALS, rows.get(0).seq(), rows.get(rows.size() - 1).seq(), rows.size(),
                encoder.totals(rows, config.format()), parked);
    }

    /** Measures how much is waiting in each stream (one look-up each). */
    private void refreshHeads() {
        for (Stream stream : ORDER) {
            health.seen(stream, outbox.latest(stream));
        }
    }

    /** Waits out a backoff; only close() cuts it short. */
    private void pause(Duration wait) {
        awaitUntil(System.nanoTime() + wait.toNanos(), false);
    }

    /** Waits for a wakeUp(), close() or the idle period. */
    private void idle() {
        awaitUntil(System.nanoTime() + idleWait.toNanos(), true);
    }

    private void awaitUntil(long deadline, boolean wakeable) {
        lock.lock();
        try {
            while (running && !(wakeable && woken)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                signal.awaitNanos(left);
            }
            if (wakeable) {
                woken = false;
            }
        } catch (InterruptedException e) {
            // close() interrupts; the loop sees running == false
        } finally {
            lock.unlock();
        }
    }

    /** One encoded batch of one stream, kept until delivered; {@code parked} when it is a parked one sent again. */
    private record Batch(Stream stream, long firstSeq, long lastSeq, int count, byte[] payload, ParkedBatch parked) {
    }
}
