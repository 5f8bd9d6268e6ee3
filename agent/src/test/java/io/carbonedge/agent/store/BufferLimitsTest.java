package io.carbonedge.agent.store;

import io.carbonedge.agent.config.AgentConfig;
import io.carbonedge.agent.config.PayloadFormat;
import io.carbonedge.agent.config.StoreConfig;
import io.carbonedge.agent.config.UplinkConfig;
import io.carbonedge.agent.uplink.Stream;
import io.carbonedge.driver.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Retention, the size cap with gap records, and a corrupt buffer file, on real SQLite files. */
class BufferLimitsTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path data;

    private AgentConfig config(Duration retention, long maxBytes) {
        AgentConfig base = BufferWriterTest.config(data);
        UplinkConfig park = new UplinkConfig("park", URI.create("coap://127.0.0.1:1/x"), PayloadFormat.SENML_CBOR, 500,
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
        return new AgentConfig(base.gatewayId(), data, base.poll(),
                new StoreConfig(Duration.ofMillis(10), 5000, retention, maxBytes, 200_000), List.of(park),
                base.accounting(), base.devices());
    }

    /** Writes {@code count} power readings, one second apart, starting at {@code start}. */
    private static void write(BufferDatabase db, AgentConfig config, Instant start, int count) throws Exception {
        try (BufferWriter writer = BufferWriter.open(db, config, CLOCK)) {
            long before = writer.lastSeq();
            List<Sample> samples = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                samples.add(Sample.good("power_kw", start.plusSeconds(i), i));
                if (samples.size() == 1000) {
                    writer.accept("meter", samples);
                    samples = new ArrayList<>();
                }
            }
            writer.accept("meter", samples);
            await().until(() -> writer.lastSeq() == before + count);
        }
    }

    private static long count(BufferDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void housekeep(BufferDatabase db, AgentConfig config) throws SQLException {
        try (Connection c = db.connect()) {
            new Housekeeper(c, config, new GapLog(c, CLOCK), CLOCK).run();
        }
    }

    @Test
    void acknowledgedReadingsOlderThanTheRetentionGoAndTheRestStay() throws Exception {
        AgentConfig config = config(Duration.ofDays(1), 0);
        BufferDatabase db = BufferDatabase.open(data);
        write(db, config, NOW.minus(Duration.ofDays(3)), 5000);   // seq 1..5000, all too old
        write(db, config, NOW.minusSeconds(3600), 100);          // seq 5001..5100, recent
        try (SqliteOutbox outbox = new SqliteOutbox(db, CLOCK)) {
            outbox.acknowledge("park", Stream.READINGS, 5050);
        }
        // only 4000 of the old ones were forwarded: the other 1000 wait for the platform, however old
        try (SqliteOutbox outbox = new SqliteOutbox(db, CLOCK)) {
            outbox.acknowledge("park", Stream.READINGS, 5050);
        }

        housekeep(db, config);

        assertThat(count(db, "SELECT min(seq) FROM reading")).isEqualTo(5001);
        assertThat(count(db, "SELECT count(*) FROM reading")).isEqualTo(100);
        assertThat(count(db, "SELECT count(*) FROM gap")).isZero();
    }

    @Test
    void readingsOfAParkedBatchStayWhateverTheirAge() throws Exception {
        AgentConfig config = config(Duration.ofDays(1), 0);
        BufferDatabase db = BufferDatabase.open(data);
        write(db, config, NOW.minus(Duration.ofDays(30)), 3000);
        try (SqliteOutbox outbox = new SqliteOutbox(db, CLOCK)) {
            outbox.park(new io.carbonedge.agent.uplink.ParkedBatch("park", Stream.READINGS, 1001, 1500, 500,
                    "4.00 bad request", NOW));
            outbox.acknowledge("park", Stream.READINGS, 3000);
        }
        housekeep(db, config);
        assertThat(count(db, "SELECT count(*) FROM reading")).isEqualTo(500);
        assertThat(count(db, "SELECT min(seq) FROM reading")).isEqualTo(1001);
        assertThat(count(db, "SELECT max(seq) FROM reading")).isEqualTo(1500);
    }

    @Test
    void unforwardedReadingsStayWhateverTheirAge() throws Exception {
        AgentConfig config = config(Duration.ofDays(1), 0);
        BufferDatabase db = BufferDatabase.open(data);
        write(db, config, NOW.minus(Duration.ofDays(30)), 3000);
        try (SqliteOutbox outbox = new SqliteOutbox(db, CLOCK)) {
            outbox.acknowledge("park", Stream.READINGS, 1000);
        }
        housekeep(db, config);
        assertThat(count(db, "SELECT min(seq) FROM reading")).isEqualTo(1001);
        assertThat(count(db, "SELECT count(*) FROM reading")).isEqualTo(2000);
    }

    @Test
    void overTheCapForwardedHistoryGoesFirst() throws Exception {
        AgentConfig config = config(Duration.ofDays(365), 1L << 20);
        BufferDatabase db = BufferDatabase.open(data);
        write(db, config, NOW.minusSeconds(100_000), 60_000);   // about 2 MB of readings
        try (SqliteOutbox outbox = new SqliteOutbox(db, CLOCK)) {
            outbox.acknowledge("park", Stream.READINGS, 50_000);
        }
        housekeep(db, config);
        assertThat(count(db, "SELECT count(*) FROM gap")).isZero();
        assertThat(count(db, "SELECT min(seq) FROM reading")).isLessThanOrEqualTo(50_001);
        assertThat(count(db, "SELECT max(seq) FROM reading")).isEqualTo(60_000);
        assertThat(new Housekeeper(db.connect(), config, null, CLOCK).usedBytes()).isLessThanOrEqualTo(1L << 20);
    }

    @Test
    void overTheCapWithNothingForwardedTheOldestGoAsGapRecordsThatAddUp() throws Exception {
        AgentConfig config = config(Duration.ofDays(365), 1L << 20);
        BufferDatabase db = BufferDatabase.open(data);
        Instant start = NOW.minusSeconds(100_000);
        write(db, config, start, 60_000);

        housekeep(db, config);

        long kept = count(db, "SELECT count(*) FROM reading");
        long lost = count(db, "SELECT sum(readings) FROM gap WHERE reason = 'capacity'");
        assertThat(kept + lost).isEqualTo(60_000);
        assertThat(lost).isPositive();
        // the two batches after the watermark (2 x 500, the uplink's batch size) may be in the uplink's
        // hands (one on its way, the next read): they stay
        assertThat(count(db, "SELECT count(*) FROM reading WHERE seq <= 1000")).isEqualTo(1000);
        assertThat(count(db, "SELECT min(first_seq) FROM gap")).isEqualTo(1001);
        assertThat(count(db, "SELECT max(last_seq) FROM gap") + 1)
                .isEqualTo(count(db, "SELECT min(seq) FROM reading WHERE seq > 1000"));
        assertThat(count(db, "SELECT min(from_ms) FROM gap")).isEqualTo(start.plusSeconds(1000).toEpochMilli());
        assertThat(count(db, "SELECT sum(value) FROM site_total WHERE figure = 'readings-lost-capacity'")).isEqualTo(lost);
        assertThat(count(db, "SELECT max(seq) FROM reading")).isEqualTo(60_000);
        assertThat(new Housekeeper(db.connect(), config, null, CLOCK).usedBytes()).isLessThanOrEqualTo(1L << 20);
    }

    @Test
    void aCorruptBufferIsMovedAsideAndAFreshOneReportsTheLoss() throws Exception {
        Files.write(data.resolve("buffer.db"), "this is not a database, it is a power cut".repeat(200).getBytes());

        BufferDatabase db = BufferDatabase.open(data, CLOCK);

        assertThat(data.resolve("buffer.db.corrupt-20260601T000000Z")).exists();
        assertThat(count(db, "SELECT count(*) FROM reading")).isZero();
        assertThat(count(db, "SELECT count(*) FROM gap WHERE reason = 'corrupt-buffer'")).isEqualTo(1);
        write(db, config(Duration.ofDays(1), 0), NOW, 10);
        assertThat(count(db, "SELECT count(*) FROM reading")).isEqualTo(10);
    }
}
