package io.carbonedge.driver.modbus;

import io.carbonedge.driver.ConfigSection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the Modbus fields of each point (listed in {@link ModbusDriverFactory}): either a fixed
 * register, or a SunSpec point whose register discovery finds on first connect. Mistakes are
 * reported and replaced by fallbacks.
 */
final class ModbusPointReader {

    /** A point as configured: a fixed register ({@code point}) or a SunSpec reference ({@code sunSpec}). */
    record ConfiguredPoint(ModbusPoint point, SunSpecRef sunSpec) {
    }

    private ModbusPointReader() {
    }

    /**
     * @param ids      the points' ids, in configuration order
     * @param sections the points' maps, in the same order
     */
    static List<ConfiguredPoint> points(List<String> ids, List<ConfigSection> sections) {
        if (ids.size() != sections.size()) {
            throw new IllegalArgumentException(ids.size() + " point ids but " + sections.size() + " point sections");
        }
        List<ConfiguredPoint> points = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            ConfigSection section = sections.get(i);
            points.add(section.has("sunspec-point") || section.has("sunspec-model")
                    ? new ConfiguredPoint(null, sunSpec(ids.get(i), section))
                    : new ConfiguredPoint(point(ids.get(i), section), null));
        }
        return points;
    }

    private static SunSpecRef sunSpec(String id, ConfigSection section) {
        String model = section.text("sunspec-model");
        String name = section.text("sunspec-point");
        String group = SunSpecModels.group(model).orElse(null);
        if (group == null && section.has("sunspec-model")) {
            section.reportError("sunspec-model", "one of common (1), inverter (101, 102, 103), mppt (160)");
        }
        SunSpecField field = group == null ? null : SunSpecModels.field(group, name).orElse(null);
        if (group != null && field == null && section.has("sunspec-point")) {
            section.reportError("sunspec-point", "a point of the " + group + " model: " + SunSpecModels.fieldNames(group));
        }
        int module = 0;
        if ("mppt".equals(group)) {
            module = (int) section.integer("module", 1, 100, 1);
        } else if (section.has("module")) {
            section.reportError("module", "no module: only mppt (model 160) points have modules");
        }
        double scale = scale(section);
        double offset = section.number("offset", -Double.MAX_VALUE, Double.MAX_VALUE, 0.0);
        for (String fixed : List.of("register", "table", "type", "order", "bit", "length", "scale-register", "not-implemented")) {
            if (section.has(fixed)) {
                section.reportError(fixed, "no " + fixed + " on a SunSpec point: discovery finds it");
            }
        }
        if (field == null) {
            field = SunSpecField.uint16("?", 0, -1);
            group = "inverter";
        }
        return new SunSpecRef(id, group, field, module, scale, offset);
    }

    private static ModbusPoint point(String id, ConfigSection section) {
        Table table = section.choice("table", Table.class, Table.HOLDING);
        int register = (int) section.integer("register", 0, 0xFFFF);
        DataType type = section.choice("type", DataType.class, table.isBits() ? DataType.BOOL : DataType.UINT16);
        boolean orderGiven = section.has("order");
        WordOrder order = section.choice("order", WordOrder.class, WordOrder.ABCD);
        double scale = scale(section);
        double offset = section.number("offset", -Double.MAX_VALUE, Double.MAX_VALUE, 0.0);
        int bit = -1;
        if (section.has("bit")) {
            bit = (int) section.integer("bit", 0, 15, 0);
            if (table.isBits() || type != DataType.BOOL) {
                section.reportError("bit", "no bit here: 'bit' picks one bit of a holding or input register, with type bool");
                bit = -1;
            }
        }
        if (type == DataType.BOOL && !table.isBits() && bit < 0) {
            section.reportError("type", "bool in a register needs 'bit: 0..15' (or use table: coil / discrete-input)");
            bit = 0;
        }
        if (table.isBits() && type != DataType.BOOL) {
            section.reportError("type", "bool: coils and discrete inputs hold single bits");
            type = DataType.BOOL;
        }
        int length = Math.max(1, type.registerCount());
        if (type == DataType.STRING) {
            length = (int) section.integer("length", 1, ModbusEndpoint.MAX_REGISTERS_PER_READ);
            length = Math.max(1, length);
        } else if (section.has("length")) {
            section.reportError("length", "no length for " + name(type) + ": length is for type string (registers)");
        }
        if (register + length - 1 > 0xFFFF) {
            section.reportError("register", "at most " + (0x10000 - length) + " for " + name(type)
                    + ", which spans " + length + " registers");
            register = 0;
        }
        if (orderGiven && !orderFits(type, order)) {
            section.reportError("order", type.registerCount() == 4
                    ? "an order for a 64-bit type: abcdefgh, ghefcdab, badcfehg, hgfedcba (or abcd, cdab, badc, dcba)"
                    : type.registerCount() == 2
                    ? "an order for a 32-bit type: abcd, cdab, badc, dcba"
                    : "no order for " + name(type) + ": order applies to 32- and 64-bit types and strings");
            order = WordOrder.ABCD;
        }
        int scaleRegister = -1;
        if (section.has("scale-register")) {
            scaleRegister = (int) section.integer("scale-register", 0, 0xFFFF, 0);
            if (table.isBits() || !(type.isInteger() || type == DataType.FLOAT32 || type == DataType.FLOAT64)) {
                section.reportError("scale-register", "a scale register only for numbers in holding or input registers");
                scaleRegister = -1;
            }
        }
        List<Long> notImplemented = Sentinels.read(section, type);
        return new ModbusPoint(id, table, register, type, order, scale, offset, bit, length, scaleRegister, notImplemented);
    }

    private static boolean orderFits(DataType type, WordOrder order) {
        if (type == DataType.STRING) {
            return !order.is64BitName();
        }
        return switch (type.registerCount()) {
            case 2 -> !order.is64BitName();
            case 4 -> true;
            default -> order == WordOrder.ABCD;
        };
    }

    private static double scale(ConfigSection section) {
        double scale = section.number("scale", -Double.MAX_VALUE, Double.MAX_VALUE, 1.0);
        if (scale == 0.0 || !Double.isFinite(scale)) {
            section.reportError("scale", "a non-zero number, e.g. 0.01");
            return 1.0;
        }
        return scale;
    }

    static String name(DataType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }
}
