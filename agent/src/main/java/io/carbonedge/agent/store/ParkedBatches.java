package io.carbonedge.agent.store;

import io.carbonedge.agent.uplink.ParkedBatch;
import io.carbonedge.agent.uplink.Stream;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The batches platforms refused, as a person deals with them ({@code carbonedge parked}), whether
 * the agent runs or not: list them, ask for some to be sent again (the running agent's uplink does
 * so within a few seconds, or at its next start), or give some up. Rows are never deleted; their
 * state says what became of them.
 */
public final class ParkedBatches implements AutoCloseable {

    /** What became of a parked batch. */
    public enum State {
        /** Refused, waiting for a person. */
        PARKED,
        /** A person asked for it to be sent again. */
        RESEND,
        /** A resend got through. */
        DELIVERED,
        /** A person gave it up. */
        DROPPED;

        String column() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Still the uplink's business: waiting for a person or to be sent again. */
        public boolean waiting() {
            return this == PARKED || this == RESEND;
        }
    }

    /** One row: the batch, its state and when that last changed (when it was parked, if never). */
    public record Entry(ParkedBatch batch, State state, Instant changedAt) {
    }

    /** SQL: the batch is still waiting (for a person or to be sent again), as {@link State#waiting()} says. */
    static final String WAITING = Arrays.stream(State.values()).filter(State::waiting)
            .map(s -> "'" + s.column() + "'").collect(Collectors.joining(", ", "state IN (", ")"));

    /** The columns {@link #read(ResultSet)} reads, in its order. */
    static final String BATCH_COLUMNS = "id, uplink, stream, first_seq, last_seq, records, reason, parked_ms";

    private static final String COLUMNS = BATCH_COLUMNS + ", state, coalesce(state_ms, parked_ms)";

    private final Connection connection;
    private final Clock clock;

    public ParkedBatches(BufferDatabase db, Clock clock) throws SQLException {
        this.connection = db.connect();
        this.clock = clock;
    }

    /** Every batch ever parked, oldest first, optionally of one uplink only. */
    public List<Entry> list(Optional<String> uplink) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM parked_batch"
                + (uplink.isPresent() ? " WHERE uplink = ?" : "") + " ORDER BY id")) {
            if (uplink.isPresent()) {
                query.setString(1, uplink.get());
            }
            try (ResultSet rs = query.executeQuery()) {
                List<Entry> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Entry(batch(rs), State.valueOf(rs.getString(9).toUpperCase(Locale.ROOT)),
                            Instant.ofEpochMilli(rs.getLong(10))));
                }
                return out;
            }
        }
    }

    /**
     * Moves the waiting batches among {@code ids} (all waiting ones when {@code ids} is empty,
     * optionally of one uplink only) to {@code state}, in one transaction.
     *
     * @return the entries as they are now, those that changed only
     * @throws IllegalArgumentException naming the ids that are unknown or no longer waiting; nothing changed
     */
    public List<Entry> move(List<Long> ids, Optional<String> uplink, State state) throws SQLException {
        try (WriteTransaction tx = WriteTransaction.begin(connection)) {
            List<Entry> chosen = list(uplink).stream()
                    .filter(e -> e.state().waiting() && (ids.isEmpty() || ids.contains(e.batch().id())))
                    .toList();
            List<Long> missing = ids.stream()
                    .filter(id -> chosen.stream().noneMatch(e -> e.batch().id() == id)).toList();
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("no waiting parked batch with id " + missing
                        + uplink.map(u -> " on uplink " + u).orElse("") + " (see carbonedge parked)");
            }
            Instant now = clock.instant();
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE parked_batch SET state = ?, state_ms = ? WHERE id = ?")) {
                for (Entry e : chosen) {
                    update.setString(1, state.column());
                    update.setLong(2, now.toEpochMilli());
                    update.setLong(3, e.batch().id());
                    update.executeUpdate();
                }
            }
            tx.commit();
            return chosen.stream().map(e -> new Entry(e.batch(), state, now)).toList();
        }
    }

    /** Reads rows selected with {@link #BATCH_COLUMNS} first. */
    static List<ParkedBatch> read(ResultSet rs) throws SQLException {
        List<ParkedBatch> out = new ArrayList<>();
        while (rs.next()) {
            out.add(batch(rs));
        }
        return out;
    }

    private static ParkedBatch batch(ResultSet rs) throws SQLException {
        return new ParkedBatch(rs.getLong(1), rs.getString(2), Stream.valueOf(rs.getString(3)), rs.getLong(4),
                rs.getLong(5), rs.getInt(6), rs.getString(7), Instant.ofEpochMilli(rs.getLong(8)));
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
