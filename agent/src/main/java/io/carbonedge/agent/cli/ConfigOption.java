package io.carbonedge.agent.cli;

import io.carbonedge.agent.config.AgentConfig;
import io.carbonedge.agent.config.ConfigError;
import io.carbonedge.agent.config.ConfigLoader;
import io.carbonedge.agent.config.InvalidConfigException;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/** The {@code --config DIR} option shared by commands that load a configuration. */
final class ConfigOption {

    @Option(names = {"-c", "--config"}, paramLabel = "DIR", defaultValue = "/etc/carbonedge",
            description = "Configuration directory holding agent.yaml, devices/ and profiles/ (default: ${DEFAULT-VALUE}).")
    Path dir;

    /** Loads the configuration, or prints every mistake to {@code err} and returns empty. */
    Optional<AgentConfig> load(PrintWriter err) {
        return load(dir, err);
    }

    static Optional<AgentConfig> load(Path dir, PrintWriter err) {
        return load(dir, new ConfigLoader(), err);
    }

    /** As {@link #load(PrintWriter)}, with drivers of the caller's (one set per process). */
    Optional<AgentConfig> load(ConfigLoader loader, PrintWriter err) {
        return load(dir, loader, err);
    }

    private static Optional<AgentConfig> load(Path dir, ConfigLoader loader, PrintWriter err) {
        try {
            return Optional.of(loader.load(dir));
        } catch (InvalidConfigException e) {
            print(dir, e, err);
            return Optional.empty();
        }
    }

    static void print(Path dir, InvalidConfigException e, PrintWriter err) {
        err.println("carbonedge: " + e.errors().size() + " configuration error(s) in " + dir + ":");
        for (ConfigError error : e.errors()) {
            err.println("  " + error);
        }
        err.flush();
    }
}
