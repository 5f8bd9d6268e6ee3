package io.carbonedge.driver.gpio;

/** The pin that drives the status LED. */
interface LedOutput {

    /** Lights or darkens the LED. May throw when the pin fails. */
    void set(boolean on);

    /** Darkens the LED and gives back the pin. Never throws. */
    void close();
}
