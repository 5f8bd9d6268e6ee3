package io.carbonedge.driver.gpio;

/** The edge that starts a pulse, written {@code edge: falling | rising}. */
enum Edge {
    /** A pulse pulls the line low (active low). */
    FALLING,
    /** A pulse drives the line high (active high). */
    RISING;

    /** Whether the given line level is the level during a pulse. */
    boolean isActive(boolean high) {
        return this == RISING ? high : !high;
    }
}
