package io.carbonedge.agent.uplink;

import io.carbonedge.agent.config.UplinkConfig;
import io.carbonedge.agent.config.UplinkSecurity;
import io.carbonedge.agent.retry.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
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
 * readings) it takes the next batch after the stream's watermark ({@link BatchSource}), sends it
 * and moves the watermark only once the platform has it. A failed batch is sent again, unchanged,
 * after an exponential backoff with jitter. While a batch is on its way, the next one is read and
 * encoded, so the buffer and the network work side by side during a drain (the next batch is taken
 * after the one in flight whatever its outcome: a failed batch is retried, a refused one parked).
 * A batch the platform refuses for good (REJECTED) is parked with its reason ({@link Parking}) and
 * the worker goes on with the next one; nothing is skipped silently. While a backlog drains,
 * batches go at most {@code max-rate} records per second. Logs once per state change (down with
 * the reason, up again with how long it was down, a batch parked), never per batch.
 */
public final class UplinkWorker implements AutoCloseable {

    /** Batches a worker may hold read from the buffer but not yet delivered: the one in flight and the next. */
    public static final int BATCHES_IN_HAND = 2;

    private static final Logger LOG = LoggerFactory.getLogger(UplinkWorker.class);
    private static final Duration IDLE_WAIT = Duration.ofSeconds(1);

    private final UplinkConfig config;
    private final Outbox outbox;
    private final CoapUplink uplink;
    private final BatchSource source;
    private final Parking parking;
    private final Backoff backoff;
    private final Duration idleWait;
    private final DrainPace pace;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signal = lock.newCondition();
    private final ExecutorService sender;
    private final UplinkHealth health;
    private final Thread thread;
    private volatile boolean running;
    private boolean woken; // guarded by lock
    private String lastOutboxError;
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
        this.health = new UplinkHealth(config.name(), clock);
        this.source = new BatchSource(gatewayId, config, outbox, health);
        this.parking = new Parking(config.name(), outbox, source, health, clock);
        this.backoff = new Backoff(config.backoffMin(), config.backoffMax(), jitter);
        this.idleWait = idleWait;
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
                if (next == null) {
                    parking.resendAsked().ifPresent(again -> {
                        next = current;   // a parked batch a person asked for goes before the next one
                        current = again;
                    });
                }
                if (current == null) {
                    current = source.next();
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
                next = source.next();
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
            parking.settleResend(batch.parked(), result);
            backoff.reset();
            return true;
        }
        switch (result.outcome()) {
            case DELIVERED -> {
                outbox.acknowledge(config.name(), batch.stream(), batch.lastSeq());
                backoff.reset();
                if (health.isDown()) {
                    source.refreshHeads();
                }
                health.delivered(batch.stream(), batch.lastSeq());
                return true;
            }
            case REJECTED -> {
                parking.park(batch, result.reason());
                backoff.reset();
                return true;
            }
            default -> {
                source.refreshHeads();
                health.failed(result.reason());
                pause(backoff.next());
                return false;
            }
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
}
