package io.carbonedge.driver;

/** What a point's value means over time. */
public enum PointKind {
    /** Monotonic cumulative quantity (kWh, m3); its increase is energy or volume. */
    COUNTER,
    /** Instantaneous quantity (kW, degC, m3/h). */
    GAUGE,
    /** A discrete state or code (running, alarm). */
    STATE
}
