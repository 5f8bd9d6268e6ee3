package io.carbonedge.agent.totals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns counter readings into per-interval amounts. The increase between two readings is split
 * over the intervals it spans in proportion to time; an interval closes once its end plus the
 * grace period has passed. Energy that lands in an interval that has already closed (a device
 * that was offline past the grace period) reopens it as a revision: it closes again with the
 * next revision number and its whole new amount, never as a silent change.
 *
 * <p>First version: a decrease starts a new segment (nothing counted across it); samples older
 * than the point's last reading are ignored. Rollover classification comes with the accounting issue.
 *
 * <p>All state lives here and is handed to the store as {@link Changes} after each batch, to be
 * written in the same transaction as the readings it came from. Used by the writer thread only.
 */
public final class CounterAccountant {

    /** The last good reading of a counter. */
    public record CounterState(double value, Instant time) {
    }

    /** An open interval's key. */
    public record OpenKey(int point, Instant start) implements Comparable<OpenKey> {
        @Override
        public int compareTo(OpenKey o) {
            int byStart = start.compareTo(o.start);
            return byStart != 0 ? byStart : Integer.compare(point, o.point);
        }
    }

    /** The amount so far of an open interval, and the revision it will close as. */
    public record OpenAmount(double amount, int revision) {
    }

    /** What is known of an interval's last closing, from the buffer. */
    @FunctionalInterface
    public interface ClosedTotals {
        /** The latest closed record of the interval, if it has closed before. */
        Optional<OpenAmount> latest(OpenKey key, Duration length);
    }

    /** What changed since the last {@link #drainChanges()}. */
    public record Changes(Map<Integer, CounterState> counters, Map<OpenKey, OpenAmount> openAmounts, Set<OpenKey> closed) {
        public boolean isEmpty() {
            return counters.isEmpty() && openAmounts.isEmpty() && closed.isEmpty();
        }
    }

    private final IntervalGrid grid;
    private final Duration grace;
    private final Map<Integer, Carrier> carriers;
    private final ClosedTotals closedTotals;
    private final Map<Integer, CounterState> counters = new HashMap<>();
    private final TreeMap<OpenKey, OpenAmount> open = new TreeMap<>();

    private final Map<Integer, CounterState> changedCounters = new HashMap<>();
    private final Map<OpenKey, OpenAmount> changedOpen = new HashMap<>();
    private final Set<OpenKey> closedKeys = new HashSet<>();

    /**
     * @param carriers     the carrier of each accounted counter, by point reference
     * @param closedTotals where to find an interval that closed before, to revise it
     */
    public CounterAccountant(IntervalGrid grid, Duration grace, Map<Integer, Carrier> carriers, ClosedTotals closedTotals) {
        this.grid = grid;
        this.grace = grace;
        this.carriers = Map.copyOf(carriers);
        this.closedTotals = closedTotals;
    }

    /** The refs of every accounted counter. */
    public Set<Integer> accountedPoints() {
        return carriers.keySet();
    }

    public boolean accounts(int point) {
        return carriers.containsKey(point);
    }

    /**
     * Replaces all state with what was loaded from the buffer (at start, or after a failed
     * transaction); state of points no longer accounted is dropped.
     */
    public void restore(Map<Integer, CounterState> savedCounters, Map<OpenKey, OpenAmount> savedOpen) {
        counters.clear();
        open.clear();
        changedCounters.clear();
        changedOpen.clear();
        closedKeys.clear();
        savedCounters.forEach((p, s) -> {
            if (accounts(p)) {
                counters.put(p, s);
            }
        });
        savedOpen.forEach((k, v) -> {
            if (accounts(k.point())) {
                open.put(k, v);
            }
        });
    }

    /** Accounts one good reading of a counter point. */
    public void accept(int point, Instant time, double value) {
        if (!accounts(point) || !Double.isFinite(value)) {
            return;
        }
        CounterState previous = counters.get(point);
        if (previous != null && !time.isAfter(previous.time())) {
            return;
        }
        if (previous != null && value >= previous.value()) {
            spread(point, previous.time(), time, value - previous.value());
        }
        CounterState now = new CounterState(value, time);
        counters.put(point, now);
        changedCounters.put(point, now);
    }

    /** Adds {@code delta} over [from, to] to the intervals it spans, in proportion to time. */
    private void spread(int point, Instant from, Instant to, double delta) {
        double span = to.toEpochMilli() - from.toEpochMilli();
        Instant start = grid.startOf(from);
        while (start.isBefore(to)) {
            Instant end = grid.next(start);
            Instant a = from.isAfter(start) ? from : start;
            Instant b = to.isBefore(end) ? to : end;
            add(new OpenKey(point, start), delta * (b.toEpochMilli() - a.toEpochMilli()) / span);
            start = end;
        }
    }

    private void add(OpenKey key, double amount) {
        OpenAmount current = open.get(key);
        if (current == null) {
            Optional<OpenAmount> closed = closedTotals.latest(key, grid.length());
            if (closed.isPresent() && amount == 0) {
                return; // nothing to revise
            }
            current = closed.map(c -> new OpenAmount(c.amount(), c.revision() + 1)).orElse(new OpenAmount(0, 0));
        }
        OpenAmount next = new OpenAmount(current.amount() + amount, current.revision());
        open.put(key, next);
        changedOpen.put(key, next);
    }

    /** Closes every interval whose end plus the grace period is at or before {@code now}. */
    public List<ClosedInterval> closeDue(Instant now) {
        List<ClosedInterval> closed = new ArrayList<>();
        while (!open.isEmpty()) {
            OpenKey first = open.firstKey();
            if (grid.next(first.start()).plus(grace).isAfter(now)) {
                break;
            }
            OpenAmount amount = open.remove(first);
            changedOpen.remove(first);
            closedKeys.add(first);
            closed.add(new ClosedInterval(first.point(), carriers.get(first.point()), first.start(), grid.length(),
                    Math.max(0, amount.amount()), amount.revision()));
        }
        return closed;
    }

    /** The amount so far in the open interval holding {@code t}, for live views. */
    public double openAmount(int point, Instant t) {
        OpenAmount a = open.get(new OpenKey(point, grid.startOf(t)));
        return a == null ? 0 : a.amount();
    }

    public Changes drainChanges() {
        Changes changes = new Changes(Map.copyOf(changedCounters), Map.copyOf(changedOpen), Set.copyOf(closedKeys));
        changedCounters.clear();
        changedOpen.clear();
        closedKeys.clear();
        return changes;
    }
}
