package io.carbonedge.driver.gpio;

/** The input's internal bias resistor, written {@code pull: up | down | none}. */
enum Pull {
    /** Pulled to 3.3 V: the meter's S0 output pulls the line low during a pulse (edge: falling). */
    UP,
    /** Pulled to ground: the meter's S0 output drives the line high during a pulse (edge: rising). */
    DOWN,
    /** No internal bias: the wiring has its own resistor. */
    NONE
}
