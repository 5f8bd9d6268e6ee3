package io.carbonedge.driver.modbus.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The time a device model lives in: the clock's time, run {@code speed} times faster from the
 * moment the speed was set, so a demo can show a whole day in minutes.
 */
final class SimulatedTime {

    private final Clock clock;
    private Instant realAnchor;
    private Instant simulatedAnchor;
    private double speed = 1.0;

    SimulatedTime(Clock clock) {
        this.clock = clock;
        this.realAnchor = clock.instant();
        this.simulatedAnchor = realAnchor;
    }

    /** Changes the speed from now on; the simulated time continues from where it is. */
    void speed(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("speed must be a positive number: " + factor);
        }
        simulatedAnchor = now();
        realAnchor = clock.instant();
        speed = factor;
    }

    Instant now() {
        Duration real = Duration.between(realAnchor, clock.instant());
        long nanos = (long) (real.toNanos() * speed);
        return simulatedAnchor.plusNanos(nanos);
    }

    /** Hours between two instants, as a double. */
    static double hoursBetween(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 3.6e12;
    }
}
