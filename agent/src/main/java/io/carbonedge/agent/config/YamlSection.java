package io.carbonedge.agent.config;

import io.carbonedge.driver.ConfigSection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A map of a YAML file read field by field: wrong values are reported with their position and
 * replaced by the fallback, so reading goes on and every mistake is found in one pass. Every
 * field asked for is remembered; {@link #reportUnknownFields()} then names the others.
 */
final class YamlSection implements ConfigSection {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)");

    private final String file;
    private final String path;
    private final YamlNode.MapNode map;
    private final ConfigErrors errors;
    private final Set<String> asked = new LinkedHashSet<>();
    private final List<YamlSection> children = new ArrayList<>();
    private boolean checkUnknown = true;

    /**
     * @param path the field path of this map, e.g. {@code points[2]}; empty at the top of a file
     */
    YamlSection(String file, String path, YamlNode.MapNode map, ConfigErrors errors) {
        this.file = file;
        this.path = path;
        this.map = map;
        this.errors = errors;
    }

    /** An empty section that reports nothing of its own, standing in for a missing or broken map. */
    static YamlSection empty(String file, String path, int line, int column, ConfigErrors errors) {
        return new YamlSection(file, path, new YamlNode.MapNode(java.util.Map.of(), line, column), errors);
    }

    String file() {
        return file;
    }

    @Override
    public boolean has(String field) {
        asked.add(field);
        YamlNode node = map.get(field);
        return node != null && !(node instanceof YamlNode.Scalar s && s.text() == null);
    }

    @Override
    public String text(String field) {
        return scalar(field, "text").orElseGet(() -> {
            missing(field, "text");
            return "";
        });
    }

    @Override
    public Optional<String> optionalText(String field) {
        return scalar(field, "text");
    }

    @Override
    public String text(String field, String fallback) {
        return scalar(field, "text").orElse(fallback);
    }

    @Override
    public long integer(String field, long min, long max) {
        if (!has(field)) {
            missing(field, "a whole number from " + min + " to " + max);
            return min;
        }
        return integer(field, min, max, min);
    }

    @Override
    public long integer(String field, long min, long max, long fallback) {
        Optional<String> text = scalar(field, "a whole number");
        if (text.isEmpty()) {
            return fallback;
        }
        String expected = "a whole number from " + min + " to " + max;
        Long value = parseInteger(text.get());
        if (value == null) {
            reportError(field, expected + ", got " + quote(text.get()));
            return fallback;
        }
        if (value < min || value > max) {
            reportError(field, expected + ", got " + text.get());
            return fallback;
        }
        return value;
    }

    @Override
    public double number(String field, double min, double max, double fallback) {
        Optional<String> text = scalar(field, "a number");
        if (text.isEmpty()) {
            return fallback;
        }
        String expected = "a number from " + plain(min) + " to " + plain(max);
        try {
            Long asInteger = parseInteger(text.get());
            double value = asInteger != null ? asInteger : Double.parseDouble(text.get());
            if (!(value >= min && value <= max)) {
                reportError(field, expected + ", got " + text.get());
                return fallback;
            }
            return value;
        } catch (NumberFormatException e) {
            reportError(field, expected + ", got " + quote(text.get()));
            return fallback;
        }
    }

    @Override
    public boolean flag(String field, boolean fallback) {
        Optional<String> text = scalar(field, "true or false");
        if (text.isEmpty()) {
            return fallback;
        }
        return switch (text.get().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> {
                reportError(field, "true or false, got " + quote(text.get()));
                yield fallback;
            }
        };
    }

    @Override
    public Duration duration(String field, Duration fallback) {
        Optional<String> text = scalar(field, "a duration");
        if (text.isEmpty()) {
            return fallback;
        }
        Optional<Duration> parsed = parseDuration(text.get());
        if (parsed.isEmpty() || parsed.get().isZero()) {
            reportError(field, "a positive duration such as 500ms, 10s, 5m or 1h, got " + quote(text.get()));
            return fallback;
        }
        return parsed.get();
    }

    /** Parses {@code 500ms}, {@code 10s}, {@code 1.5m}, {@code 1h}, {@code 2d}. */
    static Optional<Duration> parseDuration(String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        double n = Double.parseDouble(m.group(1));
        long unitMillis = switch (m.group(2)) {
            case "ms" -> 1;
            case "s" -> 1_000;
            case "m" -> 60_000;
            case "h" -> 3_600_000;
            default -> 86_400_000;
        };
        return Optional.of(Duration.ofMillis(Math.round(n * unitMillis)));
    }

    @Override
    public <E extends Enum<E>> E choice(String field, Class<E> type, E fallback) {
        Optional<String> text = scalar(field, "one of " + words(type));
        if (text.isEmpty()) {
            return fallback;
        }
        String wanted = normalise(text.get());
        for (E constant : type.getEnumConstants()) {
            if (normalise(constant.name()).equals(wanted)) {
                return constant;
            }
        }
        reportError(field, "one of " + words(type) + ", got " + quote(text.get()));
        return fallback;
    }

    @Override
    public ConfigSection section(String field) {
        return requiredMap(field);
    }

    /** Like {@link #section} but typed. */
    YamlSection requiredMap(String field) {
        return optionalMap(field).orElseGet(() -> {
            if (map.get(field) == null) {
                missing(field, "a map");
            }
            return empty(file, join(field), map.line(), map.column(), errors);
        });
    }

    @Override
    public Optional<ConfigSection> optionalSection(String field) {
        return optionalMap(field).map(s -> s);
    }

    /** Like {@link #optionalSection} but typed, for the loader's own use. */
    Optional<YamlSection> optionalMap(String field) {
        asked.add(field);
        YamlNode node = map.get(field);
        if (node == null || node instanceof YamlNode.Scalar s && s.text() == null) {
            return Optional.empty();
        }
        if (node instanceof YamlNode.MapNode child) {
            return Optional.of(child(join(field), child));
        }
        error(node, field, "expected a map of settings, got " + node.describe());
        return Optional.empty();
    }

    /** The map under {@code field}, or an empty one when the field is absent (all defaults apply). */
    YamlSection mapOrEmpty(String field) {
        return optionalMap(field).orElseGet(() -> empty(file, join(field), map.line(), map.column(), errors));
    }

    @Override
    public List<ConfigSection> sections(String field) {
        return new ArrayList<>(maps(field));
    }

    /** Like {@link #sections} but typed. */
    List<YamlSection> maps(String field) {
        asked.add(field);
        YamlNode node = map.get(field);
        if (node == null || node instanceof YamlNode.Scalar s && s.text() == null) {
            return List.of();
        }
        if (!(node instanceof YamlNode.ListNode list)) {
            error(node, field, "expected a list (items starting with '- '), got " + node.describe());
            return List.of();
        }
        List<YamlSection> out = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            YamlNode item = list.items().get(i);
            String itemPath = join(field) + "[" + i + "]";
            if (item instanceof YamlNode.MapNode m) {
                out.add(child(itemPath, m));
            } else {
                errors.add(file, item.line(), item.column(), itemPath, "expected a map of settings, got " + item.describe());
            }
        }
        return out;
    }

    @Override
    public void reportError(String field, String expected) {
        YamlNode node = map.get(field);
        if (node != null) {
            error(node, field, "expected " + expected);
        } else {
            errors.add(file, map.line(), map.column(), join(field), "expected " + expected);
        }
    }

    @Override
    public String location() {
        return file + ":" + map.line() + ":" + map.column();
    }

    /**
     * Leaves this map out of the unknown-field check: its reader never ran (a device whose
     * protocol is unknown), so every field would look unknown.
     */
    void ignoreUnknownFields() {
        checkUnknown = false;
    }

    /** Reports every field of this map and of the maps read from it that nobody asked for. */
    void reportUnknownFields() {
        if (!checkUnknown) {
            return;
        }
        for (YamlNode.Key key : map.entries().keySet()) {
            if (!asked.contains(key.name())) {
                String hint = FieldSuggestions.nearest(key.name(), asked)
                        .map(s -> "; did you mean '" + s + "'?")
                        .orElse(asked.isEmpty() ? "" : "; expected one of: " + String.join(", ", asked));
                errors.add(file, key.line(), key.column(), join(key.name()), "unknown field '" + key.name() + "'" + hint);
            }
        }
        children.forEach(YamlSection::reportUnknownFields);
    }

    int line() {
        return map.line();
    }

    /** Reports a mistake about a field, at the field's value (or at this map if it is absent). */
    void error(String field, String message) {
        YamlNode node = map.get(field);
        errors.add(file, node == null ? map.line() : node.line(), node == null ? map.column() : node.column(),
                join(field), message);
    }

    private YamlSection child(String childPath, YamlNode.MapNode node) {
        YamlSection child = new YamlSection(file, childPath, node, errors);
        children.add(child);
        return child;
    }

    private Optional<String> scalar(String field, String expected) {
        asked.add(field);
        YamlNode node = map.get(field);
        if (node == null) {
            return Optional.empty();
        }
        if (node instanceof YamlNode.Scalar s) {
            return Optional.ofNullable(s.text());
        }
        error(node, field, "expected " + expected + ", got " + node.describe());
        return Optional.empty();
    }

    private void missing(String field, String expected) {
        String where = path.isEmpty() ? "" : " in " + path;
        errors.add(file, map.line(), map.column(), join(field), "missing required field '" + field + "'" + where
                + ": expected " + expected);
    }

    private void error(YamlNode node, String field, String message) {
        errors.add(file, node.line(), node.column(), join(field), message);
    }

    private String join(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static Long parseInteger(String text) {
        String t = text.strip().replace("_", "");
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return Long.parseLong(t.substring(2), 16);
            }
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String normalise(String word) {
        return word.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static <E extends Enum<E>> String words(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(c -> normalise(c.name())).collect(Collectors.joining(", "));
    }

    private static String quote(String text) {
        return "'" + text + "'";
    }

    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }
}
