package io.carbonedge.agent.config;

import java.time.Duration;

/**
 * Buffer settings from {@code agent.yaml}'s {@code store:} section.
 *
 * @param commitInterval the longest a sample waits in memory before its group commit (default 200ms)
 * @param maxBatch       the most samples committed in one transaction (default 5000)
 * @param retention      how long readings every uplink has acknowledged are kept for export (default 183d)
 * @param maxSizeBytes   the most space readings may take in the buffer; 0 for no cap (default 1024 MB)
 * @param memorySamples  how many samples wait in memory while the buffer cannot be written (default 50000)
 */
public record StoreConfig(Duration commitInterval, int maxBatch, Duration retention, long maxSizeBytes,
                          int memorySamples) {

    /** Defaults for everything but the commit pacing, for tests and tools. */
    public static StoreConfig of(Duration commitInterval, int maxBatch) {
        return new StoreConfig(commitInterval, maxBatch, Duration.ofDays(183), 1024L << 20, 50_000);
    }
}
