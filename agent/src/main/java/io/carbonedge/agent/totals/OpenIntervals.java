package io.carbonedge.agent.totals;

import io.carbonedge.agent.totals.CounterAccountant.ClosedTotals;
import io.carbonedge.agent.totals.CounterAccountant.OpenAmount;
import io.carbonedge.agent.totals.CounterAccountant.OpenKey;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The intervals that still take energy, with what changed since the last drain. Energy over a
 * span is split over the intervals it touches in proportion to time; energy landing in an
 * interval that closed before reopens it as its next revision.
 */
final class OpenIntervals {

    private final IntervalGrid grid;
    private final ClosedTotals closedTotals;
    final TreeMap<OpenKey, OpenAmount> open = new TreeMap<>();
    final Map<OpenKey, OpenAmount> changed = new HashMap<>();
    final Set<OpenKey> closed = new HashSet<>();

    OpenIntervals(IntervalGrid grid, ClosedTotals closedTotals) {
        this.grid = grid;
        this.closedTotals = closedTotals;
    }

    /** Adds {@code amount} (may be negative, to take back an earlier split) over [from, to]. */
    void spread(int point, Instant from, Instant to, double amount) {
        double span = to.toEpochMilli() - from.toEpochMilli();
        if (span <= 0) {
            add(new OpenKey(point, grid.startOf(to)), amount);
            return;
        }
        Instant start = grid.startOf(from);
        while (start.isBefore(to)) {
            Instant end = grid.next(start);
            Instant a = from.isAfter(start) ? from : start;
            Instant b = to.isBefore(end) ? to : end;
            add(new OpenKey(point, start), amount * (b.toEpochMilli() - a.toEpochMilli()) / span);
            start = end;
        }
    }

    private void add(OpenKey key, double amount) {
        OpenAmount current = open.get(key);
        if (current == null) {
            Optional<OpenAmount> before = closedTotals.latest(key, grid.length());
            if (before.isPresent() && amount == 0) {
                return;
            }
            current = before.map(c -> new OpenAmount(c.amount(), c.revision() + 1)).orElse(new OpenAmount(0, 0));
        }
        OpenAmount next = new OpenAmount(current.amount() + amount, current.revision());
        open.put(key, next);
        changed.put(key, next);
    }

    void clear() {
        open.clear();
        changed.clear();
        closed.clear();
    }
}
