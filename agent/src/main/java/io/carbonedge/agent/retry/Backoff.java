package io.carbonedge.agent.retry;

import java.time.Duration;
import java.util.Random;

/**
 * Exponential backoff with jitter: after the n-th failure in a row the wait is drawn from
 * [d/2, d] with d = min × 2^(n-1) capped at max, and never shorter than min. Not thread-safe.
 */
public final class Backoff {

    private final long minMillis;
    private final long maxMillis;
    private final Random random;
    private int failures;

    public Backoff(Duration min, Duration max, Random random) {
        this.minMillis = Math.max(1, min.toMillis());
        this.maxMillis = Math.max(minMillis, max.toMillis());
        this.random = random;
    }

    /** The wait after one more failure. */
    public Duration next() {
        long ceiling = minMillis;
        for (int i = 0; i < failures && ceiling < maxMillis; i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, maxMillis);
        failures++;
        long half = ceiling / 2;
        long jittered = half + (long) (random.nextDouble() * (ceiling - half + 1));
        return Duration.ofMillis(Math.min(maxMillis, Math.max(minMillis, jittered)));
    }

    /** The longest wait. */
    public Duration max() {
        return Duration.ofMillis(maxMillis);
    }

    /** After a success: the next failure waits about min again. */
    public void reset() {
        failures = 0;
    }
}
