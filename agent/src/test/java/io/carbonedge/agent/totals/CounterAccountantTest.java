package io.carbonedge.agent.totals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CounterAccountantTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z"); // 08:00 Shanghai
    private static final int METER = 1;

    /** What has closed, as the buffer would remember it: latest revision per interval. */
    private final Map<CounterAccountant.OpenKey, CounterAccountant.OpenAmount> closedSoFar = new HashMap<>();

    private final CounterAccountant accountant = accountant();

    private CounterAccountant accountant() {
        return new CounterAccountant(new IntervalGrid(Duration.ofMinutes(15), ZoneId.of("Asia/Shanghai")),
                Duration.ofMinutes(2), Map.of(METER, Carrier.ELECTRICITY_IMPORT),
                (key, length) -> Optional.ofNullable(closedSoFar.get(key)));
    }

    private List<ClosedInterval> close(Instant now) {
        List<ClosedInterval> closed = accountant.closeDue(now);
        closed.forEach(c -> closedSoFar.put(new CounterAccountant.OpenKey(c.point(), c.start()),
                new CounterAccountant.OpenAmount(c.amount(), c.revision())));
        return closed;
    }

    @Test
    void increaseAcrossABoundaryIsSplitInProportionToTime() {
        accountant.accept(METER, T0.plus(Duration.ofMinutes(10)), 1000.0);
        accountant.accept(METER, T0.plus(Duration.ofMinutes(20)), 1010.0); // 5 min in each interval

        List<ClosedInterval> closed = accountant.closeDue(T0.plus(Duration.ofMinutes(40)));

        assertThat(closed).extracting(ClosedInterval::start).containsExactly(T0, T0.plus(Duration.ofMinutes(15)));
        assertThat(closed.get(0).amount()).isCloseTo(5.0, within(1e-9));
        assertThat(closed.get(1).amount()).isCloseTo(5.0, within(1e-9));
        assertThat(closed).allMatch(c -> c.carrier() == Carrier.ELECTRICITY_IMPORT);
    }

    @Test
    void anIntervalClosesOnlyAfterItsGracePeriod() {
        accountant.accept(METER, T0.plusSeconds(60), 0);
        accountant.accept(METER, T0.plusSeconds(120), 2);

        assertThat(accountant.closeDue(T0.plus(Duration.ofMinutes(16)))).isEmpty();
        assertThat(accountant.closeDue(T0.plus(Duration.ofMinutes(17)))).hasSize(1);
    }

    @Test
    void aDecreaseCountsNothingAndStartsANewSegment() {
        accountant.accept(METER, T0.plusSeconds(60), 500);
        accountant.accept(METER, T0.plusSeconds(120), 3);   // meter replaced
        accountant.accept(METER, T0.plusSeconds(180), 5);

        List<ClosedInterval> closed = accountant.closeDue(T0.plus(Duration.ofHours(1)));
        assertThat(closed).singleElement().satisfies(c -> assertThat(c.amount()).isCloseTo(2.0, within(1e-9)));
    }

    @Test
    void readingsOlderThanTheLastAreIgnored() {
        accountant.accept(METER, T0.plusSeconds(120), 10);
        accountant.accept(METER, T0.plusSeconds(60), 5);
        accountant.accept(METER, T0.plusSeconds(180), 11);

        assertThat(accountant.closeDue(T0.plus(Duration.ofHours(1))))
                .singleElement().satisfies(c -> assertThat(c.amount()).isCloseTo(1.0, within(1e-9)));
    }

    @Test
    void energyThatLandsInAClosedIntervalRevisesIt() {
        accountant.accept(METER, T0.plusSeconds(60), 100);
        accountant.accept(METER, T0.plusSeconds(120), 101);
        assertThat(close(T0.plus(Duration.ofMinutes(20)))).singleElement()
                .satisfies(c -> assertThat(c.revision()).isZero());

        // the meter was unreachable for a while: its next reading spans the closed interval
        accountant.accept(METER, T0.plus(Duration.ofMinutes(22)), 121);   // 20 kWh over 20 min: 13 min in the first interval

        List<ClosedInterval> revised = close(T0.plus(Duration.ofHours(1)));
        assertThat(revised).hasSize(2);
        assertThat(revised.get(0).start()).isEqualTo(T0);
        assertThat(revised.get(0).revision()).isEqualTo(1);
        assertThat(revised.get(0).amount()).isCloseTo(1 + 20.0 * 13 / 20, within(1e-9));
        assertThat(revised.get(1).start()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
        assertThat(revised.get(1).revision()).isZero();
        assertThat(revised.get(1).amount()).isCloseTo(20.0 * 7 / 20, within(1e-9));
    }

    @Test
    void aReadingThatAddsNothingToAClosedIntervalDoesNotRevise() {
        accountant.accept(METER, T0.plusSeconds(60), 100);
        accountant.accept(METER, T0.plusSeconds(120), 101);
        close(T0.plus(Duration.ofMinutes(20)));
        accountant.accept(METER, T0.plus(Duration.ofMinutes(22)), 101);
        assertThat(close(T0.plus(Duration.ofHours(1)))).extracting(ClosedInterval::revision).containsOnly(0);
    }

    @Test
    void pointsWithoutACarrierAreNotAccounted() {
        accountant.accept(7, T0.plusSeconds(60), 1);
        accountant.accept(7, T0.plusSeconds(120), 2);
        assertThat(accountant.closeDue(T0.plus(Duration.ofHours(1)))).isEmpty();
    }

    @Test
    void stateSurvivesARestoreFromItsChanges() {
        accountant.accept(METER, T0.plusSeconds(60), 100);
        accountant.accept(METER, T0.plusSeconds(120), 104);
        CounterAccountant.Changes saved = accountant.drainChanges();

        CounterAccountant restarted = accountant();
        restarted.restore(saved.counters(), saved.openAmounts());
        restarted.accept(METER, T0.plusSeconds(180), 110);

        assertThat(restarted.closeDue(T0.plus(Duration.ofHours(1))))
                .singleElement().satisfies(c -> assertThat(c.amount()).isCloseTo(10.0, within(1e-9)));
    }

    /** For any series and any spacing, interval amounts add up to the counter's increase and are never negative. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 1234, 99991})
    void intervalAmountsAddUpToTheIncrease(long seed) {
        Random random = new Random(seed);
        Instant t = T0.plusMillis(random.nextInt(3_600_000));
        double value = random.nextDouble() * 1e6;
        double first = value;
        for (int i = 0; i < 500; i++) {
            accountant.accept(METER, t, value);
            t = t.plusMillis(1 + random.nextInt(20 * 60_000));
            value += random.nextDouble() * 50;
        }
        double increase = value - first;
        accountant.accept(METER, t, value);

        List<ClosedInterval> closed = accountant.closeDue(t.plus(Duration.ofDays(1)));

        assertThat(closed).allSatisfy(c -> assertThat(c.amount()).isGreaterThanOrEqualTo(0));
        assertThat(closed.stream().mapToDouble(ClosedInterval::amount).sum()).isCloseTo(increase, within(1e-6 * increase));
        assertThat(closed).extracting(ClosedInterval::start).isSorted().doesNotHaveDuplicates();
    }
}
