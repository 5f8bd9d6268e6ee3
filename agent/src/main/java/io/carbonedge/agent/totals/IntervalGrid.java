package io.carbonedge.agent.totals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Accounting intervals of one length, aligned to local midnight in one zone: with 15 minutes in
 * Asia/Shanghai, intervals start at 00:00, 00:15, … local time.
 */
public final class IntervalGrid {

    private final Duration length;
    private final ZoneId zone;

    /** @param length must divide an hour exactly */
    public IntervalGrid(Duration length, ZoneId zone) {
        if (length.isZero() || length.isNegative() || Duration.ofHours(1).toMillis() % length.toMillis() != 0) {
            throw new IllegalArgumentException("interval must divide an hour, got " + length);
        }
        this.length = length;
        this.zone = zone;
    }

    public Duration length() {
        return length;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The start of the interval that holds {@code t}. */
    public Instant startOf(Instant t) {
        LocalDate day = t.atZone(zone).toLocalDate();
        Instant midnight = day.atStartOfDay(zone).toInstant();
        long intoDay = Duration.between(midnight, t).toMillis();
        long step = length.toMillis();
        return midnight.plusMillis(Math.floorDiv(intoDay, step) * step);
    }

    /** The start of the interval after the one starting at {@code start}. */
    public Instant next(Instant start) {
        Instant candidate = start.plus(length);
        // A day whose length is not a multiple of the interval (never with whole-hour zone offsets)
        // still restarts at local midnight.
        Instant nextMidnight = start.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
        return candidate.isAfter(nextMidnight) ? nextMidnight : candidate;
    }

    /** The local date-time of an interval start, for people. */
    public ZonedDateTime local(Instant t) {
        return t.atZone(zone);
    }
}
