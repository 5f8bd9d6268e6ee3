package io.carbonedge.agent.store;

import io.carbonedge.agent.config.AgentConfig;
import io.carbonedge.driver.Sample;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ReadingHistoryTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    @TempDir
    Path data;

    /** One power and one counter reading a minute for {@code minutes} minutes. */
    private BufferDatabase fill(int minutes) throws Exception {
        BufferDatabase db = BufferDatabase.open(data);
        AgentConfig config = BufferWriterTest.config(data);
        try (BufferWriter writer = BufferWriter.open(db, config, Clock.fixed(T0, ZoneOffset.UTC))) {
            for (int m = 0; m < minutes; m++) {
                Instant t = T0.plusSeconds(60L * m);
                writer.accept("meter", List.of(Sample.good("power_kw", t, m), Sample.good("import_kwh", t, 1000 + m)));
            }
            await().until(() -> writer.lastSeq() == 2L * minutes);
        }
        return db;
    }

    private static List<Reading> read(BufferDatabase db, Instant from, Instant to) throws Exception {
        List<Reading> out = new ArrayList<>();
        new ReadingHistory(db).readings(from, to, null, out::add);
        return out;
    }

    @Test
    void aRangeHoldsExactlyTheReadingsInsideItInSequenceOrder() throws Exception {
        BufferDatabase db = fill(600);
        List<Reading> hour = read(db, T0.plusSeconds(3600), T0.plusSeconds(7200));
        assertThat(hour).hasSize(120);
        assertThat(hour.get(0).time()).isEqualTo(T0.plusSeconds(3600));
        assertThat(hour.get(119).time()).isEqualTo(T0.plusSeconds(7140));
        assertThat(hour).extracting(Reading::seq).isSorted();
    }

    @Test
    void aDeviceFilterKeepsOnlyThatDevice() throws Exception {
        BufferDatabase db = fill(10);
        List<Reading> none = new ArrayList<>();
        new ReadingHistory(db).readings(T0, T0.plusSeconds(3600), "another", none::add);
        assertThat(none).isEmpty();
        assertThat(new ReadingHistory(db).readings(T0, T0.plusSeconds(3600), "meter", r -> { })).isEqualTo(20);
    }

    /** Pruned stretches (retention, cap) leave holes in seq: the search must still find every boundary. */
    @ParameterizedTest
    @ValueSource(longs = {1, 7, 99})
    void holesInTheSequenceDoNotHideReadings(long seed) throws Exception {
        BufferDatabase db = fill(500);
        Random random = new Random(seed);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (int i = 0; i < 10; i++) {
                long start = 1 + random.nextInt(1000);
                s.executeUpdate("DELETE FROM reading WHERE seq BETWEEN " + start + " AND " + (start + random.nextInt(60)));
            }
        }
        for (int i = 0; i < 20; i++) {
            Instant from = T0.plusSeconds(60L * random.nextInt(500));
            Instant to = from.plusSeconds(60L * random.nextInt(100));
            long expected;
            try (Connection c = db.connect(); Statement s = c.createStatement();
                 var rs = s.executeQuery("SELECT count(*) FROM reading WHERE t_ms >= " + from.toEpochMilli()
                         + " AND t_ms < " + to.toEpochMilli())) {
                rs.next();
                expected = rs.getLong(1);
            }
            assertThat(read(db, from, to)).hasSize((int) expected);
        }
    }

    @Test
    void anEmptyBufferExportsNothing() throws Exception {
        assertThat(read(BufferDatabase.open(data), T0, T0.plusSeconds(60))).isEmpty();
    }
}
