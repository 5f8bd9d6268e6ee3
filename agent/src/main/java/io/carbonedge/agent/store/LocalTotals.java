package io.carbonedge.agent.store;

import io.carbonedge.agent.totals.Period;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The totals kept in the buffer, latest revision of each, for a technician's table
 * ({@code carbonedge totals}). Read-only, on a connection of its own.
 */
public final class LocalTotals {

    /** A point's total over one period. */
    public record PointRow(String device, String point, String carrier, String unit, Instant start, double amount,
                           double kgce, double kgCo2, int revision, boolean estimated, double completeness) {
    }

    /** A site figure over one period. */
    public record SiteRow(String figure, String unit, Instant start, double value, int revision) {
    }

    private final BufferDatabase db;

    public LocalTotals(BufferDatabase db) {
        this.db = db;
    }

    /** Point totals of the given period kind starting in [from, to), by start then device and point. */
    public List<PointRow> points(Period period, Instant from, Instant to) throws SQLException {
        String sql = """
                SELECT p.device, p.point, t.carrier, p.unit, t.start_ms, t.amount, t.kgce, t.kgco2, t.revision,
                       t.estimated, t.completeness
                FROM interval_total t JOIN point p ON p.ref = t.point
                WHERE t.period = ? AND t.start_ms >= ? AND t.start_ms < ?
                  AND t.revision = (SELECT MAX(u.revision) FROM interval_total u WHERE u.point = t.point
                                    AND u.period = t.period AND u.start_ms = t.start_ms)
                ORDER BY t.start_ms, p.device, p.point""";
        List<PointRow> out = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, period, from, to);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    double completeness = rs.getDouble(11);
                    out.add(new PointRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            Instant.ofEpochMilli(rs.getLong(5)), rs.getDouble(6), rs.getDouble(7), rs.getDouble(8),
                            rs.getInt(9), rs.getInt(10) != 0, rs.wasNull() ? Double.NaN : completeness));
                }
            }
        }
        return out;
    }

    /** Site figures of the given period kind starting in [from, to). */
    public List<SiteRow> site(Period period, Instant from, Instant to) throws SQLException {
        String sql = """
                SELECT figure, unit, start_ms, value, revision FROM site_total f
                WHERE period = ? AND start_ms >= ? AND start_ms < ?
                  AND revision = (SELECT MAX(g.revision) FROM site_total g WHERE g.figure = f.figure
                                  AND g.period = f.period AND g.start_ms = f.start_ms)
                ORDER BY start_ms, figure""";
        List<SiteRow> out = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, period, from, to);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new SiteRow(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                            rs.getDouble(4), rs.getInt(5)));
                }
            }
        }
        return out;
    }

    private static void bind(PreparedStatement s, Period period, Instant from, Instant to) throws SQLException {
        s.setString(1, period.wireName());
        s.setLong(2, from.toEpochMilli());
        s.setLong(3, to.toEpochMilli());
    }
}
