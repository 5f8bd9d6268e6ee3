package io.carbonedge.agent.receiver;

import java.time.Duration;
import java.time.Instant;

/**
 * One interval total as the reference platform stored it (its three SenML records joined).
 *
 * @param gateway       the gateway id from the base name
 * @param seq           the gateway's sequence number in its totals stream
 * @param device        device id
 * @param point         counter point id
 * @param carrier       carrier name as on the wire, e.g. {@code electricity-import}
 * @param unit          unit of {@code amount}
 * @param intervalStart start of the interval
 * @param length        interval length
 * @param amount        the counter's increase over the interval
 * @param kgce          standard coal equivalent, kg
 * @param kgCo2         CO2, kg
 * @param revision      0 for the first record of an interval, higher for revisions
 * @param period        {@code interval}, {@code day} or {@code month}
 * @param estimated     integrated from a gauge
 * @param completeness  the device's share of expected polls that succeeded, NaN when not sent
 * @param kgceFactor    kgce per unit in use, NaN when not sent
 * @param kgCo2Factor   kgCO2 per unit in use, NaN when not sent
 * @param factorSource  where the factors come from, or {@code null}
 */
public record ReceivedTotal(String gateway, long seq, String device, String point, String carrier, String unit,
                            Instant intervalStart, Duration length, double amount, double kgce, double kgCo2,
                            int revision, String period, boolean estimated, double completeness, double kgceFactor,
                            double kgCo2Factor, String factorSource) {

    public ReceivedTotal(String gateway, long seq, String device, String point, String carrier, String unit,
                         Instant intervalStart, Duration length, double amount, double kgce, double kgCo2, int revision) {
        this(gateway, seq, device, point, carrier, unit, intervalStart, length, amount, kgce, kgCo2, revision,
                "interval", false, Double.NaN, Double.NaN, Double.NaN, null);
    }
}
