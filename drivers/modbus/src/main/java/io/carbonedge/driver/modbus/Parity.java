package io.carbonedge.driver.modbus;

/** Serial parity, as in {@code parity: none | even | odd}. */
public enum Parity {
    NONE,
    EVEN,
    ODD
}
