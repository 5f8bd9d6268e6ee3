package io.carbonedge.agent.clock;

import io.carbonedge.agent.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ClockGuardTest {

    private static final Instant BUILT = Instant.parse("2026-11-01T00:00:00Z");

    private final MutableClock wall = new MutableClock(Instant.EPOCH.plusSeconds(30));   // a Pi without RTC
    private final AtomicLong nanos = new AtomicLong(30_000_000_000L);
    private final AtomicBoolean ntp = new AtomicBoolean(false);
    private final ClockGuard guard = new ClockGuard(wall, nanos::get, BUILT, ntp::get);

    private void elapse(Duration d) {
        nanos.addAndGet(d.toNanos());
        wall.advance(d);
    }

    @Test
    void aClockBefore1970PlusBuildTimeIsNotTrustedAndTheStepIsMeasured() {
        assertThat(guard.trusted()).isFalse();
        Instant stamped = wall.instant();
        long captured = nanos.get();
        elapse(Duration.ofSeconds(40));

        wall.set(Instant.parse("2026-11-24T08:00:00Z"));   // NTP steps the clock
        ntp.set(true);

        assertThat(guard.trusted()).isTrue();
        Duration correction = guard.correction(stamped, captured);
        assertThat(stamped.plus(correction)).isEqualTo(Instant.parse("2026-11-24T08:00:00Z").minusSeconds(40));
        assertThat(guard.state().synchronizedNow()).isTrue();
        assertThat(guard.state().lastJump()).isEqualTo(Instant.parse("2026-11-24T08:00:00Z"));
    }

    @Test
    void aRightTimeThatTimesyncHasNotConfirmedIsNotTrustedYet() {
        wall.set(Instant.parse("2026-11-24T08:00:00Z"));
        assertThat(guard.trusted()).isFalse();
        ntp.set(true);
        assertThat(guard.trusted()).isTrue();
    }

    @Test
    void withoutAStepThereIsNoCorrection() {
        wall.set(Instant.parse("2026-11-24T08:00:00Z"));
        ntp.set(true);
        ClockGuard guard = new ClockGuard(wall, nanos::get, BUILT, ntp::get);
        guard.trusted();
        Instant stamped = wall.instant();
        long captured = nanos.get();
        elapse(Duration.ofMinutes(5));
        assertThat(guard.correction(stamped, captured)).isZero();
        assertThat(guard.trusted()).isTrue();
        assertThat(guard.state().lastJump()).isNull();
    }
}
