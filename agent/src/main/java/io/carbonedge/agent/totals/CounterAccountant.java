package io.carbonedge.agent.totals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns readings into per-interval energy. Counters: the increase between two good readings is
 * classified ({@link CounterStep}: increase, float32 jitter, rollover, reset, implausible jump)
 * and split over the intervals it spans in proportion to time; a reset, a jump or a changed
 * serial number starts a new segment and records a {@link CounterEvent}. Gauges (power, flow) are
 * integrated by the trapezoid rule, never across a gap longer than three poll intervals.
 *
 * <p>A reading belongs to the interval of its timestamp, also when it arrives late: a counter
 * reading older than the last one but inside the last span (a device replaying its log after an
 * outage) re-splits that span at its time, keeping the span's total; older ones add nothing. An
 * interval closes once its end plus the grace period has passed; energy that lands in a closed
 * interval reopens it as a revision (see {@link OpenIntervals}).
 *
 * <p>All state lives here and is handed to the store as {@link Changes} after each batch, to be
 * written in the same transaction as the readings it came from. Used by the writer thread only.
 */
public final class CounterAccountant {

    /** A gauge may be integrated across at most this many poll intervals. */
    public static final int MAX_GAP_POLLS = 3;
    private static final double MS_PER_HOUR = 3_600_000.0;

    /**
     * The last good reading of a point, and the one before it with the increase counted between
     * them (for late readings that fall in that span).
     *
     * @param anchorTime null at the start of a segment
     * @param spanDelta  point units counted over [anchorTime, time]; NaN when none
     */
    public record CounterState(double value, Instant time, double anchorValue, Instant anchorTime, double spanDelta) {
        public CounterState(double value, Instant time) {
            this(value, time, Double.NaN, null, Double.NaN);
        }
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

    /** A device's polls in one interval. */
    public record PollKey(String device, Instant start) {
    }

    /** What is known of an interval's last closing, from the buffer. */
    @FunctionalInterface
    public interface ClosedTotals {
        /** The latest closed record of the interval, if it has closed before. */
        Optional<OpenAmount> latest(OpenKey key, Duration length);
    }

    /**
     * What changed since the last {@link #drainChanges()}.
     *
     * @param polls good polls to add, per device and interval
     */
    public record Changes(Map<Integer, CounterState> counters, Set<Integer> removedCounters,
                          Map<OpenKey, OpenAmount> openAmounts, Set<OpenKey> closed, List<CounterEvent> events,
                          Map<PollKey, Integer> polls) {
        public boolean isEmpty() {
            return counters.isEmpty() && removedCounters.isEmpty() && openAmounts.isEmpty() && closed.isEmpty()
                    && events.isEmpty() && polls.isEmpty();
        }
    }

    private final IntervalGrid grid;
    private final Duration grace;
    private final Map<Integer, AccountedPoint> points = new HashMap<>();
    private final Map<Integer, String> serialPoints;
    private final OpenIntervals intervals;
    private final Map<Integer, CounterState> counters = new HashMap<>();

    private final Map<Integer, CounterState> changedCounters = new HashMap<>();
    private final Set<Integer> removedCounters = new HashSet<>();
    private final List<CounterEvent> events = new ArrayList<>();
    private final Map<PollKey, Integer> polls = new HashMap<>();

    /**
     * @param points       every accounted counter and integrated gauge
     * @param serialPoints serial-number points, by ref, with the device whose counters they guard
     * @param closedTotals where to find an interval that closed before, to revise it
     */
    public CounterAccountant(IntervalGrid grid, Duration grace, Collection<AccountedPoint> points,
                             Map<Integer, String> serialPoints, ClosedTotals closedTotals) {
        this.grid = grid;
        this.grace = grace;
        points.forEach(p -> this.points.put(p.ref(), p));
        this.serialPoints = Map.copyOf(serialPoints);
        this.intervals = new OpenIntervals(grid, closedTotals);
    }

