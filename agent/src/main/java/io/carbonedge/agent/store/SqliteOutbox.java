package io.carbonedge.agent.store;

import io.carbonedge.agent.totals.Carrier;
import io.carbonedge.agent.totals.Factor;
import io.carbonedge.agent.totals.Period;
import io.carbonedge.agent.uplink.Outbox;
import io.carbonedge.agent.uplink.ParkedBatch;
import io.carbonedge.agent.uplink.Stream;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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
    private final PointNames points;

    public SqliteOutbox(BufferDatabase db, Clock clock) throws SQLException {
        this.connection = db.connect();
        this.clock = clock;
        this.readings = connection.prepareStatement(
                "SELECT seq, point, t_ms, value, quality, reason, " + PointNames.VERSION
                        + " FROM reading WHERE seq > ? ORDER BY seq LIMIT ?");
        this.points = new PointNames(connection);
        this.totals = connection.prepareStatement(TOTALS_AFTER);
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
                    PointCatalog.PointName point = points.of(rs.getInt(2), rs.getLong(7));
                    double value = rs.getDouble(4);
                    if (rs.wasNull()) {
                        value = Double.NaN;
                    }
                    out.add(new Reading(rs.getLong(1), point.device(), point.point(), point.unit(),
                            Instant.ofEpochMilli(rs.getLong(3)), value, ReadingAppender.quality(rs.getInt(5)),
                            rs.getString(6)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failed("read readings", e);
        }
    }

    /** Point totals, site figures and counter events share the totals stream's sequence. */
    private static final String TOTALS_AFTER = """
            SELECT * FROM (
              SELECT t.seq, 'point', p.device, p.point, t.carrier, t.start_ms, t.length_s, t.amount, t.kgce, t.kgco2,
                     t.revision, t.period, NULL, t.estimated, t.completeness, t.kgce_factor, t.kgco2_factor,
                     t.factor_source, NULL
              FROM interval_total t JOIN point p ON p.ref = t.point WHERE t.seq > ?
              UNION ALL
              SELECT s.seq, 'site', 'site', s.figure, NULL, s.start_ms, s.length_s, s.value, NULL, NULL,
                     s.revision, s.period, s.unit, 0, NULL, NULL, NULL, NULL, NULL
              FROM site_total s WHERE s.seq > ?
              UNION ALL
              SELECT e.seq, 'event', p.device, p.point, NULL, e.t_ms, 0, e.value, NULL, NULL,
                     0, 'interval', e.kind, 0, NULL, NULL, NULL, NULL, e.previous
              FROM counter_event e JOIN point p ON p.ref = e.point WHERE e.seq > ?
            ) ORDER BY 1 LIMIT ?""";

    @Override
    public List<IntervalTotal> totalsAfter(long after, int limit) {
        try {
            for (int i = 1; i <= 3; i++) {
                totals.setLong(i, after);
            }
            totals.setInt(4, limit);
            List<IntervalTotal> out = new ArrayList<>();
            try (ResultSet rs = totals.executeQuery()) {
                while (rs.next()) {
                    out.add(total(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failed("read totals", e);
        }
    }

    @Override
    public long latest(Stream stream) {
        String sql = stream == Stream.READINGS ? "SELECT max(seq) FROM reading" : BufferStats.LAST_TOTAL_SEQ;
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw failed("find the latest " + stream.name().toLowerCase(Locale.ROOT), e);
        }
    }

    @Override
    public void park(ParkedBatch batch) {
        try {
            try (WriteTransaction tx = WriteTransaction.begin(connection);
                 PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO parked_batch (uplink, stream, first_seq, last_seq, records, reason, parked_ms) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, batch.uplink());
                insert.setString(2, batch.stream().name());
                insert.setLong(3, batch.firstSeq());
                insert.setLong(4, batch.lastSeq());
                insert.setInt(5, batch.records());
                insert.setString(6, batch.reason());
                insert.setLong(7, batch.parkedAt().toEpochMilli());
                insert.executeUpdate();
                acknowledge(batch.uplink(), batch.stream(), batch.lastSeq());
                tx.commit();
            }
        } catch (SQLException e) {
            throw failed("park a refused batch", e);
        }
    }

    @Override
    public List<ParkedBatch> parked(String uplink) {
        return parkedWhere("uplink = ? AND " + ParkedBatches.WAITING, uplink, Integer.MAX_VALUE, "list parked batches");
    }

    @Override
    public long parkedCount(String uplink) {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT count(*) FROM parked_batch WHERE uplink = ? AND " + ParkedBatches.WAITING)) {
            query.setString(1, uplink);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw failed("count parked batches", e);
        }
    }

    @Override
    public Optional<ParkedBatch> resendRequested(String uplink) {
        String resend = "uplink = ? AND state = '" + ParkedBatches.State.RESEND.column() + "'";
        return parkedWhere(resend, uplink, 1, "look for parked batches to send again").stream().findFirst();
    }

    @Override
    public void resent(ParkedBatch batch) {
        changeParked(batch, ParkedBatches.State.DELIVERED, batch.reason());
    }

    @Override
    public void refusedAgain(ParkedBatch batch, String reason) {
        changeParked(batch, ParkedBatches.State.PARKED, reason);
    }

    private void changeParked(ParkedBatch batch, ParkedBatches.State state, String reason) {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE parked_batch SET state = ?, state_ms = ?, reason = ? WHERE id = ?")) {
            update.setString(1, state.column());
            update.setLong(2, clock.millis());
            update.setString(3, reason);
            update.setLong(4, batch.id());
            update.executeUpdate();
        } catch (SQLException e) {
            throw failed("mark parked batch " + batch.id() + " " + state, e);
        }
    }

    private List<ParkedBatch> parkedWhere(String condition, String uplink, int limit, String what) {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT " + ParkedBatches.BATCH_COLUMNS + " FROM parked_batch WHERE " + condition + " ORDER BY id LIMIT ?")) {
            query.setString(1, uplink);
            query.setInt(2, limit);
            try (ResultSet rs = query.executeQuery()) {
                return ParkedBatches.read(rs);
            }
        } catch (SQLException e) {
            throw failed(what, e);
        }
    }

    private static IntervalTotal total(ResultSet rs) throws SQLException {
        long seq = rs.getLong(1);
        String kind = rs.getString(2);
        Instant start = Instant.ofEpochMilli(rs.getLong(6));
        Duration length = Duration.ofSeconds(rs.getLong(7));
        Period period = Period.ofWireName(rs.getString(12));
        if (kind.equals("site")) {
            return IntervalTotal.site(seq, rs.getString(4), rs.getString(13), period, start, length, rs.getDouble(8),
                    rs.getInt(11));
        }
        if (kind.equals("event")) {
            double previous = rs.getDouble(19);
            return IntervalTotal.event(seq, rs.getString(3), rs.getString(4), start, rs.getString(13),
                    rs.wasNull() ? Double.NaN : previous, rs.getDouble(8));
        }
        Carrier carrier = Carrier.ofConfigName(rs.getString(5));
        double completeness = rs.getDouble(15);
        boolean noCompleteness = rs.wasNull();
        double kgceFactor = rs.getDouble(16);
        Factor factor = rs.wasNull() ? null : new Factor(kgceFactor, rs.getDouble(17), rs.getString(18));
        return new IntervalTotal(seq, rs.getString(3), rs.getString(4), carrier, start, length, rs.getDouble(8),
                rs.getDouble(9), rs.getDouble(10), rs.getInt(11), IntervalTotal.Kind.POINT, period, carrier.unit(),
                rs.getInt(14) != 0, noCompleteness ? Double.NaN : completeness, factor, Double.NaN);
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
