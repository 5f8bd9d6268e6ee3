package io.carbonedge.driver.modbus.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.carbonedge.driver.modbus.DataType;
import io.carbonedge.driver.modbus.Table;
import io.carbonedge.driver.modbus.WordOrder;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PvInverterModelTest {

    /** 21 June 2025, 00:00 in Shanghai. */
    private static final Instant MIDSUMMER_MIDNIGHT = Instant.parse("2025-06-20T16:00:00Z");

    private final RegisterBank bank = new RegisterBank();

    private double powerW() {
        return bank.get(Table.HOLDING, PvInverterModel.ACTIVE_POWER, DataType.INT32, WordOrder.ABCD);
    }

    private double registerKwh(int register) {
        return bank.get(Table.HOLDING, register, DataType.UINT32, WordOrder.ABCD) * 0.01;
    }

    @Test
    void theYieldIsThePowerIntegratedOverADay() {
        MutableClock clock = new MutableClock(MIDSUMMER_MIDNIGHT);
        PvInverterModel inverter = new PvInverterModel(bank, clock);
        double startTotal = registerKwh(PvInverterModel.TOTAL_YIELD);
        assertThat(registerKwh(PvInverterModel.DAILY_YIELD)).isZero();
        double previousPower = powerW();
        double previousTotal = startTotal;
        double integratedKwh = 0;
        double peakW = 0;
        Duration step = Duration.ofSeconds(30);

        for (int i = 0; i < 24 * 120 - 1; i++) { // until 23:59:30
            clock.advance(step);
            inverter.update();
            double power = powerW();
            integratedKwh += (previousPower + power) / 2 / 1000 * step.toSeconds() / 3600.0;
            double total = registerKwh(PvInverterModel.TOTAL_YIELD);
            assertThat(total).as("never backwards").isGreaterThanOrEqualTo(previousTotal);
            assertThat(power).isBetween(0.0, 100_000.0);
            peakW = Math.max(peakW, power);
            previousPower = power;
            previousTotal = total;
        }

        assertThat(registerKwh(PvInverterModel.TOTAL_YIELD) - startTotal)
                .isCloseTo(integratedKwh, within(0.02 + integratedKwh * 1e-4));
        assertThat(registerKwh(PvInverterModel.DAILY_YIELD)).isCloseTo(integratedKwh, within(0.02 + integratedKwh * 1e-4));
        assertThat(peakW).as("a clear-ish summer noon on 100 kW").isBetween(30_000.0, 95_000.0);
        assertThat(integratedKwh).as("a summer day on 100 kW").isBetween(150.0, 700.0);
    }

    @Test
    void itIsDarkAtNightAndTheDailyYieldStartsAgainAtMidnight() {
        MutableClock clock = new MutableClock(MIDSUMMER_MIDNIGHT.plus(Duration.ofHours(15)));
        PvInverterModel inverter = new PvInverterModel(bank, clock);
        assertThat(powerW()).as("15:00").isPositive();
        assertThat(registerKwh(PvInverterModel.DAILY_YIELD)).as("what the morning made").isGreaterThan(100);

        clock.advance(Duration.ofHours(7)); // 22:00
        inverter.update();
        assertThat(powerW()).isZero();
        double totalAtNight = registerKwh(PvInverterModel.TOTAL_YIELD);

        clock.advance(Duration.ofHours(4)); // 02:00 next day
        inverter.update();
        assertThat(powerW()).isZero();
        assertThat(registerKwh(PvInverterModel.DAILY_YIELD)).isZero();
        assertThat(registerKwh(PvInverterModel.TOTAL_YIELD)).isEqualTo(totalAtNight);
    }
}
