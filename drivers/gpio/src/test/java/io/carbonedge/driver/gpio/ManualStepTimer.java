package io.carbonedge.driver.gpio;

import java.time.Duration;
import java.util.Comparator;
import java.util.PriorityQueue;

/** A {@link StepTimer} on a hand-turned clock: steps run, on the caller's thread, when {@link #advance} passes them. */
final class ManualStepTimer implements StepTimer {

    private record Pending(long dueNanos, long order, Runnable step) {
    }

    private final PriorityQueue<Pending> queue =
            new PriorityQueue<>(Comparator.comparingLong(Pending::dueNanos).thenComparingLong(Pending::order));
    private long nowNanos;
    private long order;
    private boolean shutdown;

    @Override
    public Cancellable schedule(Runnable step, Duration delay) {
        Pending pending = new Pending(nowNanos + delay.toNanos(), order++, step);
        queue.add(pending);
        return () -> queue.remove(pending);
    }

    @Override
    public void shutdown() {
        shutdown = true;
        queue.clear();
    }

    boolean isShutdown() {
        return shutdown;
    }

    /** Steps waiting to run. */
    int pending() {
        return queue.size();
    }

    /** Milliseconds since the timer was made. */
    long nowMillis() {
        return nowNanos / 1_000_000;
    }

    /** Moves the clock on, running every step that falls due, in order, at its own time. */
    void advance(Duration time) {
        long end = nowNanos + time.toNanos();
        while (!queue.isEmpty() && queue.peek().dueNanos() <= end) {
            Pending next = queue.poll();
            nowNanos = next.dueNanos();
            next.step().run();
        }
        nowNanos = end;
    }
}
