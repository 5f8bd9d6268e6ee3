package io.carbonedge.agent.config;

import java.time.Duration;
import java.time.ZoneId;

/**
 * Accounting settings from {@code agent.yaml}'s {@code accounting:} section.
 *
 * @param interval              length of a real-time interval; divides an hour (default 15m)
 * @param zone                  intervals align to local midnight here (default Asia/Shanghai)
 * @param grace                 how long after its end an interval waits for late data before it closes (default 2m)
 * @param electricityKgcePerKwh standard coal equivalent of electricity (default 0.1229, calorific equivalent)
 * @param gridFactor            CO2 per kWh of grid electricity
 */
public record AccountingConfig(
        Duration interval,
        ZoneId zone,
        Duration grace,
        double electricityKgcePerKwh,
        GridFactor gridFactor) {
}
