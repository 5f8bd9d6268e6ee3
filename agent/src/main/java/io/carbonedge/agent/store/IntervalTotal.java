package io.carbonedge.agent.store;

import io.carbonedge.agent.totals.Carrier;
import io.carbonedge.agent.totals.Factor;
import io.carbonedge.agent.totals.Period;

import java.time.Duration;
import java.time.Instant;

/**
 * One record of the totals stream: a point's energy over an interval, day or month; a site
 * figure; or a counter event. {@code docs/uplink.md} "Totals" lays out how each is sent.
 *
 * @param seq           sequence in the totals stream (separate from readings)
 * @param device        device id ({@code site} for site figures)
 * @param point         point id (the figure's name for site figures)
 * @param carrier       what the point measures; {@code null} for site figures that are not a carrier's
 * @param intervalStart start of the interval, day or month (aligned in the configured zone); the event's time
 * @param length        length of the period (0 for events)
 * @param amount        energy in {@code unit}; a site figure's value; an event's new counter value
 * @param kgce          standard coal equivalent, kg (NaN for site figures and events)
 * @param kgCo2         CO2 emitted, kg (0 for carriers that emit none; NaN for site figures and events)
 * @param revision      0 for the first record of a period; higher when late data revised it
 * @param kind          point total, site figure or event
 * @param period        interval, day or month
 * @param unit          unit of {@code amount}; for an event, its kind ({@code reset}, {@code rollover}, ...)
 * @param estimated     integrated from a gauge rather than counted
 * @param completeness  the device's share of expected polls that succeeded, NaN when unknown
 * @param factor        the conversion in use (point totals), or {@code null}
 * @param previous      an event's counter value before it, NaN otherwise
 */
public record IntervalTotal(long seq, String device, String point, Carrier carrier, Instant intervalStart,
                            Duration length, double amount, double kgce, double kgCo2, int revision,
                            Kind kind, Period period, String unit, boolean estimated, double completeness,
                            Factor factor, double previous) {

    /** What a record of the totals stream is. */
    public enum Kind { POINT, SITE, EVENT }

    /** A point's interval total as before accounting reported periods, factors and completeness. */
    public IntervalTotal(long seq, String device, String point, Carrier carrier, Instant intervalStart,
                         Duration length, double amount, double kgce, double kgCo2, int revision) {
        this(seq, device, point, carrier, intervalStart, length, amount, kgce, kgCo2, revision, Kind.POINT,
                Period.INTERVAL, carrier.unit(), false, Double.NaN, null, Double.NaN);
    }

    /** A site figure. */
    public static IntervalTotal site(long seq, String figure, String unit, Period period, Instant start,
                                     Duration length, double value, int revision) {
        return new IntervalTotal(seq, "site", figure, Carrier.ofConfigName(figure), start, length, value, Double.NaN,
                Double.NaN, revision, Kind.SITE, period, unit, false, Double.NaN, null, Double.NaN);
    }

    /** A counter event. */
    public static IntervalTotal event(long seq, String device, String point, Instant time, String kind,
                                      double previous, double value) {
        return new IntervalTotal(seq, device, point, null, time, Duration.ZERO, value, Double.NaN, Double.NaN, 0,
                Kind.EVENT, Period.INTERVAL, kind, false, Double.NaN, null, previous);
    }
}
