package io.carbonedge.agent.uplink;

import java.util.Map;

/**
 * One decoded SenML record with its base values resolved (RFC 8428 §4.6): the name is base name +
 * name, the time base time + time, the unit the record's or else the base unit, the value base
 * value + value.
 *
 * @param name         the full name
 * @param time         seconds since the epoch (0 when neither bt nor t was given)
 * @param unit         the unit, or {@code null}
 * @param value        the numeric value, or {@code null} when the record has none
 * @param stringValue  {@code vs}, or {@code null}
 * @param booleanValue {@code vb}, or {@code null}
 * @param sum          {@code s} (plus {@code bs}), or {@code null}
 * @param extensions   labels that are not RFC 8428's, with {@code Long}, {@code Double},
 *                     {@code String} or {@code Boolean} values
 */
public record SenmlRecord(String name, double time, String unit, Double value, String stringValue,
                          Boolean booleanValue, Double sum, Map<String, Object> extensions) {

    public SenmlRecord {
        extensions = Map.copyOf(extensions);
    }

    /** An integer extension, or {@code null} when absent or not an integer. */
    public Long longExtension(String label) {
        Object v = extensions.get(label);
        return v instanceof Long l ? l : null;
    }

    /** A text extension, or {@code null} when absent or not text. */
    public String textExtension(String label) {
        Object v = extensions.get(label);
        return v instanceof String s ? s : null;
    }
}
