package io.carbonedge.agent.store;

import io.carbonedge.agent.config.AccountingConfig;
import io.carbonedge.agent.config.AgentConfig;
import io.carbonedge.agent.config.DeviceConfig;
import io.carbonedge.agent.config.GridFactor;
import io.carbonedge.agent.config.PollDefaults;
import io.carbonedge.agent.config.StoreConfig;
import io.carbonedge.agent.totals.Carrier;
import io.carbonedge.agent.totals.Period;
import io.carbonedge.agent.uplink.Stream;
import io.carbonedge.driver.DeviceSpec;
import io.carbonedge.driver.PointKind;
import io.carbonedge.driver.PointSpec;
import io.carbonedge.driver.Quality;
import io.carbonedge.driver.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

class BufferWriterTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    @TempDir
    Path data;

    static AgentConfig config(Path data) {
        DeviceSpec meter = new DeviceSpec("meter", "modbus", Duration.ofSeconds(1), Duration.ofSeconds(1), List.of(
                new PointSpec("import_kwh", PointKind.COUNTER, "kWh"),
                new PointSpec("power_kw", PointKind.GAUGE, "kW")));
        DeviceConfig device = new DeviceConfig(meter, "", Map.of("import_kwh", Carrier.ELECTRICITY_IMPORT), null,
                data.resolve("meter.yaml"));
        return new AgentConfig("gw", data, new PollDefaults(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(1)),
                StoreConfig.of(Duration.ofMillis(20), 5000), List.of(),
                new AccountingConfig(Duration.ofMinutes(15), ZoneId.of("Asia/Shanghai"), Duration.ofMinutes(2), 0.1229,
                        new GridFactor("mee-2022-national", 0.5366)),
                List.of(device));
    }

    /** The point totals of real-time intervals (the stream also holds site figures, days and events). */
    static List<IntervalTotal> intervalTotals(SqliteOutbox outbox) {
        return outbox.totalsAfter(0, 1000).stream()
                .filter(t -> t.kind() == IntervalTotal.Kind.POINT && t.period() == Period.INTERVAL).toList();
    }

    private static Clock at(Instant t) {
        return Clock.fixed(t, ZoneOffset.UTC);
    }

    @Test
    void readingsGetSequenceNumbersInCommitOrderAndComeBackFromTheOutbox() throws Exception {
        BufferDatabase db = BufferDatabase.open(data);
        try (BufferWriter writer = BufferWriter.open(db, config(data), at(T0))) {
            writer.accept("meter", List.of(Sample.good("import_kwh", T0, 10.5), Sample.good("power_kw", T0, 3.25)));
            writer.accept("meter", List.of(Sample.bad("power_kw", T0.plusSeconds(1), "modbus exception 2 (illegal data address)")));
            await().until(() -> writer.lastSeq() == 3);
        }
        try (SqliteOutbox outbox = new SqliteOutbox(db, at(T0))) {
            List<Reading> readings = outbox.readingsAfter(0, 10);
            assertThat(readings).extracting(Reading::seq).containsExactly(1L, 2L, 3L);
            assertThat(readings.get(0)).isEqualTo(new Reading(1, "meter", "import_kwh", "kWh", T0, 10.5, Quality.GOOD, null));
            assertThat(readings.get(2).value()).isNaN();
            assertThat(readings.get(2).quality()).isEqualTo(Quality.BAD);
            assertThat(readings.get(2).reason()).isEqualTo("modbus exception 2 (illegal data address)");
            assertThat(outbox.readingsAfter(2, 10)).extracting(Reading::seq).containsExactly(3L);
        }
    }

    @Test
    void anOutboxOpenedEarlierNamesPointsAddedAndUnitsChangedSinceItLastRead() throws Exception {
        BufferDatabase db = BufferDatabase.open(data);
        try (SqliteOutbox outbox = new SqliteOutbox(db, at(T0))) {
            try (BufferWriter writer = BufferWriter.open(db, config(data), at(T0))) {
                writer.accept("meter", List.of(Sample.good("power_kw", T0, 3.25)));
                await().until(() -> writer.lastSeq() == 1);
                assertThat(outbox.readingsAfter(0, 10)).extracting(Reading::unit).containsExactly("kW");
                writer.accept("meter", List.of(Sample.good("import_kwh", T0, 10.5)));
                await().until(() -> writer.lastSeq() == 2);
            }
            assertThat(outbox.readingsAfter(1, 10)).extracting(Reading::point, Reading::unit)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("import_kwh", "kWh"));
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE point SET unit = 'W' WHERE point = 'power_kw'"); // a technician's fix
            }
            assertThat(outbox.readingsAfter(0, 10)).extracting(Reading::unit).containsExactly("W", "kWh");
        }
    }

    @Test
    void closedIntervalsBecomeTotalsWithCoalAndCo2() throws Exception {
        BufferDatabase db = BufferDatabase.open(data);
        try (BufferWriter writer = BufferWriter.open(db, config(data), at(T0.plus(Duration.ofHours(1))))) {
            writer.accept("meter", List.of(Sample.good("import_kwh", T0.plusSeconds(60), 1000)));
            writer.accept("meter", List.of(Sample.good("import_kwh", T0.plusSeconds(600), 1100)));
            await().until(() -> writer.lastSeq() == 2);
        }
        try (SqliteOutbox outbox = new SqliteOutbox(db, at(T0))) {
            List<IntervalTotal> totals = intervalTotals(outbox);
            assertThat(totals).singleElement().satisfies(t -> {
                assertThat(t.device()).isEqualTo("meter");
                assertThat(t.point()).isEqualTo("import_kwh");
                assertThat(t.intervalStart()).isEqualTo(T0);
                assertThat(t.length()).isEqualTo(Duration.ofMinutes(15));
                assertThat(t.amount()).isCloseTo(100, within(1e-9));
                assertThat(t.kgce()).isCloseTo(12.29, within(1e-9));
                assertThat(t.kgCo2()).isCloseTo(53.66, within(1e-9));
                assertThat(t.revision()).isZero();
            });
        }
    }

    @Test
    void aRestartNeitherLosesNorDoubleCountsEnergyAndNeverReusesSequences() throws Exception {
        BufferDatabase db = BufferDatabase.open(data);
        try (BufferWriter writer = BufferWriter.open(db, config(data), at(T0.plusSeconds(300)))) {
            writer.accept("meter", List.of(Sample.good("import_kwh", T0.plusSeconds(60), 1000)));
            writer.accept("meter", List.of(Sample.good("import_kwh", T0.plusSeconds(120), 1004)));
            await().until(() -> writer.lastSeq() == 2);
        }
        try (BufferWriter writer = BufferWriter.open(BufferDatabase.open(data), config(data), at(T0.plus(Duration.ofHours(1))))) {
            writer.accept("meter", List.of(Sample.good("import_kwh", T0.plusSeconds(180), 1010)));
            await().until(() -> writer.lastSeq() == 3);
        }
        try (SqliteOutbox outbox = new SqliteOutbox(db, at(T0))) {
            assertThat(intervalTotals(outbox)).singleElement()
                    .satisfies(t -> assertThat(t.amount()).isCloseTo(10, within(1e-9)));
        }
    }

    @Test
    void theWatermarkIsDurableAndNeverMovesBack() throws Exception {
        BufferDatabase db = BufferDatabase.open(data);
        try (SqliteOutbox outbox = new SqliteOutbox(db, at(T0))) {
            assertThat(outbox.acknowledged("park", Stream.READINGS)).isZero();
            outbox.acknowledge("park", Stream.READINGS, 40);
            outbox.acknowledge("park", Stream.READINGS, 30);
            outbox.acknowledge("backup", Stream.READINGS, 5);
        }
        try (SqliteOutbox outbox = new SqliteOutbox(BufferDatabase.open(data), at(T0))) {
            assertThat(outbox.acknowledged("park", Stream.READINGS)).isEqualTo(40);
            assertThat(outbox.acknowledged("park", Stream.TOTALS)).isZero();
            assertThat(outbox.acknowledged("backup", Stream.READINGS)).isEqualTo(5);
        }
    }

    @Test
    void listenersHearOfEachCommit() throws Exception {
        AtomicInteger commits = new AtomicInteger();
        try (BufferWriter writer = BufferWriter.open(BufferDatabase.open(data), config(data), at(T0))) {
            writer.addCommitListener(commits::incrementAndGet);
            writer.accept("meter", List.of(Sample.good("power_kw", T0, 1)));
            await().until(() -> commits.get() >= 1);
        }
        assertThat(BufferStats.read(BufferDatabase.open(data)).readings()).isEqualTo(1);
    }
}
