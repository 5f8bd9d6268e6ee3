package io.carbonedge.agent.totals;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The site's figures over one period, from the energy of every point in it:
 * <ul>
 * <li>{@code <carrier>}: energy by carrier, in the carrier's unit (includes {@code pv-generation}
 *     and {@code waste-heat-generation});</li>
 * <li>{@code kgce}, {@code kgco2}: totals over purchased carriers;</li>
 * <li>{@code pv-self-consumption}: PV generation − export, never negative (over the whole
 *     period, so a moment of export above generation inside it nets out);</li>
 * <li>{@code renewable-share}: self-consumed PV as a share of consumption, in kgce (PV valued at
 *     the electricity coefficient in use); {@code non-fossil-share}: the same plus the configured
 *     non-fossil share of grid electricity. Both absent when nothing was consumed.</li>
 * </ul>
 *
 * @param gridNonFossilShare share of grid electricity counted as non-fossil (0 unless configured)
 */
public record SiteFigures(ConversionFactors factors, double gridNonFossilShare) {

    /** One figure. */
    public record Figure(String name, String unit, double value) {
    }

    /** Energy of one carrier over the period, summed over points. */
    public record CarrierSum(double amount, double kgce, double kgCo2) {
        CarrierSum plus(CarrierSum o) {
            return new CarrierSum(amount + o.amount, kgce + o.kgce, kgCo2 + o.kgCo2);
        }
    }

    /** Adds points' sums per carrier. */
    public static Map<Carrier, CarrierSum> byCarrier(List<Map.Entry<Carrier, CarrierSum>> points) {
        Map<Carrier, CarrierSum> out = new EnumMap<>(Carrier.class);
        points.forEach(e -> out.merge(e.getKey(), e.getValue(), CarrierSum::plus));
        return out;
    }

    public List<Figure> compute(Map<Carrier, CarrierSum> sums) {
        List<Figure> out = new ArrayList<>();
        double kgce = 0;
        double kgCo2 = 0;
        for (var e : sums.entrySet()) {
            out.add(new Figure(e.getKey().configName(), e.getKey().unit(), e.getValue().amount()));
            if (e.getKey().role() == Carrier.Role.PURCHASED) {
                kgce += e.getValue().kgce();
                kgCo2 += e.getValue().kgCo2();
            }
        }
        out.add(new Figure("kgce", "kg", kgce));
        out.add(new Figure("kgco2", "kg", kgCo2));
        double pv = amount(sums, Carrier.PV_GENERATION);
        double selfConsumed = Math.max(0, pv - amount(sums, Carrier.ELECTRICITY_EXPORT));
        if (sums.containsKey(Carrier.PV_GENERATION)) {
            out.add(new Figure("pv-self-consumption", "kWh", selfConsumed));
        }
        double pvKgce = selfConsumed * factors.of(Carrier.ELECTRICITY_IMPORT).kgcePerUnit();
        double consumption = kgce + pvKgce;
        if (consumption > 0) {
            double gridNonFossil = gridNonFossilShare * (sums.containsKey(Carrier.ELECTRICITY_IMPORT)
                    ? sums.get(Carrier.ELECTRICITY_IMPORT).kgce() : 0);
            out.add(new Figure("renewable-share", "/", pvKgce / consumption));
            out.add(new Figure("non-fossil-share", "/", (pvKgce + gridNonFossil) / consumption));
        }
        return out;
    }

    private static double amount(Map<Carrier, CarrierSum> sums, Carrier carrier) {
        CarrierSum s = sums.get(carrier);
        return s == null ? 0 : s.amount();
    }
}
