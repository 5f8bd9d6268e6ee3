package io.carbonedge.agent.config;

import java.time.Duration;

/**
 * Buffer settings from {@code agent.yaml}'s {@code store:} section.
 *
 * @param commitInterval the longest a sample waits in memory before its group commit (default 200ms)
 * @param maxBatch       the most samples committed in one transaction (default 5000)
 */
public record StoreConfig(Duration commitInterval, int maxBatch) {
}
