package io.carbonedge.driver.modbus.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.carbonedge.driver.modbus.DataType;
import io.carbonedge.driver.modbus.Table;
import io.carbonedge.driver.modbus.WordOrder;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GridMeterModelTest {

    /** Monday 2 June 2025, 06:00 in Shanghai. */
    private static final Instant MONDAY_6AM = Instant.parse("2025-06-01T22:00:00Z");

    private final RegisterBank bank = new RegisterBank();

    private double powerKw() {
        return bank.get(Table.HOLDING, GridMeterModel.TOTAL_POWER, DataType.INT32, WordOrder.ABCD) * 0.001;
    }

    private double registerKwh(int register) {
        return bank.get(Table.HOLDING, register, DataType.UINT32, WordOrder.ABCD) * 0.01;
    }

    @Test
    void theImportCounterIsThePowerIntegratedOverTime() {
        MutableClock clock = new MutableClock(MONDAY_6AM);
        GridMeterModel meter = new GridMeterModel(bank, clock);
        double startKwh = registerKwh(GridMeterModel.IMPORT_ENERGY);
        double previousPower = powerKw();
        double previousKwh = startKwh;
        double integratedKwh = 0;
        Duration step = Duration.ofSeconds(10);

        for (int i = 0; i < 4 * 360; i++) { // 4 hours, across the start of the morning shift
            clock.advance(step);
            meter.update();
            double power = powerKw();
            double kwh = registerKwh(GridMeterModel.IMPORT_ENERGY);
            integratedKwh += (previousPower + power) / 2 * step.toSeconds() / 3600.0;
            assertThat(kwh).as("never backwards").isGreaterThanOrEqualTo(previousKwh);
            assertThat(registerKwh(GridMeterModel.TOTAL_ENERGY)).isCloseTo(
                    kwh + registerKwh(GridMeterModel.EXPORT_ENERGY), within(0.011));
            previousPower = power;
            previousKwh = kwh;
        }

        double counted = registerKwh(GridMeterModel.IMPORT_ENERGY) - startKwh;
        assertThat(counted).isCloseTo(integratedKwh, within(0.02 + integratedKwh * 1e-4));
        assertThat(integratedKwh).as("180 kW for 2 h, then ramping to 600 kW").isBetween(1200.0, 1900.0);
    }

    @Test
    void loadFollowsTheShifts() {
        MutableClock clock = new MutableClock(MONDAY_6AM);
        GridMeterModel meter = new GridMeterModel(bank, clock);
        assertThat(powerKw()).as("06:00 base load").isBetween(170.0, 190.0);

        clock.advance(Duration.ofHours(4));
        meter.update();
        assertThat(powerKw()).as("10:00 shift").isBetween(570.0, 630.0);

        clock.advance(Duration.ofMinutes(150));
        meter.update();
        assertThat(powerKw()).as("12:30 lunch").isBetween(170.0, 190.0);
    }

    @Test
    void aClockThatStepsBackDoesNotTurnTheCounterBack() {
        MutableClock clock = new MutableClock(MONDAY_6AM);
        GridMeterModel meter = new GridMeterModel(bank, clock);
        clock.advance(Duration.ofHours(1));
        meter.update();
        double before = registerKwh(GridMeterModel.IMPORT_ENERGY);

        clock.advance(Duration.ofHours(-2));
        meter.update();
        assertThat(registerKwh(GridMeterModel.IMPORT_ENERGY)).isEqualTo(before);

        clock.advance(Duration.ofMinutes(1));
        meter.update();
        assertThat(registerKwh(GridMeterModel.IMPORT_ENERGY)).isGreaterThan(before);
    }

    @Test
    void atSixtyTimesSpeedAMinuteOfClockTimeCountsAnHourOfEnergy() {
        MutableClock clock = new MutableClock(MONDAY_6AM);
        GridMeterModel meter = new GridMeterModel(bank, clock).speed(60);
        double startKwh = meter.importKwh();
        double previousPower = powerKw();
        double integratedKwh = 0;

        for (int i = 0; i < 60; i++) {
            clock.advance(Duration.ofSeconds(1)); // one simulated minute
            meter.update();
            integratedKwh += (previousPower + powerKw()) / 2 / 60;
            previousPower = powerKw();
        }

        assertThat(meter.importKwh() - startKwh).isCloseTo(integratedKwh, within(0.01));
        assertThat(integratedKwh).as("an hour of 180 kW base load").isBetween(170.0, 190.0);
    }
}
