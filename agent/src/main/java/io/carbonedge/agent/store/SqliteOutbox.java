package io.carbonedge.agent.store;

import io.carbonedge.agent.totals.Carrier;
import io.carbonedge.agent.uplink.Outbox;
import io.carbonedge.agent.uplink.Stream;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The buffer as one uplink sees it, on a connection of its own (WAL lets it read while the
 * writer appends). Confined to the uplink's thread. A database error surfaces as an
 * {@link IllegalStateException}; the uplink treats it like a failed delivery and tries again.
 */
public final class SqliteOutbox implements Outbox, AutoCloseable {

    private final Connection connection;
    private final Clock clock;
    private final PreparedStatement readings;
    private final PreparedStatement totals;
    private final PreparedStatement watermark;
    private final PreparedStatement advance;

    public SqliteOutbox(BufferDatabase db, Clock clock) throws SQLException {
        this.connection = db.connect();
        this.clock = clock;
        this.readings = connection.prepareStatement(
                "SELECT r.seq, p.device, p.point, p.unit, r.t_ms, r.value, r.quality, r.reason "
                        + "FROM reading r JOIN point p ON p.ref = r.point WHERE r.seq > ? ORDER BY r.seq LIMIT ?");
        this.totals = connection.prepareStatement(
                "SELECT t.seq, p.device, p.point, t.carrier, t.start_ms, t.length_s, t.amount, t.kgce, t.kgco2, t.revision "
                        + "FROM interval_total t JOIN point p ON p.ref = t.point WHERE t.seq > ? ORDER BY t.seq LIMIT ?");
        this.watermark = connection.prepareStatement(
                "SELECT seq FROM uplink_watermark WHERE uplink = ? AND stream = ?");
        this.advance = connection.prepareStatement(
                "INSERT INTO uplink_watermark (uplink, stream, seq, acked_ms) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (uplink, stream) DO UPDATE SET seq = max(seq, excluded.seq), acked_ms = excluded.acked_ms");
    }

    @Override
    public long acknowledged(String uplink, Stream stream) {
        try {
            watermark.setString(1, uplink);
            watermark.setString(2, stream.name());
            try (ResultSet rs = watermark.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw failed("read the watermark", e);
        }
    }

    @Override
    public void acknowledge(String uplink, Stream stream, long seq) {
        try {
            advance.setString(1, uplink);
            advance.setString(2, stream.name());
            advance.setLong(3, seq);
            advance.setLong(4, clock.millis());
            advance.executeUpdate();
        } catch (SQLException e) {
            throw failed("move the watermark", e);
        }
    }

    @Override
    public List<Reading> readingsAfter(long after, int limit) {
        try {
            readings.setLong(1, after);
            readings.setInt(2, limit);
            List<Reading> out = new ArrayList<>(Math.min(limit, 1024));
            try (ResultSet rs = readings.executeQuery()) {
                while (rs.next()) {
                    double value = rs.getDouble(6);
                    if (rs.wasNull()) {
                        value = Double.NaN;
                    }
                    out.add(new Reading(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            Instant.ofEpochMilli(rs.getLong(5)), value, ReadingAppender.quality(rs.getInt(7)),
                            rs.getString(8)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failed("read readings", e);
        }
    }

    @Override
    public List<IntervalTotal> totalsAfter(long after, int limit) {
        try {
            totals.setLong(1, after);
            totals.setInt(2, limit);
            List<IntervalTotal> out = new ArrayList<>();
            try (ResultSet rs = totals.executeQuery()) {
                while (rs.next()) {
                    Carrier carrier = Carrier.valueOf(rs.getString(4).toUpperCase(Locale.ROOT).replace('-', '_'));
                    out.add(new IntervalTotal(rs.getLong(1), rs.getString(2), rs.getString(3), carrier,
                            Instant.ofEpochMilli(rs.getLong(5)), Duration.ofSeconds(rs.getLong(6)),
                            rs.getDouble(7), rs.getDouble(8), rs.getDouble(9), rs.getInt(10)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failed("read totals", e);
        }
    }

    private static IllegalStateException failed(String what, SQLException e) {
        return new IllegalStateException("cannot " + what + " in the buffer: " + e.getMessage(), e);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing left to do
        }
    }
}
