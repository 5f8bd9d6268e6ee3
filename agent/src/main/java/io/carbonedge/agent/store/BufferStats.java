package io.carbonedge.agent.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts in the buffer, for live views and status.
 *
 * @param readings     readings held
 * @param lastSeq      the highest reading sequence
 * @param totals       closed interval totals held
 * @param acknowledged the readings watermark of each uplink
 * @param fileBytes    database size (pages × page size), WAL excluded
 * @param newestReading the time of the reading with the highest sequence, or {@code null} when there is none
 * @param lastTotalSeq  the highest sequence of the totals stream (point totals, site figures, events)
 */
public record BufferStats(long readings, long lastSeq, long totals, Map<String, Long> acknowledged, long fileBytes,
                          Instant newestReading, long lastTotalSeq) {

    /** The highest sequence in the totals stream, which three tables share. */
    static final String LAST_TOTAL_SEQ = "SELECT max(coalesce((SELECT max(seq) FROM interval_total), 0), "
            + "coalesce((SELECT max(seq) FROM site_total), 0), coalesce((SELECT max(seq) FROM counter_event), 0))";

    /** Reads the counts on a short-lived connection. */
    public static BufferStats read(BufferDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            long readings = single(s, "SELECT count(*) FROM reading");
            long lastSeq = single(s, "SELECT value FROM meta WHERE key = 'last_reading_seq'");
            long totals = single(s, "SELECT count(*) FROM interval_total");
            long bytes = single(s, "PRAGMA page_count") * single(s, "PRAGMA page_size");
            Map<String, Long> acked = new TreeMap<>();
            try (ResultSet rs = s.executeQuery("SELECT uplink, seq FROM uplink_watermark WHERE stream = 'READINGS'")) {
                while (rs.next()) {
                    acked.put(rs.getString(1), rs.getLong(2));
                }
            }
            long newest = single(s, "SELECT coalesce((SELECT t_ms FROM reading ORDER BY seq DESC LIMIT 1), -1)");
            return new BufferStats(readings, lastSeq, totals, acked, bytes, newest < 0 ? null : Instant.ofEpochMilli(newest),
                    single(s, LAST_TOTAL_SEQ));
        }
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
