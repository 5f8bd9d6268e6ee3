package io.carbonedge.agent.totals;

import java.time.Duration;
import java.time.Instant;

/**
 * A counter's increase over an interval that will take no more data.
 *
 * @param point   the point's reference in the buffer
 * @param carrier what it measures
 * @param start   interval start
 * @param length  interval length
 * @param amount   increase in {@code carrier.unit()}, never negative; for a revision, the whole
 *                 interval's amount (not the change)
 * @param revision 0 the first time the interval closes; one more each time late data revises it
 */
public record ClosedInterval(int point, Carrier carrier, Instant start, Duration length, double amount, int revision) {
}
