package io.carbonedge.agent.uplink;

/**
 * Paces a backlog drain to at most {@code rate} records per second, so that sending days of
 * buffered readings after an outage does not fill a 4G uplink: a batch may go when the batches
 * before it have "used up" their time at that rate. After a quiet spell the next batch goes at
 * once (live traffic is never slowed down). Times are {@link System#nanoTime()} values.
 */
final class DrainPace {

    private final double nanosPerRecord;
    private long nextAllowed;
    private boolean started;

    /** @param rate records per second, or 0 for no limit */
    DrainPace(int rate) {
        this.nanosPerRecord = rate <= 0 ? 0 : 1e9 / rate;
    }

    /** How long to wait at {@code now} before the next batch may go (0 when it may go now). */
    long waitNanos(long now) {
        if (!started || nanosPerRecord == 0) {
            return 0;
        }
        return Math.max(0, nextAllowed - now);
    }

    /** A batch of {@code records} went at {@code now}. */
    void sent(int records, long now) {
        if (nanosPerRecord == 0) {
            return;
        }
        long base = started && nextAllowed - now > 0 ? nextAllowed : now;
        nextAllowed = base + Math.round(records * nanosPerRecord);
        started = true;
    }
}
