package io.carbonedge.agent.totals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Float32 resolution, gauge integration and property tests over random series with rollovers and late samples. */
class CounterSeriesTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final Duration POLL = Duration.ofSeconds(10);

    private final Map<CounterAccountant.OpenKey, CounterAccountant.OpenAmount> closedSoFar = new HashMap<>();

    private CounterAccountant accountant(AccountedPoint... points) {
        return new CounterAccountant(new IntervalGrid(Duration.ofMinutes(15), ZoneId.of("Asia/Shanghai")),
                Duration.ofMinutes(2), List.of(points), Map.of(), (key, length) -> Optional.ofNullable(closedSoFar.get(key)));
    }

    /** Latest revision per interval of every close so far, as the platform would keep it. */
    private final Map<Instant, Double> latest = new HashMap<>();

    private Map<Instant, Double> close(CounterAccountant a, Instant now) {
        for (ClosedInterval c : a.closeDue(now)) {
            closedSoFar.put(new CounterAccountant.OpenKey(c.point(), c.start()),
                    new CounterAccountant.OpenAmount(c.amount(), c.revision()));
            latest.put(c.start(), c.amount());
        }
        return latest;
    }

    private static AccountedPoint counter(double rollover, double maxRate) {
        return new AccountedPoint(1, "m", Carrier.ELECTRICITY_IMPORT, AccountedPoint.Source.COUNTER, 1, rollover, maxRate, POLL);
    }

    @Test
    void float32CountersAbove2To24JitterWithinOneUlpWithoutResets() {
        CounterAccountant a = accountant(counter(Double.NaN, 1000));
        double base = 20_000_000;               // float32 ulp here is 2 kWh
        float[] readings = {(float) base, (float) (base + 1.9), (float) (base - 0.5), (float) (base + 4.1),
            (float) (base + 3.9), (float) (base + 8)};
        for (int i = 0; i < readings.length; i++) {
            a.accept(1, T0.plusSeconds(60L * i), readings[i]);
        }
        List<ClosedInterval> closed = a.closeDue(T0.plus(Duration.ofHours(1)));
        CounterAccountant.Changes changes = a.drainChanges();
        assertThat(changes.events()).isEmpty();
        assertThat(closed.stream().mapToDouble(ClosedInterval::amount).sum())
                .isCloseTo((double) readings[readings.length - 1] - readings[0], within(1e-9));
        assertThat(CounterStep.resolution(base)).isEqualTo(2.0);
    }

    @Test
    void aDropOfMoreThanOneUlpIsStillAReset() {
        assertThat(CounterStep.classify(20_000_000, 20_000_000 - 4, 0.01, Double.NaN, Double.NaN).kind())
                .isEqualTo(CounterStep.Kind.RESET);
        assertThat(CounterStep.classify(20_000_000, 20_000_000 - 2, 0.01, Double.NaN, Double.NaN).kind())
                .isEqualTo(CounterStep.Kind.JITTER);
    }

    @Test
    void aRolloverTooFastForTheDeviceIsAReset() {
        double r = 42_949_672.96;
        assertThat(CounterStep.classify(r - 10, 5, 1.0 / 60, r, 1000).kind()).isEqualTo(CounterStep.Kind.ROLLOVER);
        // 15 kWh in one minute needs 900 kW; 1.2 x 500 kW allows 10 kWh
        assertThat(CounterStep.classify(r - 10, 5, 1.0 / 60, r, 500).kind()).isEqualTo(CounterStep.Kind.RESET);
        assertThat(CounterStep.classify(r / 2, 5, 1, r, Double.NaN).kind()).isEqualTo(CounterStep.Kind.RESET);
    }

    @Test
    void gaugesIntegrateByTrapezoidsButNeverAcrossAGapOfMoreThanThreePolls() {
        AccountedPoint power = new AccountedPoint(2, "m", Carrier.ELECTRICITY_IMPORT, AccountedPoint.Source.GAUGE, 1,
                Double.NaN, Double.NaN, POLL);
        CounterAccountant a = accountant(power);
        a.accept(2, T0, 10);                     // kW
        a.accept(2, T0.plusSeconds(10), 20);     // (10+20)/2 kW x 10 s = 150 kJ = 1/24 kWh
        a.accept(2, T0.plusSeconds(40), 20);     // 30 s = 3 polls: still integrated, 20 kW x 30 s = 1/6 kWh
        a.accept(2, T0.plusSeconds(81), 40);     // 41 s gap: skipped
        a.accept(2, T0.plusSeconds(91), -5);     // export counts as 0: (40+0)/2 x 10 s = 1/18 kWh
        List<ClosedInterval> closed = a.closeDue(T0.plus(Duration.ofHours(1)));
        assertThat(closed).singleElement().satisfies(c -> {
            assertThat(c.amount()).isCloseTo(1.0 / 24 + 1.0 / 6 + 1.0 / 18, within(1e-12));
            assertThat(c.estimated()).isTrue();
        });
    }

    /** Any series with rollovers, split into intervals any way, adds up to the true increase; nothing negative. */
    @ParameterizedTest
    @ValueSource(longs = {1, 7, 42, 2024, 31337, 99991})
    void intervalsAddUpToTheTrueIncreaseAcrossRollovers(long seed) {
        Random random = new Random(seed);
        double modulus = 1_000_000;
        double maxRate = 600;                              // kWh per hour
        CounterAccountant a = accountant(counter(modulus, maxRate));
        Instant t = T0.plusMillis(random.nextInt(3_600_000));
        double value = modulus - random.nextDouble() * 5_000;
        double increase = 0;
        a.accept(1, t, value);
        for (int i = 0; i < 800; i++) {
            Duration step = Duration.ofMillis(1000 + random.nextInt(30 * 60_000));
            double delta = random.nextDouble() * maxRate * step.toMillis() / 3_600_000.0;
            t = t.plus(step);
            increase += delta;
            value = (value + delta) % modulus;
            a.accept(1, t, value);
            if (random.nextInt(10) == 0) {
                close(a, t);
            }
        }
        Map<Instant, Double> intervals = close(a, t.plus(Duration.ofDays(1)));
        assertThat(intervals.values()).allSatisfy(v -> assertThat(v).isGreaterThanOrEqualTo(0));
        assertThat(intervals.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(increase, within(1e-6 * increase));
        assertThat(a.drainChanges().events()).allSatisfy(e -> assertThat(e.kind()).isEqualTo(CounterEvent.Kind.ROLLOVER));
    }

    /** A device replaying its log after an outage, in any order: the total is kept and each reading lands in its interval. */
    @ParameterizedTest
    @ValueSource(longs = {3, 11, 123, 4567})
    void lateReadingsReSplitTheSpanWithoutChangingTheTotal(long seed) {
        Random random = new Random(seed);
        CounterAccountant a = accountant(counter(Double.NaN, Double.NaN));
        List<Instant> times = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        double v = 1000;
        for (int i = 0; i <= 40; i++) {
            times.add(T0.plus(Duration.ofMinutes(5L * i)));
            values.add(v);
            v += random.nextDouble() * 20;
        }
        a.accept(1, times.get(0), values.get(0));
        a.accept(1, times.get(40), values.get(40));   // back online: one span over the outage
        close(a, times.get(40));
        List<Integer> log = new ArrayList<>();
        for (int i = 1; i < 40; i++) {
            log.add(i);
        }
        if (seed % 2 == 1) {
            Collections.shuffle(log, random);         // out of order: older than the anchor adds nothing
        }
        log.forEach(i -> a.accept(1, times.get(i), values.get(i)));
        Map<Instant, Double> intervals = close(a, times.get(40).plus(Duration.ofDays(1)));
        double total = values.get(40) - values.get(0);
        assertThat(intervals.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(total, within(1e-9 * total));
        assertThat(intervals.values()).allSatisfy(x -> assertThat(x).isGreaterThanOrEqualTo(-1e-9));
        if (seed % 2 == 0) {                           // in order: every quarter-hour gets exactly what it used
            for (int q = 0; q < 13; q++) {
                double expected = values.get(3 * q + 3) - values.get(3 * q);
                assertThat(intervals.get(new IntervalGrid(Duration.ofMinutes(15), ZoneId.of("Asia/Shanghai"))
                        .startOf(times.get(3 * q)))).isCloseTo(expected, within(1e-9));
            }
        }
    }
}
