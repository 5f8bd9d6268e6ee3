package io.carbonedge.agent.config;

import java.util.List;

/** The configuration has mistakes; all of them are listed. */
public class InvalidConfigException extends Exception {

    private final transient List<ConfigError> errors;

    public InvalidConfigException(List<ConfigError> errors) {
        super(errors.size() + " configuration error(s)");
        this.errors = List.copyOf(errors);
    }

    public List<ConfigError> errors() {
        return errors;
    }
}
