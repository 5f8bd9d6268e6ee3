package io.carbonedge.agent.totals;

import java.time.Instant;
import java.util.Locale;

/**
 * Something a counter did that an auditor must see: a rollover counted across, or a reset,
 * implausible jump or meter replacement after which a new segment started (nothing counted
 * across it).
 *
 * @param point    the point's reference in the buffer
 * @param time     the reading that showed it
 * @param kind     what happened
 * @param previous the last value before, in point units (NaN when none)
 * @param value    the value that showed it
 */
public record CounterEvent(int point, Instant time, Kind kind, double previous, double value) {

    /** What happened. */
    public enum Kind {
        /** Wrapped past its modulus; the increase across was counted. */
        ROLLOVER,
        /** Went down and was not a rollover: new segment. */
        RESET,
        /** Went up more than the device can: new segment. */
        JUMP,
        /** The device's serial number changed: new segment for every counter of the device. */
        REPLACEMENT;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
