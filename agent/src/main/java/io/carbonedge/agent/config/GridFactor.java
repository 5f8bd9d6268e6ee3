package io.carbonedge.agent.config;

/**
 * The grid electricity CO2 factor in use.
 *
 * @param name           the shipped set it came from ({@code mee-2022-national}) or {@code explicit}
 * @param kgCo2PerKwh    location-based emission factor
 */
public record GridFactor(String name, double kgCo2PerKwh) {
}
