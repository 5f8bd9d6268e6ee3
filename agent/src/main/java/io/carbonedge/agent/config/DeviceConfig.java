package io.carbonedge.agent.config;

import io.carbonedge.agent.totals.Carrier;
import io.carbonedge.driver.DeviceSpec;
import io.carbonedge.driver.Driver;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One device file, validated, with its driver made (not yet connected).
 *
 * @param spec         id, protocol, interval, timeout and points
 * @param name         a human description, may be empty
 * @param carriers     the carrier of each accounted point (counters and integrated gauges), by point id
 * @param driver       the driver that reads it
 * @param file         the file it came from, for messages
 * @param accounting   how each accounted point is accounted, by point id (same keys as {@code carriers})
 * @param ratedPowerKw {@code rated-power:} the device's maximum power in kW, bounding how fast its
 *                     electricity counters can advance; NaN when not set
 * @param serialPoint  {@code serial-point:} the point holding the meter's serial number, whose change
 *                     means a replaced meter; {@code null} when not set
 */
public record DeviceConfig(DeviceSpec spec, String name, Map<String, Carrier> carriers, Driver driver, Path file,
                           Map<String, PointAccounting> accounting, double ratedPowerKw, String serialPoint) {

    public DeviceConfig {
        carriers = Map.copyOf(carriers);
        accounting = Map.copyOf(accounting);
    }

    /** Plain counters, nothing known of rated power or serial numbers. */
    public DeviceConfig(DeviceSpec spec, String name, Map<String, Carrier> carriers, Driver driver, Path file) {
        this(spec, name, carriers, driver, file, counters(carriers), Double.NaN, null);
    }

    private static Map<String, PointAccounting> counters(Map<String, Carrier> carriers) {
        Map<String, PointAccounting> out = new HashMap<>();
        carriers.forEach((id, c) -> out.put(id, PointAccounting.counter(c)));
        return out;
    }

    public String id() {
        return spec.id();
    }
}
