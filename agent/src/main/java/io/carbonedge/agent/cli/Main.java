package io.carbonedge.agent.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code carbonedge}: the command line. Exit codes: 0 success, 1 runtime failure, 2 invalid
 * configuration or usage.
 */
@Command(name = "carbonedge",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Edge agent for factory gateways: polls meters, buffers every reading, totals energy and carbon, forwards to the park platform.",
        subcommands = {RunCommand.class, CheckCommand.class, DemoCommand.class, ReceiveCommand.class,
                ExportCommand.class, StatusCommand.class, TotalsCommand.class, PkiCommand.class, ParkedCommand.class})
public final class Main implements Runnable {

    public static final int OK = 0;
    public static final int RUNTIME_FAILURE = 1;
    public static final int INVALID = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? INVALID : RUNTIME_FAILURE);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("carbonedge: " + e.getMessage());
            return RUNTIME_FAILURE;
        });
        return cli;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: run, check, demo or receive");
    }
}
