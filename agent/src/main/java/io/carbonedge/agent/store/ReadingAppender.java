package io.carbonedge.agent.store;

import io.carbonedge.driver.Quality;
import io.carbonedge.driver.Sample;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;

/**
 * Appends readings on the writer's connection and hands out their sequence numbers. The last
 * sequence used is kept in {@code meta} as well, so numbers are never reused even after the
 * newest readings have been pruned.
 */
final class ReadingAppender {

    private final PreparedStatement insert;
    private final PreparedStatement saveSeq;
    private long committedSeq;
    private long nextSeq;
    private int pending;

    ReadingAppender(Connection connection) throws SQLException {
        this.committedSeq = loadLastSeq(connection);
        this.nextSeq = committedSeq + 1;
        this.insert = connection.prepareStatement(
                "INSERT INTO reading (seq, point, t_ms, value, quality, reason) VALUES (?, ?, ?, ?, ?, ?)");
        this.saveSeq = connection.prepareStatement("UPDATE meta SET value = ? WHERE key = 'last_reading_seq'");
    }

    private static long loadLastSeq(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT max((SELECT value FROM meta WHERE key = 'last_reading_seq'), "
                     + "(SELECT coalesce(max(seq), 0) FROM reading))")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    void append(int point, Sample sample) throws SQLException {
        insert.setLong(1, nextSeq++);
        insert.setInt(2, point);
        insert.setLong(3, sample.time().toEpochMilli());
        if (Double.isNaN(sample.value())) {
            insert.setNull(4, Types.REAL);
        } else {
            insert.setDouble(4, sample.value());
        }
        insert.setInt(5, code(sample.quality()));
        insert.setString(6, sample.reason());
        insert.addBatch();
        pending++;
    }

    /** Sends the appended rows and records the last sequence; the caller commits. */
    void flush() throws SQLException {
        if (pending == 0) {
            return;
        }
        insert.executeBatch();
        saveSeq.setLong(1, nextSeq - 1);
        saveSeq.executeUpdate();
        pending = 0;
        committedSeq = nextSeq - 1;
    }

    /** Forgets what was appended since the last commit; the same samples are appended again. */
    void rolledBack() throws SQLException {
        insert.clearBatch();
        pending = 0;
        nextSeq = committedSeq + 1;
    }

    long lastSeq() {
        return committedSeq;
    }

    static int code(Quality quality) {
        return quality.ordinal();
    }

    static Quality quality(int code) {
        return Quality.values()[code];
    }
}
