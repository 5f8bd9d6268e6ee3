package io.carbonedge.agent.cli;

import io.carbonedge.agent.config.AgentConfig;
import io.carbonedge.agent.store.BufferDatabase;
import io.carbonedge.agent.store.Reading;
import io.carbonedge.agent.store.ReadingHistory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code carbonedge export}: the local history as CSV, for the national six-month storage rule. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export buffered readings of a date range as CSV (seq,device,point,time,value,unit,quality,reason). "
                + "Dates are local dates in the accounting zone; --to is inclusive.")
final class ExportCommand implements Callable<Integer> {

    @Mixin
    DataDirOption location;

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First day to export.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last day to export (inclusive).")
    String to;

    @Option(names = "--device", paramLabel = "ID", description = "Only this device.")
    String device;

    @Option(names = "--csv", description = "CSV output (the default and, for now, only format).")
    boolean csv;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Optional<AgentConfig> loaded = location.load(spec.commandLine().getErr());
        if (loaded.isEmpty()) {
            return Main.INVALID;
        }
        ZoneId zone = loaded.get().accounting().zone();
        Instant start = day(from, "--from").atStartOfDay(zone).toInstant();
        Instant end = day(to, "--to").plusDays(1).atStartOfDay(zone).toInstant();
        Path dir = loaded.get().dataDir();
        if (!Files.exists(dir.resolve(BufferDatabase.FILE_NAME))) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no buffer in " + dir + " (see --data)");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("seq,device,point,time,value,unit,quality,reason");
        long n = new ReadingHistory(BufferDatabase.existing(dir)).readings(start, end, device, r -> out.println(csv(r)));
        out.flush();
        spec.commandLine().getErr().printf("%d readings exported%n", n);
        return Main.OK;
    }

    private LocalDate day(String text, String option) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    option + ": expected a date such as 2026-03-01, got '" + text + "'");
        }
    }

    static String csv(Reading r) {
        return String.join(",", Long.toString(r.seq()), Csv.field(r.device()), Csv.field(r.point()), r.time().toString(),
                Double.isNaN(r.value()) ? "" : Double.toString(r.value()), Csv.field(r.unit()),
                r.quality().name().toLowerCase(Locale.ROOT), r.reason() == null ? "" : Csv.field(r.reason()));
    }
}
