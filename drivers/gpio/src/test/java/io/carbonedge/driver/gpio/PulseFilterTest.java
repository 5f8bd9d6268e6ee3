package io.carbonedge.driver.gpio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PulseFilterTest {

    private static final long MS = 1_000_000L;
    private static final long DEBOUNCE = 20 * MS;

    /** A filter whose line has been idle (inactive) since time 0. */
    private static PulseFilter idle() {
        return new PulseFilter(0, false, 0, DEBOUNCE);
    }

    /** Feeds alternating levels, starting with active, at the given times in ms; returns the count at the end. */
    private static long feed(PulseFilter filter, long... millis) {
        boolean active = true;
        for (long t : millis) {
            filter.onLevel(active, t * MS);
            active = !active;
        }
        return filter.count();
    }

    @Test
    void eachCleanPulseCountsOnce() {
        assertThat(feed(idle(), 100, 150, 250, 300, 400, 450)).isEqualTo(3);
    }

    @Test
    void bounceWhenTheContactClosesAndOpensCountsOnce() {
        // closes at 100 with three bounces, opens at 160 with two
        assertThat(feed(idle(), 100, 101, 102, 103, 104, 160, 161, 162)).isEqualTo(1);
    }

    @Test
    void aSpikeShorterThanTheDebounceTimeIsIgnored() {
        assertThat(feed(idle(), 100, 119)).isZero();
        assertThat(feed(idle(), 100, 120)).isEqualTo(1);
    }

    @Test
    void twoPulsesCloserThanTheDebounceTimeCountAsOne() {
        // the line is back idle for only 5 ms between them
        assertThat(feed(idle(), 100, 150, 155, 200)).isEqualTo(1);
        assertThat(feed(idle(), 100, 150, 170, 220)).isEqualTo(2);
    }

    @Test
    void aPulseStillActiveIsCountedOnceItHasLastedTheDebounceTime() {
        PulseFilter filter = idle();
        filter.onLevel(true, 100 * MS);
        filter.settle(110 * MS);
        assertThat(filter.count()).isZero();
        filter.settle(120 * MS);
        assertThat(filter.count()).isEqualTo(1);
        filter.onLevel(false, 170 * MS); // the same pulse ends: not counted again
        filter.settle(500 * MS);
        assertThat(filter.count()).isEqualTo(1);
    }

    @Test
    void aLineAlreadyActiveAtStartIsNotCountedUntilItGoesIdleAndActiveAgain() {
        PulseFilter filter = new PulseFilter(41, true, 0, DEBOUNCE);
        filter.settle(1000 * MS);
        assertThat(filter.count()).isEqualTo(41);
        filter.onLevel(false, 1000 * MS);
        filter.onLevel(true, 1100 * MS);
        filter.onLevel(false, 1150 * MS);
        assertThat(filter.count()).isEqualTo(42);
    }

    @Test
    void aRepeatedLevelChangesNothing() {
        PulseFilter filter = idle();
        filter.onLevel(true, 100 * MS);
        filter.onLevel(true, 110 * MS); // must not restart the debounce time
        filter.settle(120 * MS);
        assertThat(filter.count()).isEqualTo(1);
    }

    /**
     * Random pulse trains within the S0 standard (pulses of at least 30 ms, gaps of at least 30 ms)
     * with random bounce of up to 8 ms at both edges: every pulse counts exactly once.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 1234, 99_991})
    void everyPulseOfANoisyStandardTrainCountsExactlyOnce(long seed) {
        Random random = new Random(seed);
        PulseFilter filter = idle();
        long t = 50 * MS;
        int pulses = 200 + random.nextInt(300);
        for (int i = 0; i < pulses; i++) {
            t = edge(filter, true, t, random);
            t += (30 + random.nextInt(90)) * MS;
            t = edge(filter, false, t, random);
            t += (30 + random.nextInt(2000)) * MS;
        }
        filter.settle(t);
        assertThat(filter.count()).isEqualTo(pulses);
    }

    /** Goes to {@code active} at {@code t}, bouncing back and forth for up to 8 ms; returns when it settles. */
    private static long edge(PulseFilter filter, boolean active, long t, Random random) {
        filter.onLevel(active, t);
        int bounces = random.nextInt(5);
        for (int b = 0; b < bounces; b++) {
            t += (1 + random.nextInt(2)) * MS / 2;
            filter.onLevel(!active, t);
            t += (1 + random.nextInt(2)) * MS / 2;
            filter.onLevel(active, t);
        }
        return t;
    }
}
