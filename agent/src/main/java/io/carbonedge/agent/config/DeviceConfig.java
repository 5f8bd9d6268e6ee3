package io.carbonedge.agent.config;

import io.carbonedge.agent.totals.Carrier;
import io.carbonedge.driver.DeviceSpec;
import io.carbonedge.driver.Driver;

import java.nio.file.Path;
import java.util.Map;

/**
 * One device file, validated, with its driver made (not yet connected).
 *
 * @param spec     id, protocol, interval, timeout and points
 * @param name     a human description, may be empty
 * @param carriers the carrier of each counter point that declares one, by point id
 * @param driver   the driver that reads it
 * @param file     the file it came from, for messages
 */
public record DeviceConfig(DeviceSpec spec, String name, Map<String, Carrier> carriers, Driver driver, Path file) {

    public DeviceConfig {
        carriers = Map.copyOf(carriers);
    }

    public String id() {
        return spec.id();
    }
}
