package io.carbonedge.driver.testing;

import io.carbonedge.driver.ConfigSection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link ConfigSection} over a plain map, for the drivers' tests (shipped as this module's
 * test-jar): records every reported mistake as {@code "field: expected"} in a list shared by its
 * nested sections. The agent's real implementation reads YAML with positions.
 */
public final class MapConfigSection implements ConfigSection {

    private final Map<String, Object> values;
    private final List<String> errors;

    public MapConfigSection(Map<String, ?> values) {
        this(values, new ArrayList<>());
    }

    /** A section that reports into a shared list of mistakes. */
    public MapConfigSection(Map<String, ?> values, List<String> errors) {
        this.values = new LinkedHashMap<>(values);
        this.errors = errors;
    }

    /** The mistakes reported so far, by this section and its nested ones. */
    /** Every mistake reported so far, by this section and the sections read from it. */
    public List<String> errors() {
        return errors;
    }

    @Override
    public boolean has(String field) {
        return values.containsKey(field);
    }

    @Override
    public String text(String field) {
        Optional<String> value = optionalText(field);
        if (value.isEmpty()) {
            reportError(field, "a value (missing)");
        }
        return value.orElse("");
    }

    @Override
    public Optional<String> optionalText(String field) {
        return Optional.ofNullable(values.get(field)).map(String::valueOf);
    }

    @Override
    public String text(String field, String fallback) {
        return optionalText(field).orElse(fallback);
    }

    @Override
    public long integer(String field, long min, long max) {
        if (!has(field)) {
            reportError(field, "a whole number (missing)");
            return min;
        }
        return integer(field, min, max, min);
    }

    @Override
    public long integer(String field, long min, long max, long fallback) {
        Object value = values.get(field);
        if (value == null) {
            return fallback;
        }
        long parsed;
        try {
            String text = String.valueOf(value).strip().toLowerCase(Locale.ROOT);
            parsed = text.startsWith("0x") ? Long.parseLong(text.substring(2), 16) : Long.parseLong(text);
        } catch (NumberFormatException e) {
            reportError(field, "a whole number");
            return fallback;
        }
        if (parsed < min || parsed > max) {
            reportError(field, "a whole number from " + min + " to " + max);
            return fallback;
        }
        return parsed;
    }

    @Override
    public double number(String field, double min, double max, double fallback) {
        Object value = values.get(field);
        if (value == null) {
            return fallback;
        }
        try {
            double parsed = Double.parseDouble(String.valueOf(value));
            if (parsed < min || parsed > max) {
                reportError(field, "a number from " + min + " to " + max);
                return fallback;
            }
            return parsed;
        } catch (NumberFormatException e) {
            reportError(field, "a number");
            return fallback;
        }
    }

    @Override
    public boolean flag(String field, boolean fallback) {
        Object value = values.get(field);
        return value == null ? fallback : Boolean.parseBoolean(String.valueOf(value));
    }

    @Override
    public Duration duration(String field, Duration fallback) {
        Object value = values.get(field);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Duration d) {
            return d;
        }
        String text = String.valueOf(value).strip();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)").matcher(text);
        if (!m.matches() || Double.parseDouble(m.group(1)) == 0) {
            reportError(field, "a positive duration such as 500ms, 10s, 5m or 1h");
            return fallback;
        }
        double n = Double.parseDouble(m.group(1));
        long unitMillis = switch (m.group(2)) {
            case "ms" -> 1;
            case "s" -> 1_000;
            case "m" -> 60_000;
            default -> 3_600_000;
        };
        return Duration.ofMillis(Math.round(n * unitMillis));
    }

    @Override
    public <E extends Enum<E>> E choice(String field, Class<E> type, E fallback) {
        Object value = values.get(field);
        if (value == null) {
            return fallback;
        }
        String wanted = String.valueOf(value).strip().replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(wanted)) {
                return constant;
            }
        }
        reportError(field, "one of " + List.of(type.getEnumConstants()));
        return fallback;
    }

    @Override
    @SuppressWarnings("unchecked")
    public ConfigSection section(String field) {
        Object value = values.get(field);
        return new MapConfigSection(value instanceof Map<?, ?> map ? (Map<String, ?>) map : Map.of(), errors);
    }

    @Override
    public Optional<ConfigSection> optionalSection(String field) {
        return has(field) ? Optional.of(section(field)) : Optional.empty();
    }

    @Override
    public List<ConfigSection> sections(String field) {
        Object value = values.get(field);
        List<ConfigSection> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                @SuppressWarnings("unchecked")
                Map<String, ?> map = item instanceof Map<?, ?> m ? (Map<String, ?>) m : Map.of();
                out.add(new MapConfigSection(map, errors));
            }
        }
        return out;
    }

    @Override
    public void reportError(String field, String expected) {
        errors.add(field + ": " + expected);
    }

    @Override
    public String location() {
        return "test";
    }
}
