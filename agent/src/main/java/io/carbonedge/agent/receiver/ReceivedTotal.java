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
 */
public record ReceivedTotal(String gateway, long seq, String device, String point, String carrier, String unit,
                            Instant intervalStart, Duration length, double amount, double kgce, double kgCo2,
                            int revision) {
}
