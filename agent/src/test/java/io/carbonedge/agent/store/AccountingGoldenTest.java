package io.carbonedge.agent.store;

import io.carbonedge.agent.config.AccountingConfig;
import io.carbonedge.agent.config.DeviceConfig;
import io.carbonedge.agent.config.GridFactor;
import io.carbonedge.agent.config.PointAccounting;
import io.carbonedge.agent.totals.Carrier;
import io.carbonedge.agent.totals.Period;
import io.carbonedge.driver.DeviceSpec;
import io.carbonedge.driver.PointKind;
import io.carbonedge.driver.PointSpec;
import io.carbonedge.driver.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Golden days: hand-computed expectations for the cases an auditor asks about, through the real
 * writer, SQLite and the totals stream. 15-minute intervals, Asia/Shanghai, grace 2 min, grid
 * 0.5366 kgCO2/kWh, electricity 0.1229 kgce/kWh.
 */
class AccountingGoldenTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final double R = 4_294_967_296.0 * 0.01; // uint32 x 0.01 kWh wraps here
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @TempDir
    Path data;

    private static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(SHANGHAI).toInstant();
    }

    private static AccountingConfig accounting() {
        return new AccountingConfig(Duration.ofMinutes(15), SHANGHAI, Duration.ofMinutes(2), 0.1229,
                new GridFactor("mee-2022-national", 0.5366));
    }

    /** A grid meter: import and export counters (rollover known, 500 kW rated), a serial number. */
    private static DeviceConfig meter() {
        DeviceSpec spec = new DeviceSpec("meter", "test", MINUTE, Duration.ofSeconds(1), List.of(
                new PointSpec("import_kwh", PointKind.COUNTER, "kWh"),
                new PointSpec("export_kwh", PointKind.COUNTER, "kWh"),
                new PointSpec("sn", PointKind.STATE, "")));
        return new DeviceConfig(spec, "", Map.of("import_kwh", Carrier.ELECTRICITY_IMPORT,
                "export_kwh", Carrier.ELECTRICITY_EXPORT), null, Path.of("meter.yaml"),
                Map.of("import_kwh", new PointAccounting(Carrier.ELECTRICITY_IMPORT, false, R, Double.NaN),
                        "export_kwh", PointAccounting.counter(Carrier.ELECTRICITY_EXPORT)), 500, "sn");
    }

    private static DeviceConfig pv() {
        DeviceSpec spec = new DeviceSpec("pv", "test", MINUTE, Duration.ofSeconds(1), List.of(
                new PointSpec("yield_kwh", PointKind.COUNTER, "kWh")));
        return new DeviceConfig(spec, "", Map.of("yield_kwh", Carrier.PV_GENERATION), null, Path.of("pv.yaml"));
    }

    private static DeviceConfig boiler() {
        DeviceSpec spec = new DeviceSpec("boiler", "test", MINUTE, Duration.ofSeconds(1), List.of(
                new PointSpec("gas_m3", PointKind.COUNTER, "m3")));
        return new DeviceConfig(spec, "", Map.of("gas_m3", Carrier.NATURAL_GAS), null, Path.of("boiler.yaml"));
    }

    private AccountingHarness harness(AccountingConfig accounting, Instant start) throws Exception {
        return new AccountingHarness(data, accounting, start, List.of(meter(), pv(), boiler()));
    }

    private static Sample imp(Instant t, double v) {
        return Sample.good("import_kwh", t, v);
    }

    @Test
    void aDayWithARolloverAndAReset() throws Exception {
        Instant day = local("2026-03-01T00:00");
        try (AccountingHarness h = harness(accounting(), day)) {
            h.poll("meter", day, imp(day, R - 30));
            // wraps: 30 to the modulus + 20 = 50 kWh in 15 min, under 1.2 x 500 kW x 0.25 h = 150
            h.poll("meter", day.plus(Duration.ofMinutes(15)), imp(day.plus(Duration.ofMinutes(15)), 20));
            // down from 20 to 5, not near the modulus: a reset, nothing counted from 00:15 to 00:30
            h.poll("meter", day.plus(Duration.ofMinutes(30)), imp(day.plus(Duration.ofMinutes(30)), 5));
            h.poll("meter", day.plus(Duration.ofMinutes(45)), imp(day.plus(Duration.ofMinutes(45)), 15));
            h.at(local("2026-03-02T00:02"));

            assertThat(h.latest("meter", "import_kwh", Period.INTERVAL, day).orElseThrow().amount()).isCloseTo(50, within(1e-6));
            assertThat(h.latest("meter", "import_kwh", Period.INTERVAL, day.plus(Duration.ofMinutes(15)))).isEmpty();
            assertThat(h.latest("meter", "import_kwh", Period.INTERVAL, day.plus(Duration.ofMinutes(30))).orElseThrow()
                    .amount()).isCloseTo(10, within(1e-9));
            IntervalTotal dayTotal = h.latest("meter", "import_kwh", Period.DAY, day).orElseThrow();
            assertThat(dayTotal.amount()).isCloseTo(60, within(1e-6));
            assertThat(dayTotal.kgce()).isCloseTo(60 * 0.1229, within(1e-6));
            assertThat(dayTotal.kgCo2()).isCloseTo(60 * 0.5366, within(1e-6));
            assertThat(dayTotal.length()).isEqualTo(Duration.ofDays(1));
            assertThat(dayTotal.factor().source()).isEqualTo("gb2589-2020:calorific-equivalent;mee-2022-national");
            assertThat(h.events()).extracting(IntervalTotal::unit).containsExactly("rollover", "reset");
            assertThat(h.site("kgco2", Period.DAY, day).orElseThrow()).isCloseTo(60 * 0.5366, within(1e-6));
        }
    }

    @Test
    void aReplacedMeterThatStartsHigherCountsNothingAcrossTheSwap() throws Exception {
        Instant day = local("2026-03-01T00:00");
        Instant q1 = day.plus(Duration.ofMinutes(15));
        Instant q2 = day.plus(Duration.ofMinutes(30));
        try (AccountingHarness h = harness(accounting(), day)) {
            h.poll("meter", day, imp(day, 100), Sample.good("sn", day, 1111));
            // the new meter reads 250: plausible as an increase (150 <= 150), but the serial number changed
            h.poll("meter", q1, imp(q1, 250), Sample.good("sn", q1, 2222));
            h.poll("meter", q2, imp(q2, 260), Sample.good("sn", q2, 2222));
            // a jump no 500 kW meter can make in 15 min: a new segment too
            Instant q3 = day.plus(Duration.ofMinutes(45));
            h.poll("meter", q3, imp(q3, 100_000), Sample.good("sn", q3, 2222));
            h.at(local("2026-03-02T00:02"));

            assertThat(h.latest("meter", "import_kwh", Period.DAY, day).orElseThrow().amount()).isCloseTo(10, within(1e-9));
            assertThat(h.events()).extracting(IntervalTotal::unit).containsExactly("replacement", "jump");
            assertThat(h.events().get(0).previous()).isEqualTo(1111);
            assertThat(h.events().get(0).amount()).isEqualTo(2222);
        }
    }

    @Test
    void aTwoHourOutageIsSpreadOverTheGapAndShowsInCompleteness() throws Exception {
        Instant day = local("2026-03-01T00:00");
        try (AccountingHarness h = harness(accounting(), day)) {
            for (int m = 0; m <= 60; m++) {      // 00:00 .. 01:00, 1 kWh a minute
                Instant t = day.plus(MINUTE.multipliedBy(m));
                h.poll("meter", t, imp(t, 1000 + m));
            }
            for (int m = 180; m <= 240; m++) {   // offline 01:00 .. 03:00, back until 04:00
                Instant t = day.plus(MINUTE.multipliedBy(m));
                h.poll("meter", t, imp(t, 1000 + m));
            }
            h.at(local("2026-03-02T00:02"));

            for (int q = 0; q < 16; q++) {       // every quarter-hour of 00:00 .. 04:00 got 15 kWh
                Instant start = day.plus(Duration.ofMinutes(15L * q));
                assertThat(h.latest("meter", "import_kwh", Period.INTERVAL, start).orElseThrow().amount())
                        .as("interval %d", q).isCloseTo(15, within(1e-6));
            }
            assertThat(h.latest("meter", "import_kwh", Period.INTERVAL, day.plus(Duration.ofMinutes(45)))
                    .orElseThrow().completeness()).isCloseTo(1.0, within(1e-9));          // 00:45 .. 00:59: 15 polls
            assertThat(h.latest("meter", "import_kwh", Period.INTERVAL, day.plus(Duration.ofMinutes(60)))
                    .orElseThrow().completeness()).isCloseTo(1.0 / 15, within(1e-9));     // only 01:00
            assertThat(h.latest("meter", "import_kwh", Period.INTERVAL, day.plus(Duration.ofMinutes(90)))
                    .orElseThrow().completeness()).isZero();
            IntervalTotal dayTotal = h.latest("meter", "import_kwh", Period.DAY, day).orElseThrow();
            assertThat(dayTotal.amount()).isCloseTo(240, within(1e-6));
            assertThat(dayTotal.completeness()).isCloseTo(122.0 / 1440, within(1e-9));
        }
    }

    @Test
    void lateDataAfterCloseRevisesWithRevisionNumbersAndLandsInItsOwnInterval() throws Exception {
        Instant day = local("2026-03-01T00:00");
        Instant q0 = day;
        Instant q1 = day.plus(Duration.ofMinutes(15));
        Instant q2 = day.plus(Duration.ofMinutes(30));
        try (AccountingHarness h = harness(accounting(), day)) {
            h.poll("meter", day, imp(day, 100));
            h.poll("meter", day.plus(Duration.ofMinutes(10)), imp(day.plus(Duration.ofMinutes(10)), 110));
            h.at(day.plus(Duration.ofMinutes(40)));
            assertThat(h.latest("meter", "import_kwh", Period.INTERVAL, q0).orElseThrow().amount()).isCloseTo(10, within(1e-9));
            // back online at 00:40 reading 150; then the meter's own log for 00:20 and 00:30 arrives
            h.poll("meter", day.plus(Duration.ofMinutes(40)), imp(day.plus(Duration.ofMinutes(40)), 150));
            h.poll("meter", day.plus(Duration.ofMinutes(40)), imp(day.plus(Duration.ofMinutes(20)), 125));
            h.poll("meter", day.plus(Duration.ofMinutes(40)), imp(day.plus(Duration.ofMinutes(30)), 140));
            h.at(day.plus(Duration.ofHours(2)));

            // 00:10-00:20 rose 15 (half in each quarter), 00:20-00:30 rose 15, 00:30-00:40 rose 10
            IntervalTotal first = h.latest("meter", "import_kwh", Period.INTERVAL, q0).orElseThrow();
            assertThat(first.amount()).isCloseTo(10 + 7.5, within(1e-9));
            assertThat(first.revision()).isGreaterThanOrEqualTo(1);
            assertThat(h.latest("meter", "import_kwh", Period.INTERVAL, q1).orElseThrow().amount()).isCloseTo(7.5 + 15, within(1e-9));
            assertThat(h.latest("meter", "import_kwh", Period.INTERVAL, q2).orElseThrow().amount()).isCloseTo(10, within(1e-9));
            assertThat(h.stream()).filteredOn(t -> t.kind() == IntervalTotal.Kind.POINT && t.period() == Period.INTERVAL)
                    .allSatisfy(t -> assertThat(t.amount()).isGreaterThanOrEqualTo(0));
        }
    }

    @Test
    void aMonthBoundaryAtLocalMidnight() throws Exception {
        Instant midnight = local("2026-04-01T00:00");   // 2026-03-31T16:00Z
        try (AccountingHarness h = harness(accounting(), local("2026-03-31T23:50"))) {
            h.poll("meter", local("2026-03-31T23:50"), imp(local("2026-03-31T23:50"), 1000));
            h.poll("meter", local("2026-04-01T00:10"), imp(local("2026-04-01T00:10"), 1020));
            h.at(local("2026-05-01T00:03"));

            assertThat(h.latest("meter", "import_kwh", Period.DAY, local("2026-03-31T00:00")).orElseThrow().amount())
                    .isCloseTo(10, within(1e-9));
            assertThat(h.latest("meter", "import_kwh", Period.DAY, midnight).orElseThrow().amount()).isCloseTo(10, within(1e-9));
            IntervalTotal march = h.latest("meter", "import_kwh", Period.MONTH, local("2026-03-01T00:00")).orElseThrow();
            assertThat(march.amount()).isCloseTo(10, within(1e-9));
            assertThat(march.length()).isEqualTo(Duration.ofDays(31));
            IntervalTotal april = h.latest("meter", "import_kwh", Period.MONTH, midnight).orElseThrow();
            assertThat(april.amount()).isCloseTo(10, within(1e-9));
            assertThat(april.intervalStart()).isEqualTo(Instant.parse("2026-03-31T16:00:00Z"));
        }
    }

    @Test
    void pvExportAboveGenerationForAMomentNeverMakesSelfConsumptionNegative() throws Exception {
        Instant day = local("2026-03-01T12:00");
        Instant q1 = day.plus(Duration.ofMinutes(15));
        Instant q2 = day.plus(Duration.ofMinutes(30));
        try (AccountingHarness h = harness(accounting(), day)) {
            h.poll("pv", day, Sample.good("yield_kwh", day, 500));
            h.poll("meter", day, imp(day, 1000), Sample.good("export_kwh", day, 40));
            h.poll("pv", q1, Sample.good("yield_kwh", q1, 510));                    // +10
            h.poll("meter", q1, imp(q1, 1100), Sample.good("export_kwh", q1, 44));  // import +100, export +4
            h.poll("pv", q2, Sample.good("yield_kwh", q2, 512));                    // +2
            h.poll("meter", q2, imp(q2, 1100), Sample.good("export_kwh", q2, 47));  // export +3 > generation
            h.at(local("2026-03-02T00:02"));

            assertThat(h.site("pv-self-consumption", Period.INTERVAL, day).orElseThrow()).isCloseTo(6, within(1e-9));
            assertThat(h.site("pv-self-consumption", Period.INTERVAL, q1).orElseThrow()).isZero();
            assertThat(h.site("pv-self-consumption", Period.DAY, local("2026-03-01T00:00")).orElseThrow())
                    .isCloseTo(12 - 7, within(1e-9));
            // first quarter: 100 kWh bought (12.29 kgce), 6 kWh of own PV (0.7374 kgce)
            assertThat(h.site("renewable-share", Period.INTERVAL, day).orElseThrow())
                    .isCloseTo(0.7374 / (12.29 + 0.7374), within(1e-9));
            assertThat(h.site("kgce", Period.INTERVAL, day).orElseThrow()).isCloseTo(12.29, within(1e-9));
            assertThat(h.site("pv-generation", Period.DAY, local("2026-03-01T00:00")).orElseThrow()).isCloseTo(12, within(1e-9));
        }
    }

    @Test
    void naturalGasWithTheSuppliersNcv() throws Exception {
        AccountingConfig withNcv = new AccountingConfig(Duration.ofMinutes(15), SHANGHAI, Duration.ofMinutes(2), 0.1229,
                new GridFactor("mee-2022-national", 0.5366), Map.of(Carrier.NATURAL_GAS, 38_931.0), Map.of(), Map.of(),
                0.84, 0);
        Instant day = local("2026-03-01T08:00");
        try (AccountingHarness h = harness(withNcv, day)) {
            h.poll("boiler", day, Sample.good("gas_m3", day, 5000));
            h.poll("boiler", day.plus(Duration.ofMinutes(15)), Sample.good("gas_m3", day.plus(Duration.ofMinutes(15)), 5100));
            h.at(day.plus(Duration.ofMinutes(20)));

            IntervalTotal gas = h.latest("boiler", "gas_m3", Period.INTERVAL, day).orElseThrow();
            assertThat(gas.amount()).isCloseTo(100, within(1e-9));
            assertThat(gas.kgce()).isCloseTo(100 * 38_931 / 29_307.0, within(1e-9));   // 132.838 kgce
            assertThat(gas.kgCo2()).isCloseTo(216.22, within(1e-9));
            assertThat(gas.factor().source()).isEqualTo("ncv=38931kJ/m3;dom-fuel-co2");
            assertThat(h.site("natural-gas", Period.INTERVAL, day).orElseThrow()).isCloseTo(100, within(1e-9));
        }
    }
}
