package io.carbonedge.agent.totals;

import java.util.EnumMap;
import java.util.Map;

/**
 * Standard coal equivalent and CO2 per unit of each carrier (the unit is {@link Carrier#unit()}).
 * Defaults from GB/T 2589-2020 Appendix A and the national fuel factors in ../shared/DOMAIN.md;
 * electricity's coal factor and the grid CO2 factor come from {@code agent.yaml}.
 *
 * <p>Generation and export counters (PV, waste heat, export) are accounted as amounts only: they
 * consume no fuel and emit nothing at this site.
 */
public final class ConversionFactors {

    private final Map<Carrier, double[]> byCarrier = new EnumMap<>(Carrier.class);

    /**
     * @param electricityKgcePerKwh 0.1229 calorific equivalent, or the year's equal-value coefficient
     * @param gridKgCo2PerKwh       location-based grid factor
     */
    public ConversionFactors(double electricityKgcePerKwh, double gridKgCo2PerKwh) {
        set(Carrier.ELECTRICITY_IMPORT, electricityKgcePerKwh, gridKgCo2PerKwh);
        set(Carrier.ELECTRICITY_EXPORT, 0, 0);
        set(Carrier.PV_GENERATION, 0, 0);
        set(Carrier.WASTE_HEAT_GENERATION, 0, 0);
        set(Carrier.NATURAL_GAS, 1.2143, 2.1622);   // kgce/m3 (gas field), kgCO2/m3
        set(Carrier.COAL, 0.7143, 1.9003);          // raw coal, per kg
        set(Carrier.DIESEL, 1.4571, 3.0959);        // per kg
        set(Carrier.STEAM, 128.6, 0);               // per t of low-pressure steam; CO2 via heat (verify)
        set(Carrier.HEAT, 34.12, 110.0);            // per GJ: 0.03412 kgce/MJ, 0.11 tCO2/GJ purchased heat
        set(Carrier.WATER, 0, 0);
    }

    private void set(Carrier carrier, double kgce, double kgCo2) {
        byCarrier.put(carrier, new double[] {kgce, kgCo2});
    }

    public double kgce(Carrier carrier, double amount) {
        return amount * byCarrier.get(carrier)[0];
    }

    public double kgCo2(Carrier carrier, double amount) {
        return amount * byCarrier.get(carrier)[1];
    }
}
