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
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
            assertThat(outbox.parked("park")).containsExactly(new ParkedBatch(1, "park", Stream.READINGS, 11, 20, 10,
                    "4.00 BAD_REQUEST: seq 13", T0));
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

    @Test
    void aPersonAsksForAResendOrDropsAndTheRecordOfItStays() throws Exception {
        BufferDatabase db = BufferDatabase.open(data);
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        try (SqliteOutbox outbox = new SqliteOutbox(db, clock); ParkedBatches people = new ParkedBatches(db, clock)) {
            outbox.park(new ParkedBatch("park", Stream.READINGS, 11, 20, 10, "4.00 BAD_REQUEST: seq 13", T0));
            outbox.park(new ParkedBatch("park", Stream.READINGS, 31, 40, 10, "4.00 BAD_REQUEST: seq 33", T0));
            outbox.park(new ParkedBatch("backup", Stream.TOTALS, 5, 6, 2, "4.13 REQUEST_ENTITY_TOO_LARGE", T0));
            assertThat(outbox.resendRequested("park")).isEmpty();

            assertThat(people.move(List.of(2L), Optional.empty(), ParkedBatches.State.RESEND))
                    .extracting(e -> e.batch().id()).containsExactly(2L);
            assertThat(outbox.resendRequested("park")).map(ParkedBatch::id).contains(2L);
            assertThat(outbox.resendRequested("backup")).isEmpty();
            assertThat(outbox.parkedCount("park")).isEqualTo(2);   // still waiting until it is delivered

            outbox.refusedAgain(outbox.resendRequested("park").orElseThrow(), "4.00 BAD_REQUEST: seq 34");
            assertThat(outbox.resendRequested("park")).isEmpty();
            assertThat(outbox.parked("park")).extracting(ParkedBatch::reason)
                    .containsExactly("4.00 BAD_REQUEST: seq 13", "4.00 BAD_REQUEST: seq 34");

            people.move(List.of(), Optional.of("park"), ParkedBatches.State.RESEND);   // --all --uplink park
            outbox.resent(outbox.resendRequested("park").orElseThrow());
            assertThat(outbox.parked("park")).extracting(ParkedBatch::id).containsExactly(2L);
            assertThat(outbox.parkedCount("backup")).isEqualTo(1);

            assertThatThrownBy(() -> people.move(List.of(1L, 9L), Optional.empty(), ParkedBatches.State.DROPPED))
                    .hasMessageContaining("no waiting parked batch with id [1, 9]");
            assertThat(outbox.parkedCount("park")).isEqualTo(1);   // nothing changed
            people.move(List.of(3L), Optional.empty(), ParkedBatches.State.DROPPED);
            assertThat(outbox.parkedCount("backup")).isZero();

            assertThat(people.list(Optional.empty())).extracting(e -> e.batch().id() + " " + e.state())
                    .containsExactly("1 DELIVERED", "2 RESEND", "3 DROPPED");
        }
    }
}
