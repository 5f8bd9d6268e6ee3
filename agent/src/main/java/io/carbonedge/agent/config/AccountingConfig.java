package io.carbonedge.agent.config;

import io.carbonedge.agent.totals.Carrier;
import io.carbonedge.agent.totals.ConversionFactors;
import io.carbonedge.agent.totals.Factor;
import io.carbonedge.agent.totals.SiteFigures;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

/**
 * Accounting settings from {@code agent.yaml}'s {@code accounting:} section.
 *
 * @param interval              length of a real-time interval; divides an hour (default 15m)
 * @param zone                  intervals, days and months align to local midnight here (default Asia/Shanghai)
 * @param grace                 how long after its end an interval waits for late data before it closes (default 2m)
 * @param electricityKgcePerKwh standard coal equivalent of electricity (default 0.1229, calorific equivalent;
 *                              the year's equal-value coefficient when the site reports by equal value)
 * @param gridFactor            CO2 per kWh of grid electricity
 * @param ncv                   supplier's net calorific value per carrier, kJ per m3 or kg (kgce = NCV / 29 307)
 * @param kgceOverrides         kgce per carrier unit replacing the GB/T 2589 default
 * @param co2Overrides          kgCO2 per carrier unit replacing the default
 * @param dieselKgPerLitre      density for diesel counted in litres (default 0.84)
 * @param gridNonFossilShare    share of grid electricity counted as non-fossil in the site's non-fossil share (default 0)
 */
public record AccountingConfig(
        Duration interval,
        ZoneId zone,
        Duration grace,
        double electricityKgcePerKwh,
        GridFactor gridFactor,
        Map<Carrier, Double> ncv,
        Map<Carrier, Double> kgceOverrides,
        Map<Carrier, Double> co2Overrides,
        double dieselKgPerLitre,
        double gridNonFossilShare) {

    public static final double DIESEL_KG_PER_LITRE = 0.84;

    public AccountingConfig {
        ncv = Map.copyOf(ncv);
        kgceOverrides = Map.copyOf(kgceOverrides);
        co2Overrides = Map.copyOf(co2Overrides);
    }

    /** Defaults for everything but the interval, zone, grace, electricity coefficient and grid factor. */
    public AccountingConfig(Duration interval, ZoneId zone, Duration grace, double electricityKgcePerKwh,
                            GridFactor gridFactor) {
        this(interval, zone, grace, electricityKgcePerKwh, gridFactor, Map.of(), Map.of(), Map.of(),
                DIESEL_KG_PER_LITRE, 0);
    }

    /** The factors in use: defaults, then NCVs, then explicit overrides. */
    public ConversionFactors factors() {
        ConversionFactors f = new ConversionFactors(electricityKgcePerKwh, gridFactor.kgCo2PerKwh(), gridFactor.name());
        ncv.forEach(f::withNcv);
        for (Carrier c : Carrier.values()) {
            Double kgce = kgceOverrides.get(c);
            Double co2 = co2Overrides.get(c);
            if (kgce != null || co2 != null) {
                Factor d = f.of(c);
                String source = (kgce != null ? "kgce=config" : d.source().split(";")[0]) + ";"
                        + (co2 != null ? "co2=config" : d.source().contains(";") ? d.source().split(";", 2)[1] : d.source());
                f.with(c, new Factor(kgce != null ? kgce : d.kgcePerUnit(), co2 != null ? co2 : d.kgCo2PerUnit(), source));
            }
        }
        return f;
    }

    public SiteFigures siteFigures() {
        return new SiteFigures(factors(), gridNonFossilShare);
    }
}
