package io.carbonedge.agent.receiver;

import io.carbonedge.driver.Quality;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference platform's SQLite file ({@code receiver.db}, WAL; tables in {@link ReceiverSchema}):
 * readings and totals keyed by (gateway, seq) per stream, so a batch the gateway sends twice is
 * stored once; duplicates are counted. One connection with its insert statements prepared once,
 * used under this object's lock.
 */
final class ReceiverStore implements AutoCloseable {

    private final Connection connection;
    private final PointRefs points;
    private final PreparedStatement insertReading;
    private final PreparedStatement insertTotal;
    private final PreparedStatement insertSiteFigure;
    private final PreparedStatement insertEvent;
    private final PreparedStatement countDuplicates;

    ReceiverStore(Path file) throws SQLException {
        connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try {
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
            }
            ReceiverSchema.apply(connection);
            connection.setAutoCommit(false);
            points = new PointRefs(connection);
            insertReading = connection.prepareStatement("INSERT OR IGNORE INTO reading_row"
                    + " (gateway, seq, point, time_ms, value, quality, reason) VALUES (?, ?, ?, ?, ?, ?, ?)");
            insertTotal = connection.prepareStatement(
                    "INSERT OR IGNORE INTO total (gateway, seq, device, point, carrier, unit, interval_start_ms,"
                            + " length_s, amount, kgce, kgco2, revision, period, estimated, completeness, kgce_factor,"
                            + " kgco2_factor, factor_source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            insertSiteFigure = connection.prepareStatement("INSERT OR IGNORE INTO site_figure (gateway, seq, figure,"
                    + " unit, period, start_ms, length_s, value, revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
            insertEvent = connection.prepareStatement("INSERT OR IGNORE INTO counter_event (gateway, seq,"
                    + " device, point, kind, time_ms, value, previous) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
            countDuplicates = connection.prepareStatement(
                    "UPDATE counter SET value = value + ? WHERE name = 'duplicates'");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    /** Stores what is new in one transaction; returns how many records were duplicates. */
    synchronized int store(ReceivedBatch batch) throws SQLException {
        try {
            int duplicates = insertReadings(batch.readings()) + insertTotals(batch.totals())
                    + insertSiteFigures(batch.siteFigures()) + insertEvents(batch.events());
            if (duplicates > 0) {
                countDuplicates.setLong(1, duplicates);
                countDuplicates.executeUpdate();
            }
            connection.commit();
            return duplicates;
        } catch (SQLException e) {
            connection.rollback();
            points.forget();
            for (PreparedStatement s : List.of(insertReading, insertTotal, insertSiteFigure, insertEvent)) {
                s.clearBatch();
            }
            throw e;
        }
    }

    private int insertReadings(List<ReceivedReading> readings) throws SQLException {
        if (readings.isEmpty()) {
            return 0;
        }
        PreparedStatement s = insertReading;
        for (ReceivedReading r : readings) {
            s.setString(1, r.gateway());
            s.setLong(2, r.seq());
            s.setLong(3, points.ref(r.gateway(), r.device(), r.point(), r.unit()));
            s.setLong(4, r.time().toEpochMilli());
            setDouble(s, 5, r.value());
            s.setString(6, r.quality().name());
            s.setString(7, r.reason());
            s.addBatch();
        }
        return duplicates(s.executeBatch());
    }

    private int insertTotals(List<ReceivedTotal> totals) throws SQLException {
        if (totals.isEmpty()) {
            return 0;
        }
        PreparedStatement s = insertTotal;
        for (ReceivedTotal t : totals) {
            s.setString(1, t.gateway());
            s.setLong(2, t.seq());
            s.setString(3, t.device());
            s.setString(4, t.point());
            s.setString(5, t.carrier());
            s.setString(6, t.unit());
            s.setLong(7, t.intervalStart().toEpochMilli());
            s.setLong(8, t.length().toSeconds());
            setDouble(s, 9, t.amount());
            setDouble(s, 10, t.kgce());
            setDouble(s, 11, t.kgCo2());
            s.setInt(12, t.revision());
            s.setString(13, t.period());
            s.setInt(14, t.estimated() ? 1 : 0);
            setDouble(s, 15, t.completeness());
            setDouble(s, 16, t.kgceFactor());
            setDouble(s, 17, t.kgCo2Factor());
            s.setString(18, t.factorSource());
            s.addBatch();
        }
        return duplicates(s.executeBatch());
    }

    private int insertSiteFigures(List<ReceivedSiteFigure> figures) throws SQLException {
        if (figures.isEmpty()) {
            return 0;
        }
        PreparedStatement s = insertSiteFigure;
        for (ReceivedSiteFigure f : figures) {
            s.setString(1, f.gateway());
            s.setLong(2, f.seq());
            s.setString(3, f.figure());
            s.setString(4, f.unit());
            s.setString(5, f.period());
            s.setLong(6, f.start().toEpochMilli());
            s.setLong(7, f.length().toSeconds());
            setDouble(s, 8, f.value());
            s.setInt(9, f.revision());
            s.addBatch();
        }
        return duplicates(s.executeBatch());
    }

    private int insertEvents(List<ReceivedEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return 0;
        }
        PreparedStatement s = insertEvent;
        for (ReceivedEvent e : events) {
            s.setString(1, e.gateway());
            s.setLong(2, e.seq());
            s.setString(3, e.device());
            s.setString(4, e.point());
            s.setString(5, e.kind());
            s.setLong(6, e.time().toEpochMilli());
            setDouble(s, 7, e.value());
            setDouble(s, 8, e.previous());
            s.addBatch();
        }
        return duplicates(s.executeBatch());
    }

    private static int duplicates(int[] counts) {
        int ignored = 0;
        for (int c : counts) {
            if (c == 0) {
                ignored++;
            }
        }
        return ignored;
    }

    synchronized List<ReceivedReading> readings(String gateway) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT seq, device, point, unit, time_ms, value, quality, reason FROM reading"
                        + " WHERE gateway = ? ORDER BY seq")) {
            s.setString(1, gateway);
            List<ReceivedReading> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new ReceivedReading(gateway, rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), Instant.ofEpochMilli(rs.getLong(5)), getDouble(rs, 6),
                            Quality.valueOf(rs.getString(7)), rs.getString(8)));
                }
            }
            connection.commit();
            return out;
        }
    }

    synchronized List<ReceivedTotal> totals(String gateway) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT seq, device, point, carrier, unit, interval_start_ms, length_s, amount, kgce, kgco2, revision"
                        + " FROM total WHERE gateway = ? ORDER BY seq")) {
            s.setString(1, gateway);
            List<ReceivedTotal> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new ReceivedTotal(gateway, rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)),
                            Duration.ofSeconds(rs.getLong(7)), getDouble(rs, 8), getDouble(rs, 9),
                            getDouble(rs, 10), rs.getInt(11)));
                }
            }
            connection.commit();
            return out;
        }
    }

    /** The first column of the first row of a query, as a long (0 when NULL). */
    synchronized long queryLong(String sql, Object... args) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                long v = rs.next() ? rs.getLong(1) : 0;
                connection.commit();
                return v;
            }
        }
    }

    /** Every row of a query, columns as JDBC objects. */
    synchronized List<Object[]> query(String sql, Object... args) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = rs.getObject(c + 1);
                    }
                    rows.add(row);
                }
            }
            connection.commit();
            return rows;
        }
    }

    private static void setDouble(PreparedStatement s, int index, double v) throws SQLException {
        if (Double.isNaN(v)) {
            s.setNull(index, Types.REAL);
        } else {
            s.setDouble(index, v);
        }
    }

    private static double getDouble(ResultSet rs, int index) throws SQLException {
        double v = rs.getDouble(index);
        return rs.wasNull() ? Double.NaN : v;
    }

    @Override
    public synchronized void close() throws SQLException {
        try (connection; points; insertReading; insertTotal; insertSiteFigure; insertEvent; countDuplicates) {
            // statements first, then the connection
        }
    }
}
