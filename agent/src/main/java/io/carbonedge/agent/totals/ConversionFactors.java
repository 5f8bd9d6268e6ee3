package io.carbonedge.agent.totals;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Standard coal equivalent and CO2 per unit of each carrier (the unit is {@link Carrier#unit()}).
 * Defaults from GB/T 2589-2020 Appendix A and the national fuel factors in ../shared/DOMAIN.md;
 * each can be replaced from {@code agent.yaml} ({@link #with}). Generation and export counters
 * (PV, waste heat, export) carry no fuel and no emission at this site.
 */
public final class ConversionFactors {

    /** kJ of net calorific value in one kgce (GB/T 2589-2020). */
    public static final double KJ_PER_KGCE = 29_307;
    /** Calorific-equivalent coefficient of electricity, kgce/kWh. */
    public static final double ELECTRICITY_CALORIFIC = 0.1229;
    /** Purchased heat, kgCO2/GJ (national default 0.11 tCO2/GJ). */
    public static final double HEAT_KGCO2_PER_GJ = 110;
    /** Heat in a tonne of low-pressure steam used for its CO2, GJ/t (verify per site). */
    public static final double STEAM_GJ_PER_T = 2.76;

    private static final String STANDARD = "gb2589-2020";
    private static final String FUEL_CO2 = "dom-fuel-co2";

    private final Map<Carrier, Factor> byCarrier = new EnumMap<>(Carrier.class);

    /**
     * The defaults, with electricity's coal coefficient and grid factor given.
     *
     * @param electricityKgcePerKwh 0.1229 calorific equivalent, or the year's equal-value coefficient
     * @param gridKgCo2PerKwh       location-based grid factor
     * @param gridFactorName        its name ({@code mee-2022-national}) or {@code explicit}
     */
    public ConversionFactors(double electricityKgcePerKwh, double gridKgCo2PerKwh, String gridFactorName) {
        String electricityBasis = electricityKgcePerKwh == ELECTRICITY_CALORIFIC ? "calorific-equivalent" : "equal-value";
        byCarrier.put(Carrier.ELECTRICITY_IMPORT, new Factor(electricityKgcePerKwh, gridKgCo2PerKwh,
                STANDARD + ":" + electricityBasis + ";" + gridFactorName));
        byCarrier.put(Carrier.ELECTRICITY_EXPORT, new Factor(0, 0, "none"));
        byCarrier.put(Carrier.PV_GENERATION, new Factor(0, 0, "none"));
        byCarrier.put(Carrier.WASTE_HEAT_GENERATION, new Factor(0, 0, "none"));
        byCarrier.put(Carrier.NATURAL_GAS, new Factor(1.2143, 2.1622, STANDARD + ":gas-field;" + FUEL_CO2));
        byCarrier.put(Carrier.COAL, new Factor(0.7143, 1.9003, STANDARD + ":raw-coal;" + FUEL_CO2));
        byCarrier.put(Carrier.DIESEL, new Factor(1.4571, 3.0959, STANDARD + ";" + FUEL_CO2));
        byCarrier.put(Carrier.STEAM, new Factor(128.6, HEAT_KGCO2_PER_GJ * STEAM_GJ_PER_T,
                STANDARD + ":low-pressure-steam;heat-0.11t/GJ*2.76GJ/t"));
        byCarrier.put(Carrier.HEAT, new Factor(34.12, HEAT_KGCO2_PER_GJ, STANDARD + ";heat-0.11t/GJ"));
        byCarrier.put(Carrier.WATER, new Factor(0, 0, "none"));
    }

    /** Defaults with the calorific equivalent for electricity. */
    public ConversionFactors(double gridKgCo2PerKwh, String gridFactorName) {
        this(ELECTRICITY_CALORIFIC, gridKgCo2PerKwh, gridFactorName);
    }

    /** Replaces one carrier's factor. */
    public ConversionFactors with(Carrier carrier, Factor factor) {
        byCarrier.put(carrier, factor);
        return this;
    }

    /**
     * Uses the supplier's net calorific value for a fuel: kgce = NCV / 29 307; CO2 stays as set.
     *
     * @param kjPerUnit kJ per m3 (gas) or per kg (coal, diesel)
     */
    public ConversionFactors withNcv(Carrier carrier, double kjPerUnit) {
        Factor f = byCarrier.get(carrier);
        String co2Source = f.source().contains(";") ? f.source().substring(f.source().indexOf(';') + 1) : f.source();
        byCarrier.put(carrier, new Factor(kjPerUnit / KJ_PER_KGCE, f.kgCo2PerUnit(),
                "ncv=" + stripZeros(kjPerUnit) + "kJ/" + carrier.unit() + ";" + co2Source));
        return this;
    }

    private static String stripZeros(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    public Factor of(Carrier carrier) {
        return byCarrier.get(carrier);
    }

    /** Every factor, for reports. */
    public Map<Carrier, Factor> all() {
        return Collections.unmodifiableMap(byCarrier);
    }

    public double kgce(Carrier carrier, double amount) {
        return amount * byCarrier.get(carrier).kgcePerUnit();
    }

    public double kgCo2(Carrier carrier, double amount) {
        return amount * byCarrier.get(carrier).kgCo2PerUnit();
    }
}
