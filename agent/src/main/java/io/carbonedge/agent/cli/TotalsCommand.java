package io.carbonedge.agent.cli;

import io.carbonedge.agent.config.AgentConfig;
import io.carbonedge.agent.store.BufferDatabase;
import io.carbonedge.agent.store.LocalTotals;
import io.carbonedge.agent.store.LocalTotals.PointRow;
import io.carbonedge.agent.store.LocalTotals.SiteRow;
import io.carbonedge.agent.totals.Period;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code carbonedge totals}: the energy and carbon totals kept in the local buffer, for a
 * technician: a day's intervals (default today) or a month's days, each point's total with kgce,
 * kgCO2 and completeness, then the site figures. Only closed periods are shown.
 */
@Command(name = "totals", mixinStandardHelpOptions = true,
        description = "Print the closed energy and carbon totals in the local buffer: a day's intervals or a month's days.")
final class TotalsCommand implements Callable<Integer> {

    @Mixin
    DataDirOption location;

    @Option(names = "--day", paramLabel = "YYYY-MM-DD", description = "The day to show, local time (default: today).")
    String day;

    @Option(names = "--month", paramLabel = "YYYY-MM", description = "Show this month's days instead.")
    String month;

    @Option(names = "--csv", description = "One CSV row per total and site figure instead of the table.")
    boolean csv;

    @Spec
    CommandSpec spec;

    private TotalsCsv csvRows;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (day != null && month != null) {
            err.println("carbonedge totals: give --day or --month, not both");
            return Main.INVALID;
        }
        Optional<AgentConfig> loaded = location.load(err);
        if (loaded.isEmpty()) {
            return Main.INVALID;
        }
        AgentConfig c = loaded.get();
        c.devices().forEach(d -> d.driver().close());
        ZoneId zone = c.accounting().zone();
        if (!Files.exists(c.dataDir().resolve(BufferDatabase.FILE_NAME))) {
            err.println("carbonedge totals: no buffer at " + c.dataDir().resolve(BufferDatabase.FILE_NAME));
            return Main.RUNTIME_FAILURE;
        }
        LocalTotals totals = new LocalTotals(BufferDatabase.existing(c.dataDir()));
        csvRows = csv ? new TotalsCsv(zone) : null;
        try {
            if (month != null) {
                YearMonth m = YearMonth.parse(month);
                Instant from = m.atDay(1).atStartOfDay(zone).toInstant();
                Instant to = m.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
                title(out, String.format("%s, days (zone %s)", m, zone));
                print(out, Period.DAY, totals.points(Period.DAY, from, to), zone, "yyyy-MM-dd");
                printSite(out, Period.MONTH, totals.site(Period.MONTH, from, to));
            } else {
                LocalDate d = day == null ? LocalDate.now(zone) : LocalDate.parse(day);
                Instant from = d.atStartOfDay(zone).toInstant();
                Instant to = d.plusDays(1).atStartOfDay(zone).toInstant();
                title(out, String.format("%s, %s intervals (zone %s)", d,
                        c.accounting().interval().toMinutes() + "-minute", zone));
                print(out, Period.INTERVAL, totals.points(Period.INTERVAL, from, to), zone, "HH:mm");
                if (csvRows == null) {
                    out.println("day:");
                }
                print(out, Period.DAY, totals.points(Period.DAY, from, to), zone, "yyyy-MM-dd");
                printSite(out, Period.DAY, totals.site(Period.DAY, from, to));
            }
        } catch (DateTimeParseException e) {
            err.println("carbonedge totals: expected --day YYYY-MM-DD or --month YYYY-MM, got '" + e.getParsedString() + "'");
            return Main.INVALID;
        }
        out.flush();
        return Main.OK;
    }

    /** The table's title line; the CSV's header instead. */
    private void title(PrintWriter out, String title) {
        out.println(csvRows == null ? title : TotalsCsv.HEADER);
    }

    private void print(PrintWriter out, Period period, List<PointRow> rows, ZoneId zone, String timePattern) {
        if (csvRows != null) {
            rows.forEach(r -> out.println(csvRows.point(period, r, unit(r))));
            return;
        }
        if (rows.isEmpty()) {
            out.println("  (no closed totals)");
            return;
        }
        DateTimeFormatter time = DateTimeFormatter.ofPattern(timePattern).withZone(zone);
        out.printf("  %-10s %-28s %-20s %14s %-4s %12s %12s %6s %4s%n",
                "start", "device/point", "carrier", "amount", "unit", "kgce", "kgCO2", "compl", "rev");
        for (PointRow r : rows) {
            out.printf(Locale.ROOT, "  %-10s %-28s %-20s %14.3f %-4s %12.3f %12.3f %6s %4d%s%n", time.format(r.start()),
                    r.device() + "/" + r.point(), r.carrier(), r.amount(), unit(r), r.kgce(), r.kgCo2(),
                    Double.isNaN(r.completeness()) ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * r.completeness()),
                    r.revision(), r.estimated() ? " estimated" : "");
        }
    }

    private static String unit(PointRow r) {
        var carrier = io.carbonedge.agent.totals.Carrier.ofConfigName(r.carrier());
        return carrier == null ? r.unit() : carrier.unit();
    }

    private void printSite(PrintWriter out, Period period, List<SiteRow> rows) {
        if (csvRows != null) {
            rows.forEach(r -> out.println(csvRows.site(period, r)));
            return;
        }
        out.println("site (" + period.wireName() + "):");
        if (rows.isEmpty()) {
            out.println("  (not closed yet)");
        }
        for (SiteRow r : rows) {
            out.printf(Locale.ROOT, "  %-24s %14.4f %s%n", r.figure(), r.value(), r.unit());
        }
    }
}
