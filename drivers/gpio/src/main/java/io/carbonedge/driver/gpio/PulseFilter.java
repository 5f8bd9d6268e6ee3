package io.carbonedge.driver.gpio;

/**
 * Turns the level changes of an S0 input into a pulse count, ignoring contact bounce and
 * interference: the input's logical level follows the wire only once the wire has held a level
 * for at least the debounce time, and a pulse is counted each time the logical level becomes
 * active. So a pulse shorter than the debounce time is ignored, and two pulses separated by a gap
 * shorter than the debounce time count as one. S0 outputs (IEC 62053-31) give pulses of at least
 * 30 ms, which a debounce of 20 ms keeps.
 *
 * <p>A level is confirmed lazily, at the next change or at {@link #settle}, so no timer is needed.
 * Called by the input's event thread and the polling thread, hence synchronized.
 */
final class PulseFilter {

    private final long debounceNanos;
    private boolean wireActive;
    private long wireSince;
    private boolean logicalActive;
    private long count;

    /**
     * @param count         pulses already counted (from the saved state)
     * @param active        the wire's level now, taken as settled so a line that is already
     *                      active at start-up is not counted again
     * @param nowNanos      now, on the clock later calls use
     * @param debounceNanos how long a level must hold to count
     */
    PulseFilter(long count, boolean active, long nowNanos, long debounceNanos) {
        if (count < 0 || debounceNanos < 0) {
            throw new IllegalArgumentException("count and debounce must not be negative");
        }
        this.count = count;
        this.wireActive = active;
        this.logicalActive = active;
        this.wireSince = nowNanos;
        this.debounceNanos = debounceNanos;
    }

    /** The wire went to (or was reported at) the given level at {@code nanos}. */
    synchronized void onLevel(boolean active, long nanos) {
        settle(nanos);
        if (active != wireActive) {
            wireActive = active;
            wireSince = nanos;
        }
    }

    /** Confirms the wire's current level if it has held long enough by {@code nanos}. */
    synchronized void settle(long nanos) {
        if (wireActive != logicalActive && nanos - wireSince >= debounceNanos) {
            logicalActive = wireActive;
            if (logicalActive) {
                count++;
            }
        }
    }

    /** Pulses counted so far, including those counted before start-up; never decreases. */
    synchronized long count() {
        return count;
    }
}
