package io.carbonedge.agent.totals;

import java.util.Locale;

/**
 * What a counter measures, for accounting. Written in configuration as the lower-case name with
 * hyphens ({@code electricity-import}).
 */
public enum Carrier {
    ELECTRICITY_IMPORT("kWh"),
    ELECTRICITY_EXPORT("kWh"),
    PV_GENERATION("kWh"),
    WASTE_HEAT_GENERATION("kWh"),
    NATURAL_GAS("m3"),
    COAL("kg"),
    DIESEL("kg"),
    STEAM("t"),
    HEAT("GJ"),
    WATER("m3");

    private final String unit;

    Carrier(String unit) {
        this.unit = unit;
    }

    /** The unit a counter of this carrier is accounted in. */
    public String unit() {
        return unit;
    }

    /** The name as written in configuration and on the wire: {@code electricity-import}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
