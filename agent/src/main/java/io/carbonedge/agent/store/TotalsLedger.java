package io.carbonedge.agent.store;

import io.carbonedge.agent.totals.AccountedPoint;
import io.carbonedge.agent.totals.Carrier;
import io.carbonedge.agent.totals.ClosedInterval;
import io.carbonedge.agent.totals.ConversionFactors;
import io.carbonedge.agent.totals.CounterEvent;
import io.carbonedge.agent.totals.Factor;
import io.carbonedge.agent.totals.IntervalGrid;
import io.carbonedge.agent.totals.Period;
import io.carbonedge.agent.totals.SiteFigures;
import io.carbonedge.agent.totals.SiteFigures.CarrierSum;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes the totals stream on the writer's connection, inside its transaction: closed interval
 * totals with their factors and completeness, counter events, site figures per interval, and day
 * and month totals once the day or month (plus grace) is over. Late data that lands in an interval
 * of a day or month already rolled up rolls it up again as the next revision. Totals, site
 * figures and events share one sequence; {@link #reload()} after a rollback.
 */
final class TotalsLedger {

    private static final String LATEST_INTERVALS = """
            SELECT t.point, t.carrier, SUM(t.amount), SUM(t.kgce), SUM(t.kgco2), MAX(t.estimated) FROM interval_total t
            WHERE t.period = 'interval' AND t.start_ms >= ? AND t.start_ms < ?
              AND t.revision = (SELECT MAX(u.revision) FROM interval_total u WHERE u.point = t.point
                                AND u.start_ms = t.start_ms AND u.length_s = t.length_s AND u.period = 'interval')
            GROUP BY t.point, t.carrier""";

    private final Connection connection;
    private final IntervalGrid grid;
    private final Duration grace;
    private final ConversionFactors factors;
    private final SiteFigures site;
    private final Map<Integer, AccountedPoint> points;
    private long nextSeq;

    TotalsLedger(Connection connection, IntervalGrid grid, Duration grace, ConversionFactors factors,
                 SiteFigures site, Map<Integer, AccountedPoint> points) throws SQLException {
        this.connection = connection;
        this.grid = grid;
        this.grace = grace;
        this.factors = factors;
        this.site = site;
        this.points = Map.copyOf(points);
        reload();
    }

    /** Re-reads the next sequence number (at start and after a rollback). */
    void reload() throws SQLException {
        nextSeq = 1 + longQuery(BufferStats.LAST_TOTAL_SEQ);
    }

    /** Records what one commit closed and found, then rolls up days and months that are over at {@code now}. */
    void record(List<ClosedInterval> closed, List<CounterEvent> events, Instant now) throws SQLException {
        insertEvents(events);
        TreeSet<Instant> starts = new TreeSet<>();
        TreeSet<Instant> revisedDays = new TreeSet<>();
        TreeSet<Instant> revisedMonths = new TreeSet<>();
        Instant lastDay = rolledUp(Period.DAY);
        Instant lastMonth = rolledUp(Period.MONTH);
        for (ClosedInterval c : closed) {
            AccountedPoint p = points.get(c.point());
            insertPointTotal(c.point(), c.carrier(), Period.INTERVAL, c.start(), c.length(), c.amount(), c.revision(),
                    c.estimated(), p == null ? Double.NaN : completeness(p, c.start(), grid.next(c.start())));
            starts.add(c.start());
            Instant day = grid.dayStart(c.start());
            if (lastDay != null && !day.isAfter(lastDay)) {
                revisedDays.add(day);
            }
            Instant month = grid.monthStart(c.start());
            if (lastMonth != null && !month.isAfter(lastMonth)) {
                revisedMonths.add(month);
            }
        }
        for (Instant start : starts) {
            insertSiteFigures(Period.INTERVAL, start, grid.next(start), false);
        }
        for (Instant day : revisedDays) {
            rollUp(Period.DAY, day);
        }
        for (Instant month : revisedMonths) {
            rollUp(Period.MONTH, month);
        }
        rollUpDue(Period.DAY, now);
        rollUpDue(Period.MONTH, now);
    }

    private void rollUpDue(Period period, Instant now) throws SQLException {
        Instant last = rolledUp(period);
        Instant candidate;
        if (last != null) {
            candidate = grid.next(period, last);
        } else {
            long first = longQuery("SELECT COALESCE(MIN(start_ms), -1) FROM interval_total WHERE period = 'interval'");
            if (first < 0) {
                return;
            }
            candidate = grid.startOf(period, Instant.ofEpochMilli(first));
        }
        Instant rolled = null;
        while (!grid.next(period, candidate).plus(grace).isAfter(now)) {
            rollUp(period, candidate);
            rolled = candidate;
            candidate = grid.next(period, candidate);
        }
        if (rolled != null) {
            try (PreparedStatement s = connection.prepareStatement(
                    "INSERT OR REPLACE INTO rollup (period, start_ms) VALUES (?, ?)")) {
                s.setString(1, period.wireName());
                s.setLong(2, rolled.toEpochMilli());
                s.executeUpdate();
            }
        }
    }

    /** Day or month totals of every point with energy in it, and the site's figures. */
    private void rollUp(Period period, Instant start) throws SQLException {
        Instant end = grid.next(period, start);
        try (PreparedStatement s = connection.prepareStatement(LATEST_INTERVALS)) {
            s.setLong(1, start.toEpochMilli());
            s.setLong(2, end.toEpochMilli());
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Object[] {rs.getInt(1), Carrier.ofConfigName(rs.getString(2)), rs.getDouble(3),
                        rs.getInt(6) != 0});
                }
            }
            for (Object[] r : rows) {
                int point = (Integer) r[0];
                AccountedPoint p = points.get(point);
                insertPointTotal(point, (Carrier) r[1], period, start, Duration.between(start, end), (Double) r[2],
                        nextRevision("interval_total", "point = " + point, period, start), (Boolean) r[3],
                        p == null ? Double.NaN : completeness(p, start, end));
            }
        }
        insertSiteFigures(period, start, end, true);
    }

    private void insertSiteFigures(Period period, Instant start, Instant end, boolean skipEmpty) throws SQLException {
        List<Map.Entry<Carrier, CarrierSum>> sums = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(LATEST_INTERVALS)) {
            s.setLong(1, start.toEpochMilli());
            s.setLong(2, end.toEpochMilli());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sums.add(Map.entry(Carrier.ofConfigName(rs.getString(2)),
                            new CarrierSum(rs.getDouble(3), rs.getDouble(4), rs.getDouble(5))));
                }
            }
        }
        if (sums.isEmpty() && skipEmpty) {
            return;
        }
        int revision = nextRevision("site_total", "figure = 'kgce'", period, start);
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO site_total "
                + "(seq, figure, unit, period, start_ms, length_s, value, revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (SiteFigures.Figure f : site.compute(SiteFigures.byCarrier(sums))) {
                s.setLong(1, nextSeq++);
                s.setString(2, f.name());
                s.setString(3, f.unit());
                s.setString(4, period.wireName());
                s.setLong(5, start.toEpochMilli());
                s.setLong(6, Duration.between(start, end).toSeconds());
                s.setDouble(7, f.value());
                s.setInt(8, revision);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private void insertPointTotal(int point, Carrier carrier, Period period, Instant start, Duration length,
                                  double amount, int revision, boolean estimated, double completeness) throws SQLException {
        Factor f = factors.of(carrier);
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO interval_total (seq, point, carrier, "
                + "start_ms, length_s, amount, kgce, kgco2, revision, period, estimated, completeness, kgce_factor, "
                + "kgco2_factor, factor_source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, nextSeq++);
            s.setInt(2, point);
            s.setString(3, carrier.configName());
            s.setLong(4, start.toEpochMilli());
            s.setLong(5, length.toSeconds());
            s.setDouble(6, amount);
            s.setDouble(7, amount * f.kgcePerUnit());
            s.setDouble(8, amount * f.kgCo2PerUnit());
            s.setInt(9, revision);
            s.setString(10, period.wireName());
            s.setInt(11, estimated ? 1 : 0);
            if (Double.isNaN(completeness)) {
                s.setNull(12, Types.REAL);
            } else {
                s.setDouble(12, completeness);
            }
            s.setDouble(13, f.kgcePerUnit());
            s.setDouble(14, f.kgCo2PerUnit());
            s.setString(15, f.source());
            s.executeUpdate();
        }
    }

    private void insertEvents(List<CounterEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT INTO counter_event (seq, point, t_ms, kind, previous, value) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (CounterEvent e : events) {
                s.setLong(1, nextSeq++);
                s.setInt(2, e.point());
                s.setLong(3, e.time().toEpochMilli());
                s.setString(4, e.kind().wireName());
                if (Double.isNaN(e.previous())) {
                    s.setNull(5, Types.REAL);
                } else {
                    s.setDouble(5, e.previous());
                }
                s.setDouble(6, e.value());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Good polls over expected polls of the point's device in [start, end), at most 1. */
    private double completeness(AccountedPoint p, Instant start, Instant end) throws SQLException {
        if (p.device().isEmpty()) {
            return Double.NaN;
        }
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT COALESCE(SUM(polls), 0) FROM device_poll WHERE device = ? AND start_ms >= ? AND start_ms < ?")) {
            s.setString(1, p.device());
            s.setLong(2, start.toEpochMilli());
            s.setLong(3, end.toEpochMilli());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                double expected = (double) Duration.between(start, end).toMillis() / p.pollInterval().toMillis();
                return Math.min(1.0, rs.getLong(1) / expected);
            }
        }
    }

    private int nextRevision(String table, String where, Period period, Instant start) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT COALESCE(MAX(revision), -1) FROM " + table
                + " WHERE " + where + " AND period = ? AND start_ms = ?")) {
            s.setString(1, period.wireName());
            s.setLong(2, start.toEpochMilli());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1) + 1;
            }
        }
    }

    private Instant rolledUp(Period period) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT start_ms FROM rollup WHERE period = ?")) {
            s.setString(1, period.wireName());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Instant.ofEpochMilli(rs.getLong(1)) : null;
            }
        }
    }

    private long longQuery(String sql) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
