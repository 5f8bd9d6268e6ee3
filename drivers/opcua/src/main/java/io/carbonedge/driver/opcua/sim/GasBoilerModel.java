package io.carbonedge.driver.opcua.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;

/**
 * A gas-fired steam boiler. Steam demand follows the working day (low at night, two production
 * peaks) with slow noise; gas flow follows steam at about 78 m3 of natural gas per tonne of steam
 * (roughly 90% efficiency); the flue gas runs hotter at high load. The counters integrate the
 * flows over time and never go backwards. State: 0 off, 1 standby (low fire), 2 firing.
 */
public final class GasBoilerModel implements DeviceModel {

    private static final double GAS_PER_STEAM = 78.0;
    private static final double MAX_STEAM = 10.0;

    private final String folder;
    private final ZoneId zone;
    private final Random random;
    private double gasCounter = 1_482_315.0;
    private double steamCounter = 18_940.0;
    private double drift;
    private Instant last;

    /** A boiler named {@code Boiler1} in Asia/Shanghai local time. */
    public GasBoilerModel() {
        this("Boiler1", ZoneId.of("Asia/Shanghai"), 7L);
    }

    public GasBoilerModel(String folder, ZoneId zone, long seed) {
        this.folder = folder;
        this.zone = zone;
        this.random = new Random(seed);
    }

    @Override
    public String folder() {
        return folder;
    }

    @Override
    public List<SimulatedValue> variables() {
        return List.of(
                new SimulatedValue("GasFlow", "m3/h", 0, 1000),
                new SimulatedValue("GasCounter", "m3", 0, 1e9),
                new SimulatedValue("SteamFlow", "t/h", 0, 12),
                new SimulatedValue("SteamCounter", "t", 0, 1e8),
                new SimulatedValue("FlueGasTemperature", "degC", 0, 300),
                new SimulatedValue("State", "", 0, 2));
    }

    @Override
    public synchronized double[] advance(Instant now) {
        double steam = steamFlow(now);
        if (last != null && now.isAfter(last)) {
            double hours = Duration.between(last, now).toNanos() / 3.6e12;
            steamCounter += steam * hours;
            gasCounter += steam * GAS_PER_STEAM * hours;
        }
        last = now;
        double gas = steam * GAS_PER_STEAM;
        double flue = steam <= 0 ? 40 : 115 + 6.5 * steam + random.nextGaussian();
        double state = steam <= 0 ? 0 : steam < 1.5 ? 1 : 2;
        return new double[] {gas, gasCounter, steam, steamCounter, flue, state};
    }

    private double steamFlow(Instant now) {
        double hour = now.atZone(zone).toLocalTime().toSecondOfDay() / 3600.0;
        double day = 0.5 + 0.5 * Math.sin((hour - 8) / 24 * 2 * Math.PI);
        double peaks = 0.25 * Math.exp(-Math.pow(hour - 10, 2) / 2) + 0.2 * Math.exp(-Math.pow(hour - 15, 2) / 2);
        drift = 0.9 * drift + 0.1 * random.nextGaussian() * 0.05;
        double load = Math.max(0.12, Math.min(1, 0.2 + 0.6 * day + peaks + drift));
        return load * MAX_STEAM;
    }
}
