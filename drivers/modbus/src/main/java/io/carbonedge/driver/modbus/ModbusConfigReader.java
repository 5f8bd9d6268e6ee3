package io.carbonedge.driver.modbus;

import io.carbonedge.driver.ConfigSection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the Modbus fields of a device's {@code connection:} map and of its points. Mistakes are
 * reported to the sections and replaced by fallbacks, so reading always completes.
 */
final class ModbusConfigReader {

    private ModbusConfigReader() {
    }

    static ModbusEndpoint endpoint(ConfigSection connection) {
        String host = connection.text("host").strip();
        if (!host.isEmpty() && (host.contains("://") || host.contains("/") || host.chars().anyMatch(Character::isWhitespace))) {
            connection.reportError("host", "a host name or IP address, e.g. 192.168.1.20 (port goes in 'port')");
        }
        int port = (int) connection.integer("port", 1, 65535, ModbusEndpoint.DEFAULT_PORT);
        int unitId = (int) connection.integer("unit-id", 0, 247, ModbusEndpoint.DEFAULT_UNIT_ID);
        int maxGap = (int) connection.integer("max-gap", 0, ModbusEndpoint.MAX_REGISTERS_PER_READ,
                ModbusEndpoint.DEFAULT_MAX_GAP);
        int maxRegisters = (int) connection.integer("max-registers", 1, ModbusEndpoint.MAX_REGISTERS_PER_READ,
                ModbusEndpoint.MAX_REGISTERS_PER_READ);
        return new ModbusEndpoint(host, port, unitId, maxGap, maxRegisters);
    }

    /**
     * Reads each point's register fields.
     *
     * @param ids      the points' ids, in configuration order
     * @param sections the points' maps, in the same order
     */
    static List<ModbusPoint> points(List<String> ids, List<ConfigSection> sections) {
        if (ids.size() != sections.size()) {
            throw new IllegalArgumentException(ids.size() + " point ids but " + sections.size() + " point sections");
        }
        List<ModbusPoint> points = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            points.add(point(ids.get(i), sections.get(i)));
        }
        return points;
    }

    /** Reports when a point cannot fit in one read of {@code maxRegisters}. */
    static void checkFits(ModbusEndpoint endpoint, List<ModbusPoint> points, ConfigSection connection) {
        int longest = points.stream().mapToInt(ModbusPoint::registerCount).max().orElse(1);
        if (endpoint.maxRegisters() < longest) {
            connection.reportError("max-registers",
                    "at least " + longest + ", the length of the longest point");
        }
    }

    private static ModbusPoint point(String id, ConfigSection section) {
        Table table = section.choice("table", Table.class, Table.HOLDING);
        int register = (int) section.integer("register", 0, 0xFFFF);
        DataType type = section.choice("type", DataType.class, DataType.UINT16);
        boolean orderGiven = section.has("order");
        WordOrder order = section.choice("order", WordOrder.class, WordOrder.ABCD);
        double scale = section.number("scale", -Double.MAX_VALUE, Double.MAX_VALUE, 1.0);

        int last = register + type.registerCount() - 1;
        if (last > 0xFFFF) {
            section.reportError("register", "at most " + (0x10000 - type.registerCount())
                    + " for " + name(type) + ", which spans " + type.registerCount() + " registers");
            register = 0;
        }
        if (orderGiven && type.registerCount() == 1 && order != WordOrder.ABCD) {
            section.reportError("order", "no order for " + name(type)
                    + ": order applies to 32-bit types (int32, uint32, float32)");
            order = WordOrder.ABCD;
        }
        if (scale == 0.0 || !Double.isFinite(scale)) {
            section.reportError("scale", "a non-zero number, e.g. 0.01");
            scale = 1.0;
        }
        return new ModbusPoint(id, table, register, type, order, scale);
    }

    private static String name(DataType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }
}