    /** Plain counters, nothing known of rollover or rate. */
    public CounterAccountant(IntervalGrid grid, Duration grace, Map<Integer, Carrier> carriers, ClosedTotals closedTotals) {
        this(grid, grace, carriers.entrySet().stream()
                .map(e -> AccountedPoint.counter(e.getKey(), "", e.getValue())).toList(), Map.of(), closedTotals);
    }

    public IntervalGrid grid() {
        return grid;
    }

    /** The refs of every accounted counter and gauge. */
    public Set<Integer> accountedPoints() {
        return points.keySet();
    }

    public boolean accounts(int point) {
        return points.containsKey(point);
    }

    public boolean isSerial(int point) {
        return serialPoints.containsKey(point);
    }

    /** Replaces all state with what was loaded from the buffer (at start, or after a failed transaction). */
    public void restore(Map<Integer, CounterState> savedCounters, Map<OpenKey, OpenAmount> savedOpen) {
        counters.clear();
        intervals.clear();
        drainChanges();
        savedCounters.forEach((p, s) -> {
            if (accounts(p) || isSerial(p)) {
                counters.put(p, s);
            }
        });
        savedOpen.forEach((k, v) -> {
            if (accounts(k.point())) {
                intervals.open.put(k, v);
            }
        });
    }

    /** Counts one successful poll of a device towards its completeness. */
    public void poll(String device, Instant time) {
        polls.merge(new PollKey(device, grid.startOf(time)), 1, Integer::sum);
    }

    /** Accounts one good reading; NaN and infinities are missing data. Serial points first in a batch. */
    public void accept(int point, Instant time, double value) {
        if (!Double.isFinite(value)) {
            return;
        }
        if (isSerial(point)) {
            serial(point, time, value);
            return;
        }
        AccountedPoint p = points.get(point);
        if (p == null) {
            return;
        }
        CounterState previous = counters.get(point);
        if (previous == null) {
            remember(point, new CounterState(value, time));
        } else if (p.source() == AccountedPoint.Source.GAUGE) {
            gauge(p, previous, time, value);
        } else if (time.isAfter(previous.time())) {
            counter(p, previous, time, value);
        } else if (time.isBefore(previous.time())) {
            late(p, previous, time, value);
        }
    }

    private void counter(AccountedPoint p, CounterState previous, Instant time, double value) {
        CounterStep step = CounterStep.classify(previous.value(), value, hours(previous.time(), time), p.rollover(),
                p.maxRatePerHour());
        switch (step.kind()) {
            case JITTER -> { } // below the counter's resolution: keep the higher baseline
            case INCREASE, ROLLOVER -> {
                intervals.spread(p.ref(), previous.time(), time, step.delta() * p.toCarrierUnit());
                remember(p.ref(), new CounterState(value, time, previous.value(), previous.time(), step.delta()));
                if (step.kind() == CounterStep.Kind.ROLLOVER) {
                    events.add(new CounterEvent(p.ref(), time, CounterEvent.Kind.ROLLOVER, previous.value(), value));
                }
            }
            case RESET, JUMP -> {
                events.add(new CounterEvent(p.ref(), time, step.kind() == CounterStep.Kind.RESET
                        ? CounterEvent.Kind.RESET : CounterEvent.Kind.JUMP, previous.value(), value));
                remember(p.ref(), new CounterState(value, time));
            }
        }
    }

