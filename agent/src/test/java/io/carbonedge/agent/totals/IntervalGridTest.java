package io.carbonedge.agent.totals;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntervalGridTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void fifteenMinuteIntervalsAlignToLocalQuarterHours() {
        IntervalGrid grid = new IntervalGrid(Duration.ofMinutes(15), SHANGHAI);
        // 2026-03-01 08:07:30 in Shanghai = 00:07:30 UTC
        assertThat(grid.startOf(Instant.parse("2026-03-01T00:07:30Z"))).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(grid.startOf(Instant.parse("2026-03-01T00:15:00Z"))).isEqualTo(Instant.parse("2026-03-01T00:15:00Z"));
        assertThat(grid.startOf(Instant.parse("2026-03-01T00:14:59.999Z"))).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    }

    @Test
    void localMidnightStartsAnInterval() {
        IntervalGrid grid = new IntervalGrid(Duration.ofMinutes(60), SHANGHAI);
        // Shanghai midnight of 2026-03-02 is 2026-03-01T16:00Z
        assertThat(grid.startOf(Instant.parse("2026-03-01T16:30:00Z"))).isEqualTo(Instant.parse("2026-03-01T16:00:00Z"));
        assertThat(grid.next(Instant.parse("2026-03-01T15:00:00Z"))).isEqualTo(Instant.parse("2026-03-01T16:00:00Z"));
    }

    @Test
    void halfHourZonesAlignToTheirOwnMidnight() {
        IntervalGrid grid = new IntervalGrid(Duration.ofMinutes(60), ZoneId.of("Asia/Kolkata"));
        // Kolkata is UTC+05:30: local 10:45 → interval starting at local 10:00 = 04:30Z
        assertThat(grid.startOf(Instant.parse("2026-03-01T05:15:00Z"))).isEqualTo(Instant.parse("2026-03-01T04:30:00Z"));
    }

    @Test
    void rejectsLengthsThatDoNotDivideAnHour() {
        assertThatThrownBy(() -> new IntervalGrid(Duration.ofMinutes(7), SHANGHAI))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
