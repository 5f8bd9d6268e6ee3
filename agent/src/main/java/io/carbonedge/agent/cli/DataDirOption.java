package io.carbonedge.agent.cli;

import io.carbonedge.agent.config.AgentConfig;
import io.carbonedge.agent.config.ConfigLoader;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/** {@code --config DIR} with {@code --data DIR}, which overrides the data directory of agent.yaml. */
final class DataDirOption {

    @Mixin
    ConfigOption config;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory; overrides data-dir in agent.yaml.")
    Path data;

    /** The configuration with {@code --data} applied, or empty when it has mistakes (printed to {@code err}). */
    Optional<AgentConfig> load(ConfigLoader loader, PrintWriter err) {
        return config.load(loader, err).map(c -> data == null ? c : c.withDataDir(data));
    }

    Optional<AgentConfig> load(PrintWriter err) {
        return load(new ConfigLoader(), err);
    }

    /** The data directory: {@code --data} as given, without reading the configuration, or agent.yaml's. */
    Optional<Path> dataDir(PrintWriter err) {
        return data != null ? Optional.of(data) : load(err).map(AgentConfig::dataDir);
    }
}
