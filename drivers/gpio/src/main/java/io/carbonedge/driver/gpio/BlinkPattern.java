package io.carbonedge.driver.gpio;

import java.time.Duration;
import java.util.List;

/**
 * A repeating sequence of LED steps, each on or off for a length of time. An empty pattern
 * means steady off.
 *
 * @param steps the steps of one period, in order
 */
record BlinkPattern(List<Step> steps) {

    /**
     * One step of a pattern.
     *
     * @param on     whether the LED is lit
     * @param length how long the step lasts; positive
     */
    record Step(boolean on, Duration length) {
        Step {
            if (length.isNegative() || length.isZero()) {
                throw new IllegalArgumentException("a step must last a positive time");
            }
        }
    }

    BlinkPattern {
        steps = List.copyOf(steps);
    }

    /** Alternating on and off lengths in milliseconds, starting with on. */
    static BlinkPattern onOffMillis(long... millis) {
        Step[] steps = new Step[millis.length];
        for (int i = 0; i < millis.length; i++) {
            steps[i] = new Step(i % 2 == 0, Duration.ofMillis(millis[i]));
        }
        return new BlinkPattern(List.of(steps));
    }

    /** Whether the LED is lit at {@code elapsed} after the pattern started. */
    boolean isOnAt(Duration elapsed) {
        if (steps.isEmpty()) {
            return false;
        }
        long t = elapsed.toNanos() % period().toNanos();
        for (Step step : steps) {
            t -= step.length().toNanos();
            if (t < 0) {
                return step.on();
            }
        }
        throw new AssertionError("unreachable");
    }

    /** The length of one period; zero for steady off. */
    Duration period() {
        return steps.stream().map(Step::length).reduce(Duration.ZERO, Duration::plus);
    }
}
