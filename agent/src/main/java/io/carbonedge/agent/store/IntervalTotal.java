package io.carbonedge.agent.store;

import io.carbonedge.agent.totals.Carrier;

import java.time.Duration;
import java.time.Instant;

/**
 * The closed total of one counter point over one accounting interval.
 *
 * @param seq           sequence in the totals stream (separate from readings)
 * @param device        device id
 * @param point         counter point id
 * @param carrier       what the counter measures
 * @param intervalStart start of the interval (aligned in the configured zone)
 * @param length        interval length
 * @param amount        the counter's increase over the interval, in {@code carrier.unit()}
 * @param kgce          standard coal equivalent, kg
 * @param kgCo2         CO2 emitted, kg (0 for carriers that emit none, such as PV generation)
 * @param revision      0 for the first record of an interval; higher when late data revised it
 */
public record IntervalTotal(long seq, String device, String point, Carrier carrier, Instant intervalStart,
                            Duration length, double amount, double kgce, double kgCo2, int revision) {
}
