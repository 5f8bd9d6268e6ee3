package io.carbonedge.agent.store;

import io.carbonedge.driver.Quality;

import java.time.Instant;

/**
 * A sample once it is committed to the buffer and has its sequence number.
 *
 * @param seq     gap-free per buffer in the order of commit; never reused
 * @param device  device id
 * @param point   point id within the device
 * @param unit    unit of the value, may be empty
 * @param time    when it was read
 * @param value   scaled value, {@code NaN} when the quality is BAD
 * @param quality as the driver reported it
 * @param reason  why the quality is not GOOD, or {@code null}
 */
public record Reading(long seq, String device, String point, String unit, Instant time, double value,
                      Quality quality, String reason) {
}
