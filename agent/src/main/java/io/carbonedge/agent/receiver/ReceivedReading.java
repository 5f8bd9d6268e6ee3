package io.carbonedge.agent.receiver;

import io.carbonedge.driver.Quality;

import java.time.Instant;

/**
 * One reading as the reference platform stored it.
 *
 * @param gateway the gateway id from the base name
 * @param seq     the gateway's sequence number in its readings stream
 * @param device  device id
 * @param point   point id
 * @param unit    unit, empty when the gateway sent none
 * @param time    when it was read (millisecond precision)
 * @param value   the value, {@code NaN} when the record had none
 * @param quality GOOD unless the record said otherwise
 * @param reason  why the quality is not good, or {@code null}
 */
public record ReceivedReading(String gateway, long seq, String device, String point, String unit, Instant time,
                              double value, Quality quality, String reason) {
}
