package io.carbonedge.agent.totals;

/**
 * The conversion in use for one carrier, reported with every total so the platform can audit and
 * recompute.
 *
 * @param kgcePerUnit  standard coal equivalent per carrier unit
 * @param kgCo2PerUnit CO2 per carrier unit
 * @param source       where both come from, e.g. {@code gb2589-2020;mee-2022-national} or {@code ncv=38931kJ;dom-fuel}
 */
public record Factor(double kgcePerUnit, double kgCo2PerUnit, String source) {
}
