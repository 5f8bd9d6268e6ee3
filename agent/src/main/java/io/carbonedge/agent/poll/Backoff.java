package io.carbonedge.agent.poll;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: {@code base × 2^(failures-1)}, capped, then spread by ±10% so
 * that devices (or uplinks) that failed together do not retry in lock step.
 */
public record Backoff(Duration base, Duration cap) {

    public Backoff {
        if (cap.compareTo(base) < 0) {
            cap = base;
        }
    }

    /** The wait after the given number of consecutive failures (1 = the first). */
    public Duration after(int failures) {
        long baseMs = Math.max(1, base.toMillis());
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        long raw = Math.min(cap.toMillis(), baseMs << doublings);
        double jitter = 0.9 + 0.2 * ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis(Math.max(1, Math.min(cap.toMillis(), (long) (raw * jitter))));
    }
}
