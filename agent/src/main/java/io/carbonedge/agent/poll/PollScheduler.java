package io.carbonedge.agent.poll;

import io.carbonedge.agent.config.DeviceConfig;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs one {@link DevicePoller} per device, each on a small daemon thread, and keeps every
 * device's latest {@link DeviceStatus}.
 */
public final class PollScheduler implements AutoCloseable {

    private static final long STACK_BYTES = 256 * 1024;

    private final Map<String, DeviceStatus> statuses = new ConcurrentHashMap<>();
    private final List<DevicePoller> pollers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean started;

    public PollScheduler(List<DeviceConfig> devices, SampleSink sink, Duration backoffMax, Clock clock) {
        for (DeviceConfig device : devices) {
            DevicePoller poller = new DevicePoller(device, sink, backoffMax, clock, s -> statuses.put(s.deviceId(), s));
            Thread thread = new Thread(null, poller, "poll-" + device.id(), STACK_BYTES);
            thread.setDaemon(true);
            pollers.add(poller);
            threads.add(thread);
        }
    }

    public void start() {
        threads.forEach(Thread::start);
        started = true;
    }

    /** The latest status of every device, by id. */
    public Map<String, DeviceStatus> statuses() {
        return new TreeMap<>(statuses);
    }

    /** A poller that is hung in a read, or whose thread died, in words; empty when all are alive. */
    public Optional<String> stuck() {
        for (int i = 0; i < pollers.size(); i++) {
            DevicePoller poller = pollers.get(i);
            if (!threads.get(i).isAlive() && started) {
                return Optional.of("the poll thread of device " + poller.deviceId() + " has died");
            }
            if (poller.inRead().compareTo(poller.hungAfter()) > 0) {
                return Optional.of("the read of device " + poller.deviceId() + " has hung for "
                        + poller.inRead().toSeconds() + " s");
            }
        }
        return Optional.empty();
    }

    /** Stops every poller, waiting for reads under way to end (each is bounded by its device's timeout). */
    @Override
    public void close() {
        started = false;
        pollers.forEach(DevicePoller::stop);
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
