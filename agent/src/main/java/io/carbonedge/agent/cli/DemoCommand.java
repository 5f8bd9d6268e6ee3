package io.carbonedge.agent.cli;

import io.carbonedge.agent.config.InvalidConfigException;
import io.carbonedge.agent.demo.Demo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code carbonedge demo}: simulated devices, a local receiver and the agent, in one process. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the agent against simulated devices (a transformer meter and a PV inverter on Modbus TCP) "
                + "and a local platform receiver; print a live view, and a summary at the end.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--for", paramLabel = "DURATION", converter = Durations.class,
            description = "Stop after this long, e.g. 90s or 5m (default: run until Ctrl-C).")
    Duration duration;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Where the demo keeps its buffer and the receiver's database (default: a new temporary directory).")
    Path data;

    @Option(names = "--every", paramLabel = "DURATION", converter = Durations.class, defaultValue = "5s",
            description = "How often the live view is printed (default: ${DEFAULT-VALUE}).")
    Duration every;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path dir = data != null ? data : Files.createTempDirectory("carbonedge-demo-");
        try {
            new Demo(dir, spec.commandLine().getOut()).run(duration, every);
            return Main.OK;
        } catch (InvalidConfigException e) {
            ConfigOption.print(dir.resolve("config"), e, spec.commandLine().getErr());
            return Main.INVALID;
        }
    }
}
