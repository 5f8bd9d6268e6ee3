package io.carbonedge.driver.gpio;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * One S0 pulse meter on a GPIO input, as configured.
 *
 * @param deviceId      the device's id, which names its state file
 * @param pointId       the id of its single counter point
 * @param pin           BCM GPIO number (the {@code GPIO17} in the Raspberry Pi pinout), 0-27
 * @param pull          the input's bias resistor
 * @param edge          the edge that starts a pulse
 * @param debounce      how long a level must hold to count
 * @param pulsesPerUnit pulses per unit of the counter, e.g. 1000 imp/kWh
 * @param offset        the meter's reading when counting started, in the point's unit
 * @param stateDir      where the pulse count is saved
 */
record S0Meter(String deviceId, String pointId, int pin, Pull pull, Edge edge, Duration debounce,
               double pulsesPerUnit, double offset, Path stateDir) {

    S0Meter {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(pointId, "pointId");
        Objects.requireNonNull(pull, "pull");
        Objects.requireNonNull(edge, "edge");
        Objects.requireNonNull(debounce, "debounce");
        Objects.requireNonNull(stateDir, "stateDir");
        if (!(pulsesPerUnit > 0)) {
            throw new IllegalArgumentException("pulses-per-unit must be positive");
        }
    }

    /** The counter's value after {@code pulses} pulses. */
    double valueAfter(long pulses) {
        return offset + pulses / pulsesPerUnit;
    }

    /** The file that keeps this meter's pulse count. */
    Path stateFile() {
        return stateDir.resolve(deviceId + ".pulses");
    }
}
