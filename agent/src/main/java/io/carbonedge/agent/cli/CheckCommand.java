package io.carbonedge.agent.cli;

import io.carbonedge.agent.config.AgentConfig;
import io.carbonedge.agent.config.DeviceConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code carbonedge check}: validates the configuration without touching devices or the buffer. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validate the configuration: every mistake is listed with its file, line and field. Exit 0 when valid, 2 when not.")
final class CheckCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Optional<AgentConfig> loaded = config.load(spec.commandLine().getErr());
        if (loaded.isEmpty()) {
            return Main.INVALID;
        }
        AgentConfig c = loaded.get();
        int points = c.devices().stream().mapToInt(d -> d.spec().points().size()).sum();
        out.printf("configuration OK: gateway %s, %d device(s), %d point(s), %d uplink(s)%n",
                c.gatewayId(), c.devices().size(), points, c.uplinks().size());
        for (DeviceConfig d : c.devices()) {
            out.printf("  %-20s %-8s every %-6s %d point(s)%n", d.id(), d.spec().protocol(),
                    Durations.format(d.spec().interval()), d.spec().points().size());
            d.driver().close();
        }
        out.flush();
        return Main.OK;
    }
}
