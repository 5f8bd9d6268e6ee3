package io.carbonedge.agent.totals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The grid electricity CO2 factors a site can choose by name, in kgCO2/kWh, location-based.
 *
 * <p>Source: the Ministry of Ecology and Environment (MEE) and National Bureau of Statistics
 * announcements of electricity CO2 emission factors: data year 2022 published December 2024,
 * data year 2023 published January 2026. "excl-market-non-fossil" is the national average
 * excluding market-traded non-fossil electricity. Note that 0.5703 tCO2/MWh is a different figure
 * (the 2022 factor for power-sector carbon-market reporting) and is not offered here; a site that
 * needs it sets it as a number.
 */
public final class GridFactors {

    private static final Map<String, Double> FACTORS = new LinkedHashMap<>();

    static {
        FACTORS.put("mee-2022-national", 0.5366);
        FACTORS.put("mee-2022-north-china", 0.6776);
        FACTORS.put("mee-2022-shanxi", 0.7096);
        FACTORS.put("mee-2022-national-excl-market-non-fossil", 0.5856);
        FACTORS.put("mee-2023-national", 0.5306);
        FACTORS.put("mee-2023-north-china", 0.6361);
        FACTORS.put("mee-2023-national-excl-market-non-fossil", 0.6096);
    }

    private GridFactors() {
    }

    public static Optional<Double> byName(String name) {
        return Optional.ofNullable(FACTORS.get(name));
    }

    /** Every shipped name, in the order above. */
    public static Iterable<String> names() {
        return FACTORS.keySet();
    }
}
