package io.carbonedge.agent.store;

import io.carbonedge.agent.config.AgentConfig;
import io.carbonedge.agent.config.UplinkConfig;
import io.carbonedge.agent.uplink.UplinkWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Keeps the buffer within its retention and size cap, in small steps on the writer's thread so a
 * prune never holds the database for long:
 * <ol>
 *   <li>readings every uplink has acknowledged and that are older than the retention window go;</li>
 *   <li>over the size cap, acknowledged readings go first, oldest first, whatever their age;</li>
 *   <li>still over, the oldest unforwarded readings go, and a gap record says how many, which
 *       sequence numbers and what time range, so the platform learns what it will never get.</li>
 * </ol>
 * Totals, gap records and the readings of parked batches (refused by a platform, waiting for a
 * person) are never pruned.
 */
final class Housekeeper {

    private static final Logger log = LoggerFactory.getLogger(Housekeeper.class);
    private static final int CHUNK = 2000;
    private static final int MAX_CHUNKS_PER_RUN = 25;
    /** Readings in a parked batch wait for a person, never for a pruning step. */
    private static final String NOT_PARKED = " AND NOT EXISTS (SELECT 1 FROM parked_batch b WHERE b.stream = 'READINGS'"
            + " AND b." + ParkedBatches.WAITING + " AND r.seq BETWEEN b.first_seq AND b.last_seq)";

    private final Connection connection;
    private final List<String> uplinks;
    private final Duration retention;
    private final long maxBytes;
    private final GapLog gaps;
    private final Clock clock;
    private final int inFlight;
    private boolean evicting;

    Housekeeper(Connection connection, AgentConfig config, GapLog gaps, Clock clock) {
        this.connection = connection;
        this.uplinks = config.uplinks().stream().map(UplinkConfig::name).toList();
        this.inFlight = config.uplinks().stream().mapToInt(UplinkConfig::batchSize).max().orElse(0)
                * UplinkWorker.BATCHES_IN_HAND;
        this.retention = config.store().retention();
        this.maxBytes = config.store().maxSizeBytes();
        this.gaps = gaps;
        this.clock = clock;
    }

    /** @return whether gap records were written (readings dropped for the size cap) */
    boolean run() throws SQLException {
        long acknowledged = acknowledgedByAll();
        long cutoff = clock.instant().minus(retention).toEpochMilli();
        for (int i = 0; i < MAX_CHUNKS_PER_RUN && deleteAcknowledged(acknowledged, cutoff) == CHUNK; i++) {
            // keep going in small transactions
        }
        return maxBytes > 0 && enforceCap(acknowledged);
    }

    private boolean enforceCap(long acknowledged) throws SQLException {
        boolean over = usedBytes() > maxBytes;
        boolean evicted = false;
        for (int i = 0; i < MAX_CHUNKS_PER_RUN && over; i++) {
            acknowledged = acknowledgedByAll();   // the uplinks go on delivering meanwhile
            if (deleteAcknowledged(acknowledged, Long.MAX_VALUE) == 0) {
                evicted |= evictUnforwarded(acknowledged);
            }
            over = usedBytes() > maxBytes;
        }
        if (over != evicting) {
            evicting = over;
            if (over) {
                log.warn("the buffer is over its cap of {} MB with nothing forwarded left to prune: the oldest "
                        + "unforwarded readings are dropped and reported to the platform as gaps", maxBytes >> 20);
            }
        }
        return evicted;
    }

    /** Deletes up to one chunk of the oldest acknowledged readings older than {@code cutoffMs}. */
    private int deleteAcknowledged(long acknowledged, long cutoffMs) throws SQLException {
        try (WriteTransaction tx = WriteTransaction.begin(connection);
             PreparedStatement s = connection.prepareStatement("DELETE FROM reading WHERE seq IN "
                + "(SELECT r.seq FROM reading r WHERE r.seq <= ?" + NOT_PARKED + " ORDER BY r.seq LIMIT ?) AND t_ms < ?")) {
            s.setLong(1, acknowledged);
            s.setInt(2, CHUNK);
            s.setLong(3, cutoffMs);
            int deleted = s.executeUpdate();
            tx.commit();
            return deleted;
        }
    }

    /**
     * Drops the oldest readings no uplink has yet (parked ones sit below the watermark and stay),
     * sparing the batches after the watermark that an uplink may hold in hand (sending one, the next
     * read): what a gap record counts as lost never reaches the platform.
     */
    private boolean evictUnforwarded(long acknowledged) throws SQLException {
        try (WriteTransaction tx = WriteTransaction.begin(connection);
             PreparedStatement range = connection.prepareStatement("SELECT count(*), min(seq), max(seq), min(t_ms), max(t_ms) "
                + "FROM (SELECT seq, t_ms FROM reading WHERE seq > ? ORDER BY seq LIMIT ? OFFSET ?)")) {
            range.setLong(1, acknowledged);
            range.setInt(2, CHUNK);
            range.setInt(3, inFlight);
            try (ResultSet rs = range.executeQuery()) {
                if (!rs.next() || rs.getLong(1) == 0) {
                    return false;
                }
                long count = rs.getLong(1);
                long first = rs.getLong(2);
                long last = rs.getLong(3);
                Instant from = Instant.ofEpochMilli(rs.getLong(4));
                Instant to = Instant.ofEpochMilli(rs.getLong(5));
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM reading WHERE seq BETWEEN ? AND ?")) {
                    delete.setLong(1, first);
                    delete.setLong(2, last);
                    delete.executeUpdate();
                }
                gaps.recordEvicted(count, first, last, from, to);
                tx.commit();
                return true;
            }
        }
    }

    /**
     * The lowest readings watermark among the configured uplinks; none when there are no uplinks
     * (nothing is forwarded, so nothing counts as acknowledged).
     */
    private long acknowledgedByAll() throws SQLException {
        if (uplinks.isEmpty()) {
            return 0;
        }
        long lowest = Long.MAX_VALUE;
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT seq FROM uplink_watermark WHERE uplink = ? AND stream = 'READINGS'")) {
            for (String uplink : uplinks) {
                s.setString(1, uplink);
                try (ResultSet rs = s.executeQuery()) {
                    lowest = Math.min(lowest, rs.next() ? rs.getLong(1) : 0);
                }
            }
        }
        return lowest;
    }

    /** Space the database uses for data: pages in use, free pages excluded. */
    long usedBytes() throws SQLException {
        try (Statement s = connection.createStatement()) {
            long pagesInUse = pragma(s, "page_count") - pragma(s, "freelist_count");
            return pagesInUse * pragma(s, "page_size");
        }
    }

    private static long pragma(Statement s, String name) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
