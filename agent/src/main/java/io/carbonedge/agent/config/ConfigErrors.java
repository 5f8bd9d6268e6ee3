package io.carbonedge.agent.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects every mistake found while loading, once each, to report them all together. */
final class ConfigErrors {

    private final Set<ConfigError> errors = new LinkedHashSet<>();

    void add(ConfigError error) {
        errors.add(error);
    }

    void add(String file, int line, int column, String field, String message) {
        add(new ConfigError(file, line, column, field, message));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Sorted by file, then position. */
    List<ConfigError> sorted() {
        List<ConfigError> list = new ArrayList<>(errors);
        list.sort(Comparator.comparing(ConfigError::file)
                .thenComparingInt(ConfigError::line)
                .thenComparingInt(ConfigError::column));
        return list;
    }
}
