package io.carbonedge.agent.cli;

import io.carbonedge.agent.store.BufferDatabase;
import io.carbonedge.agent.store.ParkedBatches;
import io.carbonedge.agent.store.ParkedBatches.Entry;
import io.carbonedge.agent.store.ParkedBatches.State;
import io.carbonedge.agent.uplink.ParkedBatch;
import io.carbonedge.agent.uplink.SenmlProfile;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code carbonedge parked}: the batches a platform refused for good (4.xx). Listing them shows
 * the platform's reason; once the cause is fixed on the platform, {@code resend} has the running
 * agent send them again (within a few seconds, or at its next start); {@code drop} gives them up,
 * on purpose and on the record. Works whether the agent runs or not.
 */
@Command(name = "parked", mixinStandardHelpOptions = true,
        description = "List the batches platforms refused for good, with their reasons; send them again or give them up.",
        subcommands = {ParkedCommand.Resend.class, ParkedCommand.Drop.class})
final class ParkedCommand implements Callable<Integer> {

    @Mixin
    DataDirOption location;

    @Option(names = "--uplink", paramLabel = "NAME", description = "Only this uplink's batches.")
    String uplink;

    @Option(names = "--history", description = "Also those already delivered on resend or dropped.")
    boolean history;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return onParked(location, spec, (parked, out) -> {
            List<Entry> entries = parked.list(Optional.ofNullable(uplink)).stream()
                    .filter(e -> history || e.state().waiting()).toList();
            if (entries.isEmpty()) {
                out.println(history ? "no batch was ever parked" : "no parked batches: every platform took everything it was sent");
            }
            entries.forEach(e -> out.println(line(e)));
        });
    }

    /** {@code #3 park readings seq 1001..1500 (500 records) parked 2026-03-01T08:00:00Z: 4.00 BAD_REQUEST: …}. */
    static String line(Entry e) {
        ParkedBatch b = e.batch();
        return String.format(Locale.ROOT, "#%d %s %s seq %d..%d (%d records) %s %s: %s", b.id(), b.uplink(),
                SenmlProfile.streamName(b.stream()), b.firstSeq(), b.lastSeq(), b.records(),
                describe(e.state()), e.changedAt(), b.reason());
    }

    private static String describe(State state) {
        return switch (state) {
            case PARKED -> "parked";
            case RESEND -> "to be sent again, asked";
            case DELIVERED -> "delivered on resend";
            case DROPPED -> "dropped";
        };
    }

    /** What a command does with the parked batches of the buffer, printing to {@code out}. */
    private interface Work {
        void on(ParkedBatches parked, PrintWriter out) throws SQLException;
    }

    /** Opens the buffer of the data directory (a usage error when there is none) and does the work. */
    private static int onParked(DataDirOption location, CommandSpec spec, Work work) throws Exception {
        Optional<Path> dir = location.dataDir(spec.commandLine().getErr());
        if (dir.isEmpty()) {
            return Main.INVALID;
        }
        if (!Files.exists(dir.get().resolve(BufferDatabase.FILE_NAME))) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no buffer in " + dir.get() + " (see --data)");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (ParkedBatches parked = new ParkedBatches(BufferDatabase.existing(dir.get()), Clock.systemUTC())) {
            work.on(parked, out);
        }
        out.flush();
        return Main.OK;
    }

    /** Which waiting batches a change applies to: ids, or all of them. */
    static final class Selection {
        @Parameters(paramLabel = "ID", arity = "1..*", description = "Parked batch numbers, as `parked` lists them.")
        List<Long> ids;

        @Option(names = "--all", required = true, description = "Every waiting parked batch (of --uplink, if given).")
        boolean all;

        List<Long> ids() {
            return ids == null ? List.of() : ids;
        }
    }

    /** Shared by resend and drop: moves the selected waiting batches to one state. */
    abstract static class Change implements Callable<Integer> {
        @Mixin
        DataDirOption location;

        @Option(names = "--uplink", paramLabel = "NAME", description = "Only this uplink's batches.")
        String uplink;

        @ArgGroup(multiplicity = "1")
        Selection selection;

        @Spec
        CommandSpec spec;

        abstract State target();

        abstract String done();

        @Override
        public Integer call() throws Exception {
            return onParked(location, spec, (parked, out) -> {
                List<Entry> changed;
                try {
                    changed = parked.move(selection.ids(), Optional.ofNullable(uplink), target());
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
                }
                changed.forEach(e -> out.println(line(e)));
                out.printf("%d batch%s %s%n", changed.size(), changed.size() == 1 ? "" : "es", done());
            });
        }
    }

    @Command(name = "resend", mixinStandardHelpOptions = true,
            description = "Have the agent send parked batches again, once the platform has been fixed to take them.")
    static final class Resend extends Change {
        @Override
        State target() {
            return State.RESEND;
        }

        @Override
        String done() {
            return "to be sent again: the running agent sends them within a few seconds (or at its next start); "
                    + "`carbonedge parked --history` shows the outcome";
        }
    }

    @Command(name = "drop", mixinStandardHelpOptions = true,
            description = "Give parked batches up: the platform will never have them. Kept on record (parked --history); "
                    + "their readings become ordinary history, pruned with the retention.")
    static final class Drop extends Change {
        @Override
        State target() {
            return State.DROPPED;
        }

        @Override
        String done() {
            return "dropped: the platform will not get them (kept on record, see `carbonedge parked --history`)";
        }
    }
}
