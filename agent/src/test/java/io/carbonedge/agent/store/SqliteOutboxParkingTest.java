package io.carbonedge.agent.store;

import io.carbonedge.agent.uplink.ParkedBatch;
import io.carbonedge.agent.uplink.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Parked batches and the latest sequence, in a real buffer file. */
class SqliteOutboxParkingTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    @TempDir
    Path data;

    @Test
    void parkingRecordsTheBatchMovesTheWatermarkAndSurvivesARestart() throws Exception {
        BufferDatabase db = BufferDatabase.open(data);
        ParkedBatch batch = new ParkedBatch("park", Stream.READINGS, 11, 20, 10, "4.00 BAD_REQUEST: seq 13", T0);
        try (SqliteOutbox outbox = new SqliteOutbox(db, Clock.fixed(T0, ZoneOffset.UTC))) {
            outbox.acknowledge("park", Stream.READINGS, 10);
            outbox.park(batch);
            assertThat(outbox.acknowledged("park", Stream.READINGS)).isEqualTo(20);
            assertThat(outbox.acknowledged("other", Stream.READINGS)).isZero();
        }
        try (SqliteOutbox outbox = new SqliteOutbox(BufferDatabase.open(data), Clock.systemUTC())) {
            assertThat(outbox.parked("park")).containsExactly(batch);
            assertThat(outbox.parkedCount("park")).isEqualTo(1);
            assertThat(outbox.parkedCount("other")).isZero();
            assertThat(outbox.acknowledged("park", Stream.READINGS)).isEqualTo(20);
        }
    }

    @Test
    void latestIsTheHighestSequenceOrZero() throws Exception {
        BufferDatabase db = BufferDatabase.open(data);
        try (SqliteOutbox outbox = new SqliteOutbox(db, Clock.systemUTC())) {
            assertThat(outbox.latest(Stream.READINGS)).isZero();
            assertThat(outbox.latest(Stream.TOTALS)).isZero();
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO point (ref, device, point, unit) VALUES (1, 'm', 'p', 'kW')");
                s.executeUpdate("INSERT INTO reading (seq, point, t_ms, value, quality) VALUES (7, 1, 0, 1.0, 0), "
                        + "(42, 1, 0, 2.0, 0)");
            }
            assertThat(outbox.latest(Stream.READINGS)).isEqualTo(42);
            assertThat(outbox.latest(Stream.TOTALS)).isZero();
        }
    }
}
