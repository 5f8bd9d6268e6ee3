package io.carbonedge.driver.modbus;

import io.carbonedge.driver.testing.MapConfigSection;
import io.carbonedge.driver.testing.TestContexts;
import io.carbonedge.driver.ConfigSection;
import io.carbonedge.driver.DeviceSpec;
import io.carbonedge.driver.Driver;
import io.carbonedge.driver.PointKind;
import io.carbonedge.driver.PointSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a device the way the agent does, from plain maps, and makes its driver through the factory. */
final class DeviceFixture {

    private final Map<String, Object> connection = new LinkedHashMap<>();
    private final List<Map<String, Object>> points = new ArrayList<>();
    private Duration timeout = Duration.ofSeconds(1);
    private MapConfigSection connectionSection;

    DeviceFixture connection(String field, Object value) {
        connection.put(field, value);
        return this;
    }

    DeviceFixture timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /** Adds a point; fields as in YAML, e.g. {@code "register", "0x0A", "type", "uint32"}. */
    DeviceFixture point(String id, Object... fieldsAndValues) {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("id", id);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            point.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        points.add(point);
        return this;
    }

    Driver create() {
        return create(new ModbusDriverFactory());
    }

    /** Creates through a given factory: devices made by one factory share their buses, as in the agent. */
    Driver create(ModbusDriverFactory factory) {
        connectionSection = new MapConfigSection(connection);
        List<PointSpec> specs = new ArrayList<>();
        List<ConfigSection> sections = new ArrayList<>();
        for (Map<String, Object> point : points) {
            specs.add(new PointSpec((String) point.get("id"), PointKind.GAUGE, ""));
            Map<String, Object> driverFields = new LinkedHashMap<>(point);
            driverFields.remove("id");
            sections.add(new MapConfigSection(driverFields, connectionSection.errors()));
        }
        DeviceSpec device = new DeviceSpec("dev", "modbus", Duration.ofSeconds(5), timeout, specs);
        return factory.create(TestContexts.NO_FILES, device, connectionSection, sections);
    }

    /** Mistakes reported while creating, by the connection or any point. */
    List<String> errors() {
        return connectionSection.errors();
    }
}
