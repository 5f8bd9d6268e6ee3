package io.carbonedge.agent.totals;

import java.time.Duration;

/**
 * One point the accountant turns into energy: a counter, or a gauge (power, flow) integrated
 * over time.
 *
 * @param ref            the point's reference in the buffer
 * @param device         device id, for completeness and serial numbers
 * @param carrier        what the energy is
 * @param source         counter or integrated gauge
 * @param toCarrierUnit  carrier units per point unit (per point unit-hour for a gauge: 1 for kW into kWh)
 * @param rollover       the value a counter wraps at, in point units; NaN when unknown
 * @param maxRatePerHour the most a counter can advance in an hour, in point units; NaN when unknown
 * @param pollInterval   how often the device is polled
 */
public record AccountedPoint(int ref, String device, Carrier carrier, Source source, double toCarrierUnit,
                             double rollover, double maxRatePerHour, Duration pollInterval) {

    /** Where the energy comes from. */
    public enum Source { COUNTER, GAUGE }

    /** Energy from an integrated gauge is an estimate. */
    public boolean estimated() {
        return source == Source.GAUGE;
    }

    /** A counter with nothing known of rollover or rate. */
    public static AccountedPoint counter(int ref, String device, Carrier carrier) {
        return new AccountedPoint(ref, device, carrier, Source.COUNTER, 1, Double.NaN, Double.NaN, Duration.ofSeconds(10));
    }
}
