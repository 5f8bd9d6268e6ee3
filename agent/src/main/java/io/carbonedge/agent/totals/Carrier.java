package io.carbonedge.agent.totals;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What a counter measures, for accounting, with the unit it is accounted in. Written in
 * configuration as the lower-case name with hyphens ({@code electricity-import}). A point may
 * count in another unit of the same quantity (coal in t, diesel in L, electricity in Wh or MWh):
 * {@link #factorFrom(String, double)} converts.
 */
public enum Carrier {
    ELECTRICITY_IMPORT("kWh", Role.PURCHASED),
    ELECTRICITY_EXPORT("kWh", Role.EXPORTED),
    PV_GENERATION("kWh", Role.GENERATED),
    WASTE_HEAT_GENERATION("kWh", Role.GENERATED),
    NATURAL_GAS("m3", Role.PURCHASED),
    COAL("kg", Role.PURCHASED),
    DIESEL("kg", Role.PURCHASED),
    STEAM("t", Role.PURCHASED),
    HEAT("GJ", Role.PURCHASED),
    WATER("m3", Role.PURCHASED);

    /** How a carrier enters the site's energy balance. */
    public enum Role {
        /** Bought and consumed: counts towards kgce and CO2. */
        PURCHASED,
        /** Produced on site (PV, waste-heat power): no fuel, no CO2 at this site. */
        GENERATED,
        /** Sent to the grid. */
        EXPORTED
    }

    private static final Map<String, Double> ENERGY_UNITS = Map.of("Wh", 0.001, "kWh", 1.0, "MWh", 1000.0);
    private static final Map<String, Double> MASS_UNITS = Map.of("kg", 1.0, "t", 1000.0);
    private static final Map<String, Double> HEAT_UNITS = Map.of("MJ", 0.001, "GJ", 1.0);

    private final String unit;
    private final Role role;

    Carrier(String unit, Role role) {
        this.unit = unit;
        this.role = role;
    }

    /** The unit a counter of this carrier is accounted in. */
    public String unit() {
        return unit;
    }

    public Role role() {
        return role;
    }

    /** The name as written in configuration and on the wire: {@code electricity-import}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The carrier of a configuration or wire name, or {@code null}. */
    public static Carrier ofConfigName(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * How many of {@link #unit()} one {@code pointUnit} is; an empty point unit is taken as the
     * carrier's. Empty when the units do not convert.
     *
     * @param dieselKgPerLitre density used when diesel is metered in litres
     */
    public OptionalDouble factorFrom(String pointUnit, double dieselKgPerLitre) {
        if (pointUnit == null || pointUnit.isEmpty() || pointUnit.equals(unit)) {
            return OptionalDouble.of(1);
        }
        Map<String, Double> family = switch (unit) {
            case "kWh" -> ENERGY_UNITS;
            case "kg" -> MASS_UNITS;
            case "t" -> Map.of("kg", 0.001, "t", 1.0);
            case "GJ" -> HEAT_UNITS;
            default -> Map.of();
        };
        Double f = family.get(pointUnit);
        if (f == null && this == DIESEL && (pointUnit.equals("L") || pointUnit.equals("l"))) {
            f = dieselKgPerLitre;
        }
        if (f == null && this == HEAT && pointUnit.equals("kWh")) {
            f = 0.0036;
        }
        return f == null ? OptionalDouble.empty() : OptionalDouble.of(f);
    }

    /**
     * Carrier units per point unit-hour for a gauge integrated into this carrier: {@code kW} or
     * {@code W} into kWh, {@code m3/h} into m3, {@code t/h} into t. Empty when they do not convert.
     */
    public OptionalDouble rateFactorFrom(String gaugeUnit, double dieselKgPerLitre) {
        if (gaugeUnit == null) {
            return OptionalDouble.empty();
        }
        if (gaugeUnit.endsWith("/h")) {
            return factorFrom(gaugeUnit.substring(0, gaugeUnit.length() - 2), dieselKgPerLitre);
        }
        if (gaugeUnit.endsWith("W") && unit.equals("kWh")) {
            return factorFrom(gaugeUnit + "h", dieselKgPerLitre);
        }
        return OptionalDouble.empty();
    }
}
