package io.carbonedge.driver.modbus.sim;

import io.carbonedge.driver.modbus.DataType;
import io.carbonedge.driver.modbus.RegisterCodec;
import io.carbonedge.driver.modbus.Table;
import io.carbonedge.driver.modbus.WordOrder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A rooftop PV inverter with the holding-register layout of a Huawei SUN2000: 32080 active
 * power I32 in W, 32106 total yield U32 in 0.01 kWh, 32114 daily yield U32 in 0.01 kWh; all
 * big-endian.
 *
 * <p>Power follows a daylight curve by local time and season (longer, stronger days in summer)
 * with slowly drifting cloud. Total yield integrates the power and never goes backwards; daily
 * yield does the same but starts again from zero at local midnight, as on the real inverter.
 */
public final class PvInverterModel {

    public static final int ACTIVE_POWER = 32080;
    public static final int TOTAL_YIELD = 32106;
    public static final int DAILY_YIELD = 32114;

    private static final Logger log = LoggerFactory.getLogger(PvInverterModel.class);
    private static final double RATED_W = 100_000;

    private final RegisterBank bank;
    private final SimulatedTime time;
    private final ZoneId zone;
    /** Register 30015, the serial number: 10 registers of ASCII. */
    public static final int SERIAL_NUMBER = 30015;
    /** The serial number the simulated inverter reports. */
    public static final String SERIAL = "SIM2000KTL0001";

    private final Random random;
    private double cloud = 0.9;
    private double totalKwh = 98_765.43;
    private double dailyKwh;
    private double powerW;
    private Instant last;
    private LocalDate day;

    /** An inverter in Asia/Shanghai local time. */
    public PvInverterModel(RegisterBank bank, Clock clock) {
        this(bank, clock, ZoneId.of("Asia/Shanghai"), 1L);
    }

    /**
     * @param zone the site's local time, for the sun
     * @param seed for the clouds, so runs repeat
     */
    public PvInverterModel(RegisterBank bank, Clock clock, ZoneId zone, long seed) {
        this.bank = bank;
        this.time = new SimulatedTime(clock);
        this.zone = zone;
        this.random = new Random(seed);
        this.last = time.now();
        this.day = last.atZone(zone).toLocalDate();
        this.dailyKwh = clearSkyKwhSinceMidnight(last);
        this.powerW = powerW(last);
        bank.setWords(Table.HOLDING, SERIAL_NUMBER, RegisterCodec.encodeText(WordOrder.ABCD, SERIAL, 10));
        write();
    }

    /** Runs the inverter's time {@code factor} times faster than the clock from now on. */
    public synchronized PvInverterModel speed(double factor) {
        update();
        time.speed(factor);
        return this;
    }

    /** Updates the registers every {@code step} until the returned future is cancelled. */
    public ScheduledFuture<?> start(ScheduledExecutorService executor, Duration step) {
        return executor.scheduleAtFixedRate(this::updateQuietly, 0, step.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Advances to the current (simulated) time: new power, yield integrated since the last update. */
    public synchronized void update() {
        Instant now = time.now();
        drift();
        double newPowerW = powerW(now);
        double hours = SimulatedTime.hoursBetween(last, now);
        if (hours > 0) {
            double kwh = (powerW + newPowerW) / 2 / 1000 * hours;
            totalKwh += kwh;
            LocalDate today = now.atZone(zone).toLocalDate();
            if (today.isAfter(day)) {
                day = today;
                dailyKwh = 0;
            } else {
                dailyKwh += kwh;
            }
        }
        powerW = newPowerW;
        last = now;
        write();
    }

    /** The total yield in kWh, before the register's 0.01 kWh resolution. */
    public synchronized double totalKwh() {
        return totalKwh;
    }

    private void updateQuietly() {
        try {
            update();
        } catch (RuntimeException e) {
            log.warn("PV inverter model update failed", e);
        }
    }

    private void write() {
        bank.set(Table.HOLDING, ACTIVE_POWER, DataType.INT32, WordOrder.ABCD, Math.round(powerW));
        bank.set(Table.HOLDING, TOTAL_YIELD, DataType.UINT32, WordOrder.ABCD, Math.floor(totalKwh * 100));
        bank.set(Table.HOLDING, DAILY_YIELD, DataType.UINT32, WordOrder.ABCD, Math.floor(dailyKwh * 100));
    }

    /** Clouds come and go: a bounded random walk between 0.3 and 1. */
    private void drift() {
        cloud = Math.max(0.3, Math.min(1.0, cloud + 0.03 * (2 * random.nextDouble() - 1)));
    }

    private double powerW(Instant at) {
        return RATED_W * clearSky(at) * cloud;
    }

    /** 0 at night, up to about 0.9 at a summer noon. */
    private double clearSky(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        double season = Math.sin(2 * Math.PI * (local.getDayOfYear() - 80) / 365.0); // +1 midsummer
        double dayLength = 12 + 2.2 * season;
        double sunrise = 12 - dayLength / 2;
        double hour = local.toLocalTime().toSecondOfDay() / 3600.0;
        double phase = (hour - sunrise) / dayLength;
        if (phase <= 0 || phase >= 1) {
            return 0;
        }
        double peak = 0.75 + 0.15 * season;
        return peak * Math.pow(Math.sin(Math.PI * phase), 1.5);
    }

    /** A plausible starting daily yield: the clear-sky energy from midnight until now. */
    private double clearSkyKwhSinceMidnight(Instant now) {
        Instant midnight = now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
        double kwh = 0;
        Duration step = Duration.ofMinutes(5);
        for (Instant t = midnight; t.isBefore(now); t = t.plus(step)) {
            kwh += RATED_W * 0.9 * clearSky(t) / 1000 * step.toSeconds() / 3600.0;
        }
        return kwh;
    }
}
