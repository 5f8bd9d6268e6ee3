package io.carbonedge.driver.opcua;

import java.time.Duration;

/**
 * How a point is monitored in {@code subscribe} mode.
 *
 * @param samplingInterval how often the server samples the variable
 * @param queueSize        how many values the server keeps between publishes (1 = latest only)
 * @param deadband         which changes are reported
 */
public record Monitoring(Duration samplingInterval, int queueSize, Deadband deadband) {
}
