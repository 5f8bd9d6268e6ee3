package io.carbonedge.driver.gpio;

import io.carbonedge.driver.testing.MapConfigSection;
import io.carbonedge.driver.testing.TestContexts;
import io.carbonedge.driver.ConfigSection;
import io.carbonedge.driver.DeviceSpec;
import io.carbonedge.driver.Driver;
import io.carbonedge.driver.DriverFactory;
import io.carbonedge.driver.PointKind;
import io.carbonedge.driver.PointSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a gpio device the way the agent does, from plain maps, and makes its driver through a factory. */
final class MeterFixture {

    private final String deviceId;
    private final Map<String, Object> connection = new LinkedHashMap<>();
    private final List<PointSpec> specs = new ArrayList<>();
    private final List<Map<String, Object>> points = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    MeterFixture(String deviceId) {
        this.deviceId = deviceId;
    }

    /** A meter on {@code pin} with a counter {@code energy} of 1000 imp/kWh, saving under {@code stateDir}. */
    static MeterFixture s0(String deviceId, int pin, Path stateDir) {
        return new MeterFixture(deviceId)
                .connection("pin", pin).connection("state-dir", stateDir.toString())
                .point("energy", PointKind.COUNTER, "pulses-per-unit", 1000);
    }

    MeterFixture connection(String field, Object value) {
        connection.put(field, value);
        return this;
    }

    /** Adds a point; its driver fields as in YAML, e.g. {@code "pulses-per-unit", 1000}. */
    MeterFixture point(String id, PointKind kind, Object... fieldsAndValues) {
        specs.add(new PointSpec(id, kind, "kWh"));
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            fields.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        points.add(fields);
        return this;
    }

    /** Replaces a field of the first point. */
    MeterFixture pointField(String field, Object value) {
        if (value == null) {
            points.get(0).remove(field);
        } else {
            points.get(0).put(field, value);
        }
        return this;
    }

    Driver create(DriverFactory factory) {
        errors.clear();
        List<ConfigSection> sections = new ArrayList<>();
        for (Map<String, Object> point : points) {
            sections.add(new MapConfigSection(point, errors));
        }
        DeviceSpec device = new DeviceSpec(deviceId, "gpio", Duration.ofSeconds(5), Duration.ofSeconds(1), specs);
        return factory.create(TestContexts.NO_FILES, device, new MapConfigSection(connection, errors), sections);
    }

    /** Mistakes reported by the last {@link #create}, by the connection or any point. */
    List<String> errors() {
        return errors;
    }
}
