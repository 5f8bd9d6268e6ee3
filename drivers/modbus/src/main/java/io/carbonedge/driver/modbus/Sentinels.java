package io.carbonedge.driver.modbus;

import io.carbonedge.driver.ConfigSection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a point's {@code not-implemented:} field: raw register values that mean "no value",
 * written as numbers ({@code 0x8000}, or several separated by commas or spaces:
 * {@code "0x7FFF, 0x8000"}) or as a named convention for the point's type:
 * <ul>
 *   <li>{@code sunspec}: int16 0x8000, uint16 0xFFFF, int32 0x80000000, uint32 0xFFFFFFFF,
 *       int64 0x8000000000000000, uint64 0xFFFFFFFFFFFFFFFF;</li>
 *   <li>{@code huawei}: int16 0x7FFF, uint16 0xFFFF, int32 0x7FFFFFFF, uint32 0xFFFFFFFF;</li>
 *   <li>{@code max}: the type's all-ones pattern (0xFFFF, 0xFFFFFFFF...).</li>
 * </ul>
 * Values are compared with the registers before scaling, as unsigned bit patterns in the order
 * the type is read; a match gives a BAD sample "not implemented (0x8000)".
 */
final class Sentinels {

    private Sentinels() {
    }

    static List<Long> read(ConfigSection section, DataType type) {
        if (!section.has("not-implemented")) {
            return List.of();
        }
        String text = section.text("not-implemented").strip();
        if (!type.isInteger()) {
            section.reportError("not-implemented", "not-implemented values only for whole-number types");
            return List.of();
        }
        List<Long> values = new ArrayList<>();
        for (String word : text.split("[,\\s\\[\\]]+")) {
            if (word.isEmpty()) {
                continue;
            }
            switch (word.toLowerCase(Locale.ROOT)) {
                case "sunspec" -> values.add(switch (type) {
                    case INT16 -> 0x8000L;
                    case INT32 -> 0x80000000L;
                    case INT64 -> Long.MIN_VALUE;
                    default -> allOnes(type);
                });
                case "huawei" -> values.add(switch (type) {
                    case INT16 -> 0x7FFFL;
                    case INT32 -> 0x7FFFFFFFL;
                    case INT64 -> Long.MAX_VALUE;
                    default -> allOnes(type);
                });
                case "max" -> values.add(allOnes(type));
                default -> {
                    Long value = parse(word, type);
                    if (value == null) {
                        section.reportError("not-implemented", "raw values that fit " + ModbusPointReader.name(type)
                                + " (e.g. 0x8000) or one of sunspec, huawei, max; got '" + word + "'");
                    } else {
                        values.add(value);
                    }
                }
            }
        }
        return values;
    }

    private static long allOnes(DataType type) {
        return type.registerCount() == 4 ? -1L : (1L << (16 * type.registerCount())) - 1;
    }

    /** A raw value as an unsigned bit pattern of the type's width; negative numbers wrap. */
    private static Long parse(String word, DataType type) {
        try {
            long value = word.toLowerCase(Locale.ROOT).startsWith("0x")
                    ? Long.parseUnsignedLong(word.substring(2), 16)
                    : Long.parseLong(word);
            if (type.registerCount() == 4) {
                return value;
            }
            long bits = 16L * type.registerCount();
            long limit = 1L << bits;
            if (value < -(limit / 2) || value >= limit) {
                return null;
            }
            return value & (limit - 1);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
