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

    /** Local midnight of the day holding {@code t}. */
    public Instant dayStart(Instant t) {
        return t.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
    }

    /** Local midnight of the next day. */
    public Instant nextDay(Instant dayStart) {
        return dayStart.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** Local midnight of the first of the month holding {@code t}. */
    public Instant monthStart(Instant t) {
        return t.atZone(zone).toLocalDate().withDayOfMonth(1).atStartOfDay(zone).toInstant();
    }

    /** Local midnight of the first of the next month. */
    public Instant nextMonth(Instant monthStart) {
        return monthStart.atZone(zone).toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay(zone).toInstant();
    }

    /** The start of the period holding {@code t}. */
    public Instant startOf(Period period, Instant t) {
        return switch (period) {
            case INTERVAL -> startOf(t);
            case DAY -> dayStart(t);
            case MONTH -> monthStart(t);
        };
    }

    /** The start of the period after the one starting at {@code start}. */
    public Instant next(Period period, Instant start) {
        return switch (period) {
            case INTERVAL -> next(start);
            case DAY -> nextDay(start);
            case MONTH -> nextMonth(start);
        };
    }

    /** The local date-time of an interval start, for people. */
    public ZonedDateTime local(Instant t) {
        return t.atZone(zone);
    }
}
