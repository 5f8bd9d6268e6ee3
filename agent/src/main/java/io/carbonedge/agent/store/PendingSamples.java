package io.carbonedge.agent.store;

import io.carbonedge.driver.Sample;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Samples waiting for their commit, bounded by a sample count. Pollers never block here: when
 * the buffer cannot be written for long enough that the bound is reached, the oldest samples are
 * dropped and counted, so that polling goes on and the loss can be reported as a gap.
 */
final class PendingSamples {

    /**
     * The samples of one read of one device.
     *
     * @param capturedAt    the wall clock when they were handed in
     * @param capturedNanos the monotonic clock then, to re-stamp them if the wall clock steps
     */
    record Batch(String device, List<Sample> samples, Instant capturedAt, long capturedNanos) {
    }

    /** What was dropped since the last {@link #takeDropped()}. */
    record Dropped(long samples, Instant from, Instant to) {
    }

    private final int limit;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final Deque<Batch> batches = new ArrayDeque<>();
    private int size;
    private int inFlight;
    private long droppedSamples;
    private Instant droppedFrom;
    private Instant droppedTo;

    PendingSamples(int limit) {
        this.limit = limit;
    }

    void add(Batch batch) {
        lock.lock();
        try {
            batches.addLast(batch);
            size += batch.samples().size();
            trim();
            arrived.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Puts a group that could not be committed back in front, in its order. */
    void putBack(List<Batch> group) {
        lock.lock();
        try {
            inFlight -= group.size();
            for (int i = group.size() - 1; i >= 0; i--) {
                batches.addFirst(group.get(i));
                size += group.get(i).samples().size();
            }
            trim();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits up to {@code tick} for a first batch, then gathers more for up to {@code linger}
     * or until {@code maxSamples}; returns empty after a tick with nothing.
     */
    List<Batch> takeGroup(Duration tick, Duration linger, int maxSamples) throws InterruptedException {
        List<Batch> group = new ArrayList<>();
        lock.lock();
        try {
            long wait = tick.toNanos();
            while (batches.isEmpty()) {
                if (wait <= 0) {
                    return group;
                }
                wait = arrived.awaitNanos(wait);
            }
            long deadline = System.nanoTime() + linger.toNanos();
            int taken = 0;
            while (taken < maxSamples) {
                Batch next = batches.pollFirst();
                if (next == null) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0 || arrived.awaitNanos(left) <= 0 && batches.isEmpty()) {
                        break;
                    }
                    continue;
                }
                group.add(next);
                size -= next.samples().size();
                taken += next.samples().size();
            }
            inFlight += group.size();
            return group;
        } finally {
            lock.unlock();
        }
    }

    int limit() {
        return limit;
    }

    /** A group taken with {@link #takeGroup} is committed. */
    void done(List<Batch> group) {
        lock.lock();
        try {
            inFlight -= group.size();
        } finally {
            lock.unlock();
        }
    }

    /** Nothing waits and nothing taken is still uncommitted. */
    boolean isEmpty() {
        lock.lock();
        try {
            return batches.isEmpty() && inFlight == 0;
        } finally {
            lock.unlock();
        }
    }

    /** What was dropped since the last call, or {@code null} when nothing was. */
    Dropped takeDropped() {
        lock.lock();
        try {
            if (droppedSamples == 0) {
                return null;
            }
            Dropped d = new Dropped(droppedSamples, droppedFrom, droppedTo);
            droppedSamples = 0;
            droppedFrom = null;
            droppedTo = null;
            return d;
        } finally {
            lock.unlock();
        }
    }

    /** Puts back what {@link #takeDropped()} returned when it could not be recorded. */
    void restoreDropped(Dropped d) {
        lock.lock();
        try {
            droppedSamples += d.samples();
            droppedFrom = earliest(droppedFrom, d.from());
            droppedTo = latest(droppedTo, d.to());
        } finally {
            lock.unlock();
        }
    }

    private void trim() {
        while (size > limit && batches.size() > 1) {
            Batch oldest = batches.pollFirst();
            size -= oldest.samples().size();
            droppedSamples += oldest.samples().size();
            for (Sample s : oldest.samples()) {
                droppedFrom = earliest(droppedFrom, s.time());
                droppedTo = latest(droppedTo, s.time());
            }
        }
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
