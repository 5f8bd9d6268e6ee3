package io.carbonedge.agent.store;

import io.carbonedge.agent.totals.CounterAccountant;
import io.carbonedge.agent.totals.CounterAccountant.Changes;
import io.carbonedge.agent.totals.CounterAccountant.CounterState;
import io.carbonedge.agent.totals.CounterAccountant.OpenAmount;
import io.carbonedge.agent.totals.CounterAccountant.OpenKey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes the accounting state ({@code counter_state}, {@code open_interval},
 * {@code device_poll}) on the writer's connection, inside its transaction. The closed totals are
 * the {@link TotalsLedger}'s.
 */
final class AccountingTables implements CounterAccountant.ClosedTotals {

    private final Connection connection;
    private final PreparedStatement latest;

    AccountingTables(Connection connection) throws SQLException {
        this.connection = connection;
        this.latest = connection.prepareStatement("SELECT amount, revision FROM interval_total "
                + "WHERE point = ? AND start_ms = ? AND length_s = ? AND period = 'interval' ORDER BY revision DESC LIMIT 1");
    }

    @Override
    public Optional<OpenAmount> latest(OpenKey key, Duration length) {
        try {
            latest.setInt(1, key.point());
            latest.setLong(2, key.start().toEpochMilli());
            latest.setLong(3, length.toSeconds());
            try (ResultSet rs = latest.executeQuery()) {
                return rs.next() ? Optional.of(new OpenAmount(rs.getDouble(1), rs.getInt(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read closed totals: " + e.getMessage(), e);
        }
    }

    /** Loads the saved state into a fresh accountant. */
    void restoreInto(CounterAccountant accountant) throws SQLException {
        Map<Integer, CounterState> counters = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT point, value, t_ms, anchor_value, anchor_ms, span_delta FROM counter_state");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                double anchorValue = rs.getDouble(4);
                long anchorMs = rs.getLong(5);
                boolean hasAnchor = !rs.wasNull();
                double span = rs.getDouble(6);
                counters.put(rs.getInt(1), new CounterState(rs.getDouble(2), Instant.ofEpochMilli(rs.getLong(3)),
                        hasAnchor ? anchorValue : Double.NaN, hasAnchor ? Instant.ofEpochMilli(anchorMs) : null,
                        hasAnchor ? span : Double.NaN));
            }
        }
        Map<OpenKey, OpenAmount> open = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT point, start_ms, amount, revision FROM open_interval");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                open.put(new OpenKey(rs.getInt(1), Instant.ofEpochMilli(rs.getLong(2))),
                        new OpenAmount(rs.getDouble(3), rs.getInt(4)));
            }
        }
        accountant.restore(counters, open);
    }

    void write(Changes changes) throws SQLException {
        if (!changes.counters().isEmpty()) {
            try (PreparedStatement s = connection.prepareStatement("INSERT OR REPLACE INTO counter_state "
                    + "(point, value, t_ms, anchor_value, anchor_ms, span_delta) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (var e : changes.counters().entrySet()) {
                    CounterState c = e.getValue();
                    s.setInt(1, e.getKey());
                    s.setDouble(2, c.value());
                    s.setLong(3, c.time().toEpochMilli());
                    if (c.anchorTime() == null) {
                        s.setNull(4, Types.REAL);
                        s.setNull(5, Types.INTEGER);
                        s.setNull(6, Types.REAL);
                    } else {
                        s.setDouble(4, c.anchorValue());
                        s.setLong(5, c.anchorTime().toEpochMilli());
                        s.setDouble(6, c.spanDelta());
                    }
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
        if (!changes.removedCounters().isEmpty()) {
            try (PreparedStatement s = connection.prepareStatement("DELETE FROM counter_state WHERE point = ?")) {
                for (int point : changes.removedCounters()) {
                    s.setInt(1, point);
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
        if (!changes.closed().isEmpty()) {
            try (PreparedStatement s = connection.prepareStatement(
                    "DELETE FROM open_interval WHERE point = ? AND start_ms = ?")) {
                for (OpenKey key : changes.closed()) {
                    s.setInt(1, key.point());
                    s.setLong(2, key.start().toEpochMilli());
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
        if (!changes.openAmounts().isEmpty()) {
            try (PreparedStatement s = connection.prepareStatement(
                    "INSERT OR REPLACE INTO open_interval (point, start_ms, amount, revision) VALUES (?, ?, ?, ?)")) {
                for (var e : changes.openAmounts().entrySet()) {
                    s.setInt(1, e.getKey().point());
                    s.setLong(2, e.getKey().start().toEpochMilli());
                    s.setDouble(3, e.getValue().amount());
                    s.setInt(4, e.getValue().revision());
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
        if (!changes.polls().isEmpty()) {
            try (PreparedStatement s = connection.prepareStatement("INSERT INTO device_poll (device, start_ms, polls) "
                    + "VALUES (?, ?, ?) ON CONFLICT (device, start_ms) DO UPDATE SET polls = polls + excluded.polls")) {
                for (var e : changes.polls().entrySet()) {
                    s.setString(1, e.getKey().device());
                    s.setLong(2, e.getKey().start().toEpochMilli());
                    s.setInt(3, e.getValue());
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
    }
}
