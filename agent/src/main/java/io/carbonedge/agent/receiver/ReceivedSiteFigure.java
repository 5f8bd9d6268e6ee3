package io.carbonedge.agent.receiver;

import java.time.Duration;
import java.time.Instant;

/**
 * One site figure as the reference platform stored it ({@code site/<figure>} in the totals stream).
 *
 * @param figure a carrier name, {@code kgce}, {@code kgco2}, {@code pv-self-consumption},
 *               {@code renewable-share} or {@code non-fossil-share}
 * @param period {@code interval}, {@code day} or {@code month}
 */
public record ReceivedSiteFigure(String gateway, long seq, String figure, String unit, String period, Instant start,
                                 Duration length, double value, int revision) {
}
