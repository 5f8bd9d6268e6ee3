package io.carbonedge.agent.totals;

/**
 * How a counter moved between two good readings, following ../shared/DOMAIN.md "Counters": a
 * decrease is a rollover only when the previous value was near the modulus, the new one near
 * zero and the implied increase physically possible (at most 1.2 x max rate x elapsed); any other
 * decrease is a reset. Decreases within the resolution of a float32 at the previous value are
 * jitter (float32 counters above 2^24 lose resolution), not resets. An increase beyond what the
 * device can do is a jump (a replaced meter that started high).
 *
 * @param kind  the classification
 * @param delta the increase to count, in point units (0 unless INCREASE or ROLLOVER)
 */
public record CounterStep(Kind kind, double delta) {

    /** The classification of one step. */
    public enum Kind { INCREASE, JITTER, ROLLOVER, RESET, JUMP }

    /** Headroom on the physical limit. */
    static final double PHYSICAL_MARGIN = 1.2;
    /** "Near" the modulus or zero: within this share of the modulus. */
    static final double NEAR = 0.1;

    /** Classifies the move from {@code previous} to {@code value} over {@code elapsedHours}. */
    public static CounterStep classify(double previous, double value, double elapsedHours, double rollover,
                                       double maxRatePerHour) {
        double limit = Double.isNaN(maxRatePerHour) ? Double.POSITIVE_INFINITY
                : PHYSICAL_MARGIN * maxRatePerHour * elapsedHours;
        double delta = value - previous;
        if (delta >= 0) {
            if (delta > limit && delta > resolution(previous)) {
                return new CounterStep(Kind.JUMP, 0);
            }
            return new CounterStep(Kind.INCREASE, delta);
        }
        if (-delta <= resolution(previous)) {
            return new CounterStep(Kind.JITTER, 0);
        }
        if (!Double.isNaN(rollover) && rollover > 0) {
            double implied = rollover - previous + value;
            boolean near = previous >= rollover * (1 - NEAR) && value >= 0 && value <= rollover * NEAR;
            if (near && implied >= 0 && implied <= limit) {
                return new CounterStep(Kind.ROLLOVER, implied);
            }
        }
        return new CounterStep(Kind.RESET, 0);
    }

    /** One unit in the last place of a float32 holding {@code value}: 2 at 2^24..2^25. */
    static double resolution(double value) {
        return Math.ulp((float) Math.abs(value));
    }

    public boolean counts() {
        return kind == Kind.INCREASE || kind == Kind.ROLLOVER;
    }

    /** Whether a new segment starts (nothing counted, an event recorded). */
    public boolean breaksSegment() {
        return kind == Kind.RESET || kind == Kind.JUMP;
    }
}
