package io.carbonedge.agent.config;

import java.time.Duration;

/**
 * Polling defaults from {@code agent.yaml}'s {@code poll:} section.
 *
 * @param interval   how often a device is read unless it sets its own (default 10s)
 * @param timeout    how long one read may take (default 2s)
 * @param backoffMax the longest wait between retries of an unreachable device (default 5m)
 */
public record PollDefaults(Duration interval, Duration timeout, Duration backoffMax) {
}
