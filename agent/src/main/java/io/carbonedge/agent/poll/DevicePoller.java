package io.carbonedge.agent.poll;

import io.carbonedge.agent.config.DeviceConfig;
import io.carbonedge.agent.retry.Backoff;
import io.carbonedge.driver.DeviceUnavailableException;
import io.carbonedge.driver.Sample;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Polls one device on its own thread at its interval, so a device that hangs until its timeout
 * never delays another. An unreachable device is retried with backoff; its state changes are
 * logged once each, not once per poll.
 */
final class DevicePoller implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(DevicePoller.class);

    private final DeviceConfig device;
    private final SampleSink sink;
    private final Backoff backoff;
    private final Clock clock;
    private final Consumer<DeviceStatus> publish;
    private volatile boolean running = true;
    private volatile long readStartedNanos;
    private DeviceStatus status;

    DevicePoller(DeviceConfig device, SampleSink sink, Duration backoffMax, Clock clock, Consumer<DeviceStatus> publish) {
        this.device = device;
        this.sink = sink;
        this.backoff = new Backoff(device.spec().interval(), backoffMax, new java.util.Random());
        this.clock = clock;
        this.publish = publish;
        this.status = DeviceStatus.starting(device.id());
        publish.accept(status);
    }

    @Override
    public void run() {
        long intervalNanos = device.spec().interval().toNanos();
        long next = System.nanoTime();
        try {
            while (running) {
                boolean ok = pollOnce();
                long now = System.nanoTime();
                if (ok) {
                    backoff.reset();
                    next += intervalNanos;
                    if (next <= now) {
                        next = now + intervalNanos - Math.floorMod(now - next, intervalNanos); // skip missed ticks
                    }
                } else {
                    next = now + backoff.next().toNanos();
                }
                sleepUntil(next);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            device.driver().close();
        }
    }

    /** How long the read under way has taken, or zero when none is. */
    Duration inRead() {
        long started = readStartedNanos;
        return started == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - started);
    }

    String deviceId() {
        return device.id();
    }

    /** A read that takes longer than this is hung, whatever the driver's own timeout says. */
    Duration hungAfter() {
        return device.spec().timeout().multipliedBy(3).plusSeconds(5);
    }

    private boolean pollOnce() {
        readStartedNanos = System.nanoTime();
        try {
            List<Sample> samples = device.driver().read(clock.instant());
            readStartedNanos = 0;
            sink.accept(device.id(), samples);
            if (status.state() == DeviceStatus.State.OFFLINE) {
                log.info("device {} online again after {} failed polls", device.id(), status.consecutiveFailures());
            } else if (status.state() == DeviceStatus.State.STARTING) {
                log.info("device {} online", device.id());
            }
            update(status.succeeded(clock.instant()));
            return true;
        } catch (DeviceUnavailableException e) {
            failed(e.getMessage(), null);
        } catch (RuntimeException e) {
            failed("driver error: " + e, e);
        } finally {
            readStartedNanos = 0;
        }
        return false;
    }

    private void failed(String reason, RuntimeException bug) {
        if (status.state() != DeviceStatus.State.OFFLINE) {
            if (bug != null) {
                log.warn("device {} offline: {}; retrying with backoff", device.id(), reason, bug);
            } else {
                log.warn("device {} offline: {}; retrying with backoff", device.id(), reason);
            }
        }
        update(status.failed(reason));
    }

    private void update(DeviceStatus next) {
        status = next;
        publish.accept(next);
    }

    private static void sleepUntil(long deadline) throws InterruptedException {
        long wait;
        while ((wait = deadline - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, wait / 1_000_000), 0);
        }
    }

    void stop() {
        running = false;
    }
}
