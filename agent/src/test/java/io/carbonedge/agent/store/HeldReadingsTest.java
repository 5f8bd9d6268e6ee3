package io.carbonedge.agent.store;

import io.carbonedge.agent.MutableClock;
import io.carbonedge.agent.clock.ClockGuard;
import io.carbonedge.driver.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A gateway without a real-time clock: readings taken before NTP are held, then re-stamped, never stored in 1970. */
class HeldReadingsTest {

    @TempDir
    Path data;

    @Test
    void readingsTakenBeforeTheClockIsSetAreReStampedByTheStep() throws Exception {
        Instant boot = Instant.EPOCH.plusSeconds(12);
        MutableClock wall = new MutableClock(boot);
        AtomicLong nanos = new AtomicLong(12_000_000_000L);
        AtomicBoolean ntp = new AtomicBoolean(false);
        ClockGuard guard = new ClockGuard(wall, nanos::get, Instant.parse("2026-11-01T00:00:00Z"), ntp::get);
        BufferDatabase db = BufferDatabase.open(data);

        try (BufferWriter writer = BufferWriter.open(db, BufferWriterTest.config(data), wall, guard)) {
            writer.accept("meter", List.of(Sample.good("power_kw", wall.instant(), 5)));
            nanos.addAndGet(Duration.ofSeconds(20).toNanos());
            wall.advance(Duration.ofSeconds(20));
            Thread.sleep(1200);
            assertThat(writer.lastSeq()).as("held while the clock is not trusted").isZero();

            Instant synced = Instant.parse("2026-11-24T08:00:00Z");
            wall.set(synced);
            ntp.set(true);
            await().until(() -> writer.lastSeq() == 1);
        }
        try (SqliteOutbox outbox = new SqliteOutbox(db, Clock.systemUTC())) {
            assertThat(outbox.readingsAfter(0, 10)).singleElement()
                    .satisfies(r -> assertThat(r.time()).isEqualTo(Instant.parse("2026-11-24T07:59:40Z")));
        }
    }
}
