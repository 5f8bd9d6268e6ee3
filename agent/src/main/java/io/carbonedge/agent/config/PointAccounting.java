package io.carbonedge.agent.config;

import io.carbonedge.agent.totals.Carrier;

/**
 * How one point is accounted, from its {@code carrier:} (a counter) or {@code integrate:} (a gauge
 * such as kW or m3/h, integrated by the trapezoid rule into that carrier) field.
 *
 * @param carrier        what the energy is
 * @param integrated     true for a gauge integrated over time (its energy is marked estimated)
 * @param rollover       {@code rollover:}, the value the counter wraps at, in the point's unit; NaN
 *                       when not set (the driver's {@code rolloverAt} is asked then)
 * @param maxRatePerHour {@code max-rate:}, the most the counter can advance in an hour, in the
 *                       point's unit; NaN when not set (the device's {@code rated-power} is used then)
 */
public record PointAccounting(Carrier carrier, boolean integrated, double rollover, double maxRatePerHour) {

    public static PointAccounting counter(Carrier carrier) {
        return new PointAccounting(carrier, false, Double.NaN, Double.NaN);
    }
}
