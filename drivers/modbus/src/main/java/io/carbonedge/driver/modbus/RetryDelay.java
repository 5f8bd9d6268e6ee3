package io.carbonedge.driver.modbus;

import java.time.Duration;

/**
 * Exponential backoff for one failing thing (a silent unit, an unreachable bus): after the n-th
 * failure in a row nothing is tried for {@code min(first x 2^(n-1), max)}. Not thread-safe: the
 * bus guards it with its lock.
 */
final class RetryDelay {

    private final long firstNanos;
    private final long maxNanos;
    private int failures;
    private long retryAtNanos;
    private String lastReason = "";

    RetryDelay(Duration first, Duration max) {
        this.firstNanos = Math.max(1, first.toNanos());
        this.maxNanos = Math.max(firstNanos, max.toNanos());
    }

    void failed(String reason, long nowNanos) {
        failures++;
        long delay = failures > 40 ? maxNanos : Math.min(maxNanos, firstNanos << Math.min(failures - 1, 40));
        if (delay < 0) {
            delay = maxNanos;
        }
        retryAtNanos = nowNanos + delay;
        lastReason = reason;
    }

    void succeeded() {
        failures = 0;
        retryAtNanos = 0;
    }

    int failures() {
        return failures;
    }

    /** How long until the next try is allowed; zero or less when it is allowed now. */
    long waitNanos(long nowNanos) {
        return failures == 0 ? 0 : retryAtNanos - nowNanos;
    }

    String lastReason() {
        return lastReason;
    }
}
