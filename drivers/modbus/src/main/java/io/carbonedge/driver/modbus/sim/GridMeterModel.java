package io.carbonedge.driver.modbus.sim;

import io.carbonedge.driver.modbus.DataType;
import io.carbonedge.driver.modbus.Table;
import io.carbonedge.driver.modbus.WordOrder;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A factory's grid incomer meter, with the holding-register layout of an Acrel ADL400:
 * 0x0000 total active energy, 0x000A forward (import), 0x0014 reverse (export), each U32 in
 * 0.01 kWh, and 0x016A total active power, I32 in 0.001 kW (watts); all big-endian.
 *
 * <p>The load is a base load plus two day shifts on Monday to Saturday (08:00-12:00,
 * 13:00-20:00 local time) with half-hour ramps and a few percent of noise. The energy counters
 * integrate the power over simulated time and never go backwards, even if the clock does.
 */
public final class GridMeterModel {

    public static final int TOTAL_ENERGY = 0x0000;
    public static final int IMPORT_ENERGY = 0x000A;
    public static final int EXPORT_ENERGY = 0x0014;
    public static final int TOTAL_POWER = 0x016A;

    private static final Logger log = LoggerFactory.getLogger(GridMeterModel.class);
    private static final double BASE_LOAD_KW = 180;
    private static final double SHIFT_LOAD_KW = 420;
    private static final double NOISE = 0.04;

    private final RegisterBank bank;
    private final SimulatedTime time;
    private final ZoneId zone;
    private final Random random;
    private double importKwh = 1_234_567.89;
    private double exportKwh = 1_520.35;
    private double powerKw;
    private Instant last;

    /** A meter in Asia/Shanghai local time. */
    public GridMeterModel(RegisterBank bank, Clock clock) {
        this(bank, clock, ZoneId.of("Asia/Shanghai"), 1L);
    }

    /**
     * @param zone the factory's local time, for its shifts
     * @param seed for the noise, so runs repeat
     */
    public GridMeterModel(RegisterBank bank, Clock clock, ZoneId zone, long seed) {
        this.bank = bank;
        this.time = new SimulatedTime(clock);
        this.zone = zone;
        this.random = new Random(seed);
        this.last = time.now();
        this.powerKw = loadKw(last);
        write();
    }

    /** Runs the meter's time {@code factor} times faster than the clock from now on. */
    public synchronized GridMeterModel speed(double factor) {
        update();
        time.speed(factor);
        return this;
    }

    /** Updates the registers every {@code step} until the returned future is cancelled. */
    public ScheduledFuture<?> start(ScheduledExecutorService executor, Duration step) {
        return executor.scheduleAtFixedRate(this::updateQuietly, 0, step.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Advances to the current (simulated) time: new power, energy integrated since the last update. */
    public synchronized void update() {
        Instant now = time.now();
        double newPowerKw = loadKw(now);
        double hours = SimulatedTime.hoursBetween(last, now);
        if (hours > 0) {
            importKwh += (powerKw + newPowerKw) / 2 * hours;
        }
        powerKw = newPowerKw;
        last = now;
        write();
    }

    /** The import counter in kWh, before the register's 0.01 kWh resolution. */
    public synchronized double importKwh() {
        return importKwh;
    }

    private void updateQuietly() {
        try {
            update();
        } catch (RuntimeException e) {
            log.warn("Grid meter model update failed", e);
        }
    }

    private void write() {
        bank.set(Table.HOLDING, TOTAL_ENERGY, DataType.UINT32, WordOrder.ABCD, Math.floor((importKwh + exportKwh) * 100));
        bank.set(Table.HOLDING, IMPORT_ENERGY, DataType.UINT32, WordOrder.ABCD, Math.floor(importKwh * 100));
        bank.set(Table.HOLDING, EXPORT_ENERGY, DataType.UINT32, WordOrder.ABCD, Math.floor(exportKwh * 100));
        bank.set(Table.HOLDING, TOTAL_POWER, DataType.INT32, WordOrder.ABCD, Math.round(powerKw * 1000));
    }

    private double loadKw(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        double shift = local.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : shiftFactor(local.toLocalTime());
        double noise = 1 + NOISE * (2 * random.nextDouble() - 1);
        return (BASE_LOAD_KW + SHIFT_LOAD_KW * shift) * noise;
    }

    /** 1 while a shift works, 0 outside, with half-hour linear ramps. */
    private static double shiftFactor(LocalTime localTime) {
        double hour = localTime.toSecondOfDay() / 3600.0;
        return Math.max(ramp(hour, 8, 12), ramp(hour, 13, 20));
    }

    private static double ramp(double hour, double start, double end) {
        double up = (hour - start) / 0.5;
        double down = (end - hour) / 0.5;
        return Math.max(0, Math.min(1, Math.min(up, down)));
    }
}
