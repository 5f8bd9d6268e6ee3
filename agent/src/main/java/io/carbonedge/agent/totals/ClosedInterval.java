package io.carbonedge.agent.totals;

import java.time.Duration;
import java.time.Instant;

/**
 * A point's energy over an interval that will take no more data.
 *
 * @param point     the point's reference in the buffer
 * @param carrier   what it measures
 * @param start     interval start
 * @param length    interval length
 * @param amount    energy in {@code carrier.unit()}, never negative; for a revision, the whole
 *                  interval's amount (not the change)
 * @param revision  0 the first time the interval closes; one more each time late data revises it
 * @param estimated true when the energy was integrated from a gauge (power, flow)
 */
public record ClosedInterval(int point, Carrier carrier, Instant start, Duration length, double amount, int revision,
                             boolean estimated) {

    public ClosedInterval(int point, Carrier carrier, Instant start, Duration length, double amount, int revision) {
        this(point, carrier, start, length, amount, revision, false);
    }
}
