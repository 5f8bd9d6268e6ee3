package io.carbonedge.agent.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;

/**
 * Records lost readings in the {@code gap} table (on the caller's connection and transaction), and
 * tells the platform through the totals stream: a site figure {@code readings-lost-<reason>}
 * whose value is the count, starting at the oldest lost reading and lasting until the newest.
 * Whoever holds a {@link TotalsLedger} must reload it after a gap is recorded (the figure takes
 * the next sequence number of the stream).
 */
final class GapLog {

    private static final Logger log = LoggerFactory.getLogger(GapLog.class);

    private final Connection connection;
    private final Clock clock;

    GapLog(Connection connection, Clock clock) {
        this.connection = connection;
        this.clock = clock;
    }

    void recordDropped(PendingSamples.Dropped dropped) throws SQLException {
        log.warn("{} samples from {} to {} were dropped from memory while the buffer could not be written; "
                + "a gap record reports them", dropped.samples(), dropped.from(), dropped.to());
        insert(connection, "memory", dropped.samples(), 0, 0, dropped.from(), dropped.to(), clock.instant());
    }

    void recordEvicted(long readings, long firstSeq, long lastSeq, Instant from, Instant to) throws SQLException {
        insert(connection, "capacity", readings, firstSeq, lastSeq, from, to, clock.instant());
    }

    static void insert(Connection c, String reason, long readings, long firstSeq, long lastSeq, Instant from, Instant to,
                       Instant recorded) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO gap (reason, readings, first_seq, last_seq, from_ms, "
                + "to_ms, recorded_ms) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, reason);
            s.setLong(2, readings);
            s.setLong(3, firstSeq);
            s.setLong(4, lastSeq);
            setTime(s, 5, from);
            setTime(s, 6, to);
            s.setLong(7, recorded.toEpochMilli());
            s.executeUpdate();
        }
        Instant start = from != null ? from : recorded;
        long lengthSeconds = from != null && to != null ? Math.max(0, to.getEpochSecond() - from.getEpochSecond()) : 0;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO site_total (seq, figure, unit, period, start_ms, length_s, "
                + "value, revision) VALUES ((" + BufferStats.LAST_TOTAL_SEQ + ") + 1, ?, 'count', 'interval', ?, ?, ?, "
                + "(SELECT count(*) FROM gap))")) {
            s.setString(1, "readings-lost-" + reason);
            s.setLong(2, start.toEpochMilli());
            s.setLong(3, lengthSeconds);
            s.setLong(4, Math.max(readings, 0));
            s.executeUpdate();
        }
    }

    private static void setTime(PreparedStatement s, int index, Instant t) throws SQLException {
        if (t == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setLong(index, t.toEpochMilli());
        }
    }
}
