package io.carbonedge.agent.receiver;

import java.time.Instant;

/**
 * One counter event as the reference platform stored it ({@code <device>/<point>/event}).
 *
 * @param kind     {@code rollover}, {@code reset}, {@code jump} or {@code replacement}
 * @param value    the counter value that showed it
 * @param previous the value before, NaN when not sent
 */
public record ReceivedEvent(String gateway, long seq, String device, String point, String kind, Instant time,
                            double value, double previous) {
}
