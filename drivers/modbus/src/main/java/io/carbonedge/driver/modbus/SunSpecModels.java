package io.carbonedge.driver.modbus;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The SunSpec points the driver can map, by model group. Offsets count from the model's ID
 * register, as in the SunSpec information model tables:
 * <ul>
 *   <li>{@code common} (model 1): Mn, Md, Opt, Vr, SN (strings), DA;</li>
 *   <li>{@code inverter} (models 101, 102, 103, integer with scale factors): A, AphA, AphB, AphC,
 *       PhVphA, PhVphB, PhVphC, W, Hz, VA, VAr, PF, WH, DCA, DCV, DCW, TmpCab, St, StVnd;</li>
 *   <li>{@code mppt} (model 160), per module: DCA, DCV, DCW, DCWH, Tmp, DCSt.</li>
 * </ul>
 */
final class SunSpecModels {

    /** The model ids each group accepts, first match wins. */
    static final Map<String, List<Integer>> MODEL_IDS = Map.of(
            "common", List.of(1),
            "inverter", List.of(103, 102, 101),
            "mppt", List.of(160));

    /** Model 160: the repeating block starts here, each module this long. */
    static final int MPPT_FIRST_MODULE = 10;
    static final int MPPT_MODULE_LENGTH = 20;

    private static final Map<String, Map<String, SunSpecField>> FIELDS = Map.of(
            "common", index(
                    SunSpecField.string("Mn", 2, 16),
                    SunSpecField.string("Md", 18, 16),
                    SunSpecField.string("Opt", 34, 8),
                    SunSpecField.string("Vr", 42, 8),
                    SunSpecField.string("SN", 50, 16),
                    SunSpecField.uint16("DA", 66, -1)),
            "inverter", index(
                    SunSpecField.uint16("A", 2, 6),
                    SunSpecField.uint16("AphA", 3, 6),
                    SunSpecField.uint16("AphB", 4, 6),
                    SunSpecField.uint16("AphC", 5, 6),
                    SunSpecField.uint16("PhVphA", 10, 13),
                    SunSpecField.uint16("PhVphB", 11, 13),
                    SunSpecField.uint16("PhVphC", 12, 13),
                    SunSpecField.int16("W", 14, 15),
                    SunSpecField.uint16("Hz", 16, 17),
                    SunSpecField.int16("VA", 18, 19),
                    SunSpecField.int16("VAr", 20, 21),
                    SunSpecField.int16("PF", 22, 23),
                    SunSpecField.acc32("WH", 24, 26),
                    SunSpecField.uint16("DCA", 27, 28),
                    SunSpecField.uint16("DCV", 29, 30),
                    SunSpecField.int16("DCW", 31, 32),
                    SunSpecField.int16("TmpCab", 33, 37),
                    SunSpecField.uint16("St", 38, -1),
                    SunSpecField.uint16("StVnd", 39, -1)),
            "mppt", index(
                    SunSpecField.uint16("DCA", 9, 2),
                    SunSpecField.uint16("DCV", 10, 3),
                    SunSpecField.uint16("DCW", 11, 4),
                    SunSpecField.acc32("DCWH", 12, 5),
                    SunSpecField.int16("Tmp", 16, -1),
                    SunSpecField.uint16("DCSt", 17, -1)));

    private SunSpecModels() {
    }

    /** The group for a configured model: a group name, or a model number (1, 101, 102, 103, 160). */
    static Optional<String> group(String model) {
        String key = model.strip().toLowerCase(Locale.ROOT);
        if (FIELDS.containsKey(key)) {
            return Optional.of(key);
        }
        return MODEL_IDS.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(id -> String.valueOf(id).equals(key)))
                .map(Map.Entry::getKey).findFirst();
    }

    static Optional<SunSpecField> field(String group, String name) {
        return Optional.ofNullable(FIELDS.getOrDefault(group, Map.of()).get(name));
    }

    static List<String> fieldNames(String group) {
        return FIELDS.getOrDefault(group, Map.of()).keySet().stream().sorted().toList();
    }

    private static Map<String, SunSpecField> index(SunSpecField... fields) {
        return List.of(fields).stream().collect(Collectors.toUnmodifiableMap(SunSpecField::name, Function.identity()));
    }
}
