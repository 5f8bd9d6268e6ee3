package io.carbonedge.driver.gpio;

import io.carbonedge.driver.ConfigSection;
import io.carbonedge.driver.DeviceSpec;
import io.carbonedge.driver.PointKind;
import io.carbonedge.driver.PointSpec;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Reads the GPIO fields of an S0 meter's {@code connection:} map and of its one counter point.
 * Mistakes are reported to the sections and replaced by fallbacks, so reading always completes.
 */
final class GpioConfigReader {

    /** Highest BCM number on the 40-pin header. */
    static final int MAX_PIN = 27;
    static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(20);
    static final Duration MAX_DEBOUNCE = Duration.ofSeconds(1);
    static final Path DEFAULT_STATE_DIR = Path.of("/var/lib/carbonedge/gpio");

    private GpioConfigReader() {
    }

    static S0Meter meter(DeviceSpec device, ConfigSection connection, List<ConfigSection> points) {
        int pin = (int) connection.integer("pin", 0, MAX_PIN);
        Pull pull = connection.choice("pull", Pull.class, Pull.UP);
        Edge edge = connection.choice("edge", Edge.class, Edge.FALLING);
        Duration debounce = connection.duration("debounce", DEFAULT_DEBOUNCE);
        if (debounce.compareTo(MAX_DEBOUNCE) > 0) {
            connection.reportError("debounce", "at most 1s (S0 pulses last 30 to 120 ms), e.g. 20ms");
            debounce = DEFAULT_DEBOUNCE;
        }
        Path stateDir = stateDir(connection);

        if (points.size() != 1) {
            connection.reportError("points", "exactly one counter point for a gpio (S0 pulse) device, got " + points.size());
        }
        if (points.isEmpty()) {
            return new S0Meter(device.id(), "", pin, pull, edge, debounce, 1.0, 0.0, stateDir);
        }
        PointSpec spec = device.points().get(0);
        ConfigSection point = points.get(0);
        if (spec.kind() != PointKind.COUNTER) {
            point.reportError("kind", "counter: a gpio (S0 pulse) point counts pulses");
        }
        double pulsesPerUnit = pulsesPerUnit(point);
        double offset = point.number("offset", 0, Double.MAX_VALUE, 0.0);
        return new S0Meter(device.id(), spec.id(), pin, pull, edge, debounce, pulsesPerUnit, offset, stateDir);
    }

    private static double pulsesPerUnit(ConfigSection point) {
        if (!point.has("pulses-per-unit")) {
            point.reportError("pulses-per-unit", "the meter's pulse constant, e.g. 1000 for 1000 imp/kWh (missing)");
            return 1.0;
        }
        double value = point.number("pulses-per-unit", -Double.MAX_VALUE, Double.MAX_VALUE, Double.NaN);
        if (Double.isNaN(value)) {
            return 1.0; // not a number: already reported
        }
        if (!(value > 0)) {
            point.reportError("pulses-per-unit", "a positive number, e.g. 1000 for 1000 imp/kWh");
            return 1.0;
        }
        return value;
    }

    private static Path stateDir(ConfigSection connection) {
        String text = connection.text("state-dir", DEFAULT_STATE_DIR.toString()).strip();
        try {
            Path dir = Path.of(text);
            if (dir.isAbsolute()) {
                return dir;
            }
        } catch (InvalidPathException e) {
            // reported below
        }
        connection.reportError("state-dir", "an absolute directory, e.g. " + DEFAULT_STATE_DIR);
        return DEFAULT_STATE_DIR;
    }
}
