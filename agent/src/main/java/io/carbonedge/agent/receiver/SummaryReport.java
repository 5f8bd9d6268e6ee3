package io.carbonedge.agent.receiver;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The receiver's summary in words, per gateway: readings received, distinct points, first and last
 * reading time, and totals per carrier (the latest revision of each interval counts).
 */
final class SummaryReport {

    private static final String LATEST_REVISIONS = """
            SELECT carrier, unit, SUM(amount), SUM(kgce), SUM(kgco2), COUNT(*) FROM total t
            WHERE gateway = ? AND period = 'interval' AND revision = (SELECT MAX(revision) FROM total u
              WHERE u.gateway = t.gateway AND u.device = t.device AND u.point = t.point
              AND u.interval_start_ms = t.interval_start_ms AND u.period = 'interval')
            GROUP BY carrier, unit ORDER BY carrier, unit""";

    /** Day figures of the site, latest revision (shown by the instant the day starts: local midnight). */
    private static final String LATEST_SITE_DAYS = """
            SELECT start_ms, figure, value, unit FROM site_figure f WHERE gateway = ? AND period = 'day'
              AND revision = (SELECT MAX(revision) FROM site_figure g WHERE g.gateway = f.gateway
                              AND g.figure = f.figure AND g.period = 'day' AND g.start_ms = f.start_ms)
            ORDER BY start_ms, figure""";

    private final ReceiverStore store;

    SummaryReport(ReceiverStore store) {
        this.store = store;
    }

    String text() throws SQLException {
        StringBuilder out = new StringBuilder();
        List<Object[]> gateways = store.query(
                "SELECT gateway FROM reading UNION SELECT gateway FROM total ORDER BY 1");
        if (gateways.isEmpty()) {
            out.append("nothing received\n");
        }
        for (Object[] g : gateways) {
            String gateway = (String) g[0];
            Object[] r = store.query("SELECT COUNT(*), COUNT(DISTINCT device || '/' || point), MIN(time_ms),"
                    + " MAX(time_ms) FROM reading WHERE gateway = ?", gateway).get(0);
            long count = ((Number) r[0]).longValue();
            out.append("gateway ").append(gateway).append(": ").append(count).append(" readings of ")
                    .append(((Number) r[1]).longValue()).append(" points");
            if (count > 0) {
                out.append(", ").append(Instant.ofEpochMilli(((Number) r[2]).longValue())).append(" .. ")
                        .append(Instant.ofEpochMilli(((Number) r[3]).longValue()));
            }
            out.append('\n');
            for (Object[] t : store.query(LATEST_REVISIONS, gateway)) {
                out.append(String.format(Locale.ROOT, "  %s: %.3f %s, %.3f kgce, %.3f kgCO2 (%d intervals)%n",
                        t[0], number(t[2]), t[1], number(t[3]), number(t[4]), ((Number) t[5]).longValue()));
            }
            for (Object[] f : store.query(LATEST_SITE_DAYS, gateway)) {
                out.append(String.format(Locale.ROOT, "  site day from %s %s: %.4f %s%n",
                        Instant.ofEpochMilli(((Number) f[0]).longValue()), f[1],
                        number(f[2]), f[3]));
            }
            for (Object[] e : store.query("SELECT kind, COUNT(*) FROM counter_event WHERE gateway = ?"
                    + " GROUP BY kind ORDER BY kind", gateway)) {
                out.append("  counter events ").append(e[0]).append(": ").append(((Number) e[1]).longValue()).append('\n');
            }
        }
        out.append("duplicates dropped: ").append(duplicates()).append('\n');
        return out.toString();
    }

    long duplicates() throws SQLException {
        return store.queryLong("SELECT value FROM counter WHERE name = 'duplicates'");
    }

    private static double number(Object o) {
        return o == null ? Double.NaN : ((Number) o).doubleValue();
    }
}