    /** A reading older than the last: re-splits the last span at its time when it fits there. */
    private void late(AccountedPoint p, CounterState last, Instant time, double value) {
        if (last.anchorTime() == null || !time.isAfter(last.anchorTime()) || !Double.isFinite(last.spanDelta())) {
            return; // its energy is already counted, spread linearly
        }
        CounterStep before = CounterStep.classify(last.anchorValue(), value, hours(last.anchorTime(), time),
                p.rollover(), p.maxRatePerHour());
        CounterStep after = CounterStep.classify(value, last.value(), hours(time, last.time()), p.rollover(),
                p.maxRatePerHour());
        if (before.breaksSegment() || after.breaksSegment()) {
            return; // does not belong to this span (another meter's log?): ignore rather than guess
        }
        double first = Math.min(Math.max(before.delta(), 0), last.spanDelta());
        double factor = p.toCarrierUnit();
        intervals.spread(p.ref(), last.anchorTime(), last.time(), -last.spanDelta() * factor);
        intervals.spread(p.ref(), last.anchorTime(), time, first * factor);
        intervals.spread(p.ref(), time, last.time(), (last.spanDelta() - first) * factor);
        remember(p.ref(), new CounterState(last.value(), last.time(), value, time, last.spanDelta() - first));
    }

    private void gauge(AccountedPoint p, CounterState previous, Instant time, double value) {
        if (!time.isAfter(previous.time())) {
            return; // integrating needs order; a late power sample adds nothing
        }
        Duration gap = Duration.between(previous.time(), time);
        if (gap.compareTo(p.pollInterval().multipliedBy(MAX_GAP_POLLS)) <= 0) {
            double energy = (Math.max(0, previous.value()) + Math.max(0, value)) / 2 * hours(previous.time(), time);
            intervals.spread(p.ref(), previous.time(), time, energy * p.toCarrierUnit());
        }
        remember(p.ref(), new CounterState(value, time));
    }

    private void serial(int point, Instant time, double value) {
        CounterState previous = counters.get(point);
        if (previous != null && previous.value() != value && time.isAfter(previous.time())) {
            String device = serialPoints.get(point);
            for (AccountedPoint p : points.values()) {
                if (p.device().equals(device) && counters.remove(p.ref()) != null) {
                    changedCounters.remove(p.ref());
                    removedCounters.add(p.ref());
                    events.add(new CounterEvent(p.ref(), time, CounterEvent.Kind.REPLACEMENT, previous.value(), value));
                }
            }
        }
        if (previous == null || time.isAfter(previous.time())) {
            remember(point, new CounterState(value, time));
        }
    }

    private void remember(int point, CounterState state) {
        counters.put(point, state);
        changedCounters.put(point, state);
        removedCounters.remove(point);
    }

    private static double hours(Instant from, Instant to) {
        return (to.toEpochMilli() - from.toEpochMilli()) / MS_PER_HOUR;
    }

    /** Closes every interval whose end plus the grace period is at or before {@code now}. */
    public List<ClosedInterval> closeDue(Instant now) {
        List<ClosedInterval> closed = new ArrayList<>();
        while (!intervals.open.isEmpty()) {
            OpenKey first = intervals.open.firstKey();
            if (grid.next(first.start()).plus(grace).isAfter(now)) {
                break;
            }
            OpenAmount amount = intervals.open.remove(first);
            intervals.changed.remove(first);
            intervals.closed.add(first);
            AccountedPoint p = points.get(first.point());
            closed.add(new ClosedInterval(first.point(), p.carrier(), first.start(), grid.length(),
                    Math.max(0, amount.amount()), amount.revision(), p.estimated()));
        }
        return closed;
    }

    /** The amount so far in the open interval holding {@code t}, for live views. */
    public double openAmount(int point, Instant t) {
        OpenAmount a = intervals.open.get(new OpenKey(point, grid.startOf(t)));
        return a == null ? 0 : a.amount();
    }

    public Changes drainChanges() {
        Changes changes = new Changes(Map.copyOf(changedCounters), Set.copyOf(removedCounters),
                Map.copyOf(intervals.changed), Set.copyOf(intervals.closed), List.copyOf(events), Map.copyOf(polls));
        changedCounters.clear();
        removedCounters.clear();
        intervals.changed.clear();
        intervals.closed.clear();
        events.clear();
        polls.clear();
        return changes;
    }
}
