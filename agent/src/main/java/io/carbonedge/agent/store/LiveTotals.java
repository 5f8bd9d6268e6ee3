package io.carbonedge.agent.store;

import io.carbonedge.agent.totals.CounterAccountant;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The amount of each accounted counter in the interval under way, as of the last commit; read by
 * live views from any thread.
 *
 * @param amounts by device, then point
 */
public record LiveTotals(Map<String, Map<String, Double>> amounts) {

    static final LiveTotals EMPTY = new LiveTotals(Map.of());

    static LiveTotals of(PointCatalog catalog, CounterAccountant accountant, Instant now) {
        Map<String, Map<String, Double>> amounts = new HashMap<>();
        for (int ref : accountant.accountedPoints()) {
            PointCatalog.PointName name = catalog.name(ref);
            amounts.computeIfAbsent(name.device(), d -> new HashMap<>()).put(name.point(), accountant.openAmount(ref, now));
        }
        return new LiveTotals(amounts);
    }

    /** The device's amount of one point, 0 when unknown. */
    public double of(String device, String point) {
        return amounts.getOrDefault(device, Map.of()).getOrDefault(point, 0.0);
    }
}
