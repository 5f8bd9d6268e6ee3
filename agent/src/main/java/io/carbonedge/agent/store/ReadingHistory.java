package io.carbonedge.agent.store;

import io.carbonedge.driver.Quality;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Reads the local history for export: the readings of a time range, in sequence order, streamed
 * to a consumer so that months of data never sit in memory. Readings carry no time index (it
 * would cost a third more disk per reading); since sequence numbers follow time closely, the
 * range is found by a binary search on {@code seq} and then filtered exactly.
 */
public final class ReadingHistory {

    /** How far out of time order readings may be committed (late device logs): the search starts this much earlier. */
    private static final long SLACK_MS = 24 * 3600_000L;

    private final BufferDatabase db;

    public ReadingHistory(BufferDatabase db) {
        this.db = db;
    }

    /**
     * Streams the readings with {@code from <= time < to}, optionally of one device.
     *
     * @return how many were streamed
     */
    public long readings(Instant from, Instant to, String device, Consumer<Reading> out) throws SQLException {
        try (Connection c = db.connect()) {
            long first = firstSeqAtOrAfter(c, from.toEpochMilli() - SLACK_MS);
            String sql = "SELECT r.seq, p.device, p.point, p.unit, r.t_ms, r.value, r.quality, r.reason "
                    + "FROM reading r JOIN point p ON p.ref = r.point WHERE r.seq >= ? AND r.t_ms >= ? AND r.t_ms < ?"
                    + (device == null ? "" : " AND p.device = ?") + " ORDER BY r.seq";
            long n = 0;
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setLong(1, first);
                s.setLong(2, from.toEpochMilli());
                s.setLong(3, to.toEpochMilli());
                if (device != null) {
                    s.setString(4, device);
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        double value = rs.getDouble(6);
                        out.accept(new Reading(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                Instant.ofEpochMilli(rs.getLong(5)), rs.wasNull() ? Double.NaN : value,
                                Quality.values()[rs.getInt(7)], rs.getString(8)));
                        n++;
                    }
                }
            }
            return n;
        }
    }

    /** The smallest seq whose reading is at or after {@code ms}, assuming times rise with seq. */
    private static long firstSeqAtOrAfter(Connection c, long ms) throws SQLException {
        long lo = single(c, "SELECT coalesce(min(seq), 0) FROM reading", -1);
        long hi = single(c, "SELECT coalesce(max(seq), 0) FROM reading", -1);
        try (PreparedStatement at = c.prepareStatement("SELECT seq, t_ms FROM reading WHERE seq >= ? ORDER BY seq LIMIT 1")) {
            while (lo < hi) {
                long mid = lo + (hi - lo) / 2;
                at.setLong(1, mid);
                try (ResultSet rs = at.executeQuery()) {
                    if (!rs.next()) {
                        return hi;
                    }
                    if (rs.getLong(2) < ms) {
                        lo = rs.getLong(1) + 1;   // nothing at or before this reading qualifies
                    } else {
                        hi = mid;
                    }
                }
            }
        }
        return lo;
    }

    private static long single(Connection c, String sql, long fallback) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getLong(1) : fallback;
        }
    }
}
