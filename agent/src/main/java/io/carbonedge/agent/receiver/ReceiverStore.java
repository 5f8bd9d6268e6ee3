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
 * The reference platform's SQLite file ({@code receiver.db}, WAL): readings and totals keyed by
 * (gateway, seq) per stream, so a batch the gateway sends twice is stored once; duplicates are
 * counted. One connection, used under this object's lock.
 */
final class ReceiverStore implements AutoCloseable {

    private static final String[] SCHEMA = {
        """
        CREATE TABLE IF NOT EXISTS reading (
          gateway TEXT NOT NULL, seq INTEGER NOT NULL, device TEXT NOT NULL, point TEXT NOT NULL,
          unit TEXT NOT NULL, time_ms INTEGER NOT NULL, value REAL, quality TEXT NOT NULL, reason TEXT,
          PRIMARY KEY (gateway, seq)) WITHOUT ROWID""",
        """
        CREATE TABLE IF NOT EXISTS total (
          gateway TEXT NOT NULL, seq INTEGER NOT NULL, device TEXT NOT NULL, point TEXT NOT NULL,
          carrier TEXT NOT NULL, unit TEXT NOT NULL, interval_start_ms INTEGER NOT NULL,
          length_s INTEGER NOT NULL, amount REAL, kgce REAL, kgco2 REAL, revision INTEGER NOT NULL,
          period TEXT NOT NULL DEFAULT 'interval', estimated INTEGER NOT NULL DEFAULT 0, completeness REAL,
          kgce_factor REAL, kgco2_factor REAL, factor_source TEXT,
          PRIMARY KEY (gateway, seq)) WITHOUT ROWID""",
        """
        CREATE TABLE IF NOT EXISTS site_figure (
          gateway TEXT NOT NULL, seq INTEGER NOT NULL, figure TEXT NOT NULL, unit TEXT NOT NULL,
          period TEXT NOT NULL, start_ms INTEGER NOT NULL, length_s INTEGER NOT NULL, value REAL,
          revision INTEGER NOT NULL, PRIMARY KEY (gateway, seq)) WITHOUT ROWID""",
        """
        CREATE TABLE IF NOT EXISTS counter_event (
          gateway TEXT NOT NULL, seq INTEGER NOT NULL, device TEXT NOT NULL, point TEXT NOT NULL,
          kind TEXT NOT NULL, time_ms INTEGER NOT NULL, value REAL, previous REAL,
          PRIMARY KEY (gateway, seq)) WITHOUT ROWID""",
        "CREATE TABLE IF NOT EXISTS counter (name TEXT PRIMARY KEY, value INTEGER NOT NULL)",
        "INSERT OR IGNORE INTO counter (name, value) VALUES ('duplicates', 0)",
    };

    private final Connection connection;

    ReceiverStore(Path file) throws SQLException {
        connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            for (String ddl : SCHEMA) {
                s.execute(ddl);
            }
        }
        connection.setAutoCommit(false);
        connection.commit();
    }

    /** Stores what is new in one transaction; returns how many records were duplicates. */
    synchronized int store(ReceivedBatch batch) throws SQLException {
        int duplicates = 0;
        try {
            if (!batch.readings().isEmpty()) {
                duplicates += insertReadings(batch.readings());
            }
            if (!batch.totals().isEmpty()) {
                duplicates += insertTotals(batch.totals());
            }
            duplicates += insertSiteFigures(batch.siteFigures());
            duplicates += insertEvents(batch.events());
            if (duplicates > 0) {
                try (PreparedStatement s = connection.prepareStatement(
                        "UPDATE counter SET value = value + ? WHERE name = 'duplicates'")) {
                    s.setLong(1, duplicates);
                    s.executeUpdate();
                }
            }
            connection.commit();
            return duplicates;
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }

    private int insertReadings(List<ReceivedReading> readings) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT OR IGNORE INTO reading (gateway, seq, device, point, unit, time_ms, value, quality, reason)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ReceivedReading r : readings) {
                s.setString(1, r.gateway());
                s.setLong(2, r.seq());
                s.setString(3, r.device());
                s.setString(4, r.point());
                s.setString(5, r.unit());
                s.setLong(6, r.time().toEpochMilli());
                setDouble(s, 7, r.value());
                s.setString(8, r.quality().name());
                s.setString(9, r.reason());
                s.addBatch();
            }
            return duplicates(s.executeBatch());
        }
    }

    private int insertTotals(List<ReceivedTotal> totals) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT OR IGNORE INTO total (gateway, seq, device, point, carrier, unit, interval_start_ms,"
                        + " length_s, amount, kgce, kgco2, revision, period, estimated, completeness, kgce_factor,"
                        + " kgco2_factor, factor_source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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
    }

    private int insertSiteFigures(List<ReceivedSiteFigure> figures) throws SQLException {
        if (figures.isEmpty()) {
            return 0;
        }
        try (PreparedStatement s = connection.prepareStatement("INSERT OR IGNORE INTO site_figure (gateway, seq, figure,"
                + " unit, period, start_ms, length_s, value, revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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
    }

    private int insertEvents(List<ReceivedEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return 0;
        }
        try (PreparedStatement s = connection.prepareStatement("INSERT OR IGNORE INTO counter_event (gateway, seq,"
                + " device, point, kind, time_ms, value, previous) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
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
        connection.close();
    }
}
