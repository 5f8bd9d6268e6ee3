package io.carbonedge.driver;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A map in a configuration file, read field by field. Mistakes are never thrown: they are
 * reported, with the file, line and column, and reading goes on with a fallback value so that
 * a technician sees every mistake at once. Whoever hands out sections checks, once reading is
 * done, that every field in the file was asked for; any other field is reported as unknown,
 * with a "did you mean" built from the fields that were asked for.
 *
 * <p>Field names are the YAML keys, lower case with hyphens ({@code unit-id}).
 */
public interface ConfigSection {

    /** Whether the field is present (asking marks it as known). */
    boolean has(String field);

    /** A required text field; reports it missing and returns "" when absent. */
    String text(String field);

    /** An optional text field. */
    Optional<String> optionalText(String field);

    /** A text field with a default. */
    String text(String field, String fallback);

    /** A required whole number within [min, max]. Hex ({@code 0x401E}) is accepted. */
    long integer(String field, long min, long max);

    /** An optional whole number within [min, max], {@code fallback} when absent. */
    long integer(String field, long min, long max, long fallback);

    /** An optional number within [min, max], {@code fallback} when absent. */
    double number(String field, double min, double max, double fallback);

    /** An optional flag. */
    boolean flag(String field, boolean fallback);

    /** An optional duration such as {@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h}; must be positive. */
    Duration duration(String field, Duration fallback);

    /**
     * One of a fixed set of words, compared ignoring case with '-' and '_' alike, e.g.
     * {@code choice("type", DataType.class, DataType.UINT16)}.
     */
    <E extends Enum<E>> E choice(String field, Class<E> type, E fallback);

    /** A required nested map; an empty section (reporting nothing) when absent or not a map. */
    ConfigSection section(String field);

    /** An optional nested map. */
    Optional<ConfigSection> optionalSection(String field);

    /** A list of maps; empty when absent. */
    List<ConfigSection> sections(String field);

    /** Reports a mistake in the given field of this section (the section itself if the field is absent). */
    void reportError(String field, String expected);

    /** Where this section is, for messages: {@code devices/meter.yaml:12:5}. */
    String location();
}
