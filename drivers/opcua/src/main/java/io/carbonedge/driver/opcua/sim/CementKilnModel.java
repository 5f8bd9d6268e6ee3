package io.carbonedge.driver.opcua.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * A 2,500 t/d cement kiln line: clinker output around 104 t/h, coal feed at about 0.13 t per
 * tonne of clinker, kiln drive power rising with the feed, and a waste-heat recovery generator
 * making about 32 kWh per tonne of clinker. Feed rate wanders slowly around its set point; the
 * coal and energy counters integrate the flows.
 */
public final class CementKilnModel implements DeviceModel {

    private static final double CLINKER_SET_POINT = 104.0;
    private static final double COAL_PER_CLINKER = 0.13;
    private static final double WHR_KWH_PER_CLINKER = 32.0;

    private final String folder;
    private final Random random;
    private double coalCounter = 96_530.0;
    private double energyCounter = 12_845_000.0;
    private double wander;
    private Instant last;

    /** A kiln named {@code Kiln1}. */
    public CementKilnModel() {
        this("Kiln1", 11L);
    }

    public CementKilnModel(String folder, long seed) {
        this.folder = folder;
        this.random = new Random(seed);
    }

    @Override
    public String folder() {
        return folder;
    }

    @Override
    public List<SimulatedValue> variables() {
        return List.of(
                new SimulatedValue("CoalFeed", "t/h", 0, 30),
                new SimulatedValue("CoalCounter", "t", 0, 1e9),
                new SimulatedValue("ClinkerOutput", "t/h", 0, 150),
                new SimulatedValue("KilnDrivePower", "kW", 0, 800),
                new SimulatedValue("WhrGeneratorEnergy", "kWh", 0, 1e10));
    }

    @Override
    public synchronized double[] advance(Instant now) {
        wander = 0.98 * wander + 0.02 * random.nextGaussian() * 4;
        double clinker = Math.max(60, CLINKER_SET_POINT + wander + random.nextGaussian() * 0.5);
        double coal = clinker * COAL_PER_CLINKER * (1 + random.nextGaussian() * 0.01);
        double whrKw = clinker * WHR_KWH_PER_CLINKER;
        if (last != null && now.isAfter(last)) {
            double hours = Duration.between(last, now).toNanos() / 3.6e12;
            coalCounter += coal * hours;
            energyCounter += whrKw * hours;
        }
        last = now;
        double drive = 180 + 2.6 * clinker + random.nextGaussian() * 3;
        return new double[] {coal, coalCounter, clinker, drive, energyCounter};
    }
}
