package io.carbonedge.agent.store;

import io.carbonedge.agent.totals.ClosedInterval;
import io.carbonedge.agent.totals.ConversionFactors;
import io.carbonedge.agent.totals.CounterAccountant;
import io.carbonedge.agent.totals.CounterAccountant.Changes;
import io.carbonedge.agent.totals.CounterAccountant.CounterState;
import io.carbonedge.agent.totals.CounterAccountant.OpenAmount;
import io.carbonedge.agent.totals.CounterAccountant.OpenKey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes the accounting state ({@code counter_state}, {@code open_interval}) and the
 * closed totals ({@code interval_total}) on the writer's connection, inside its transaction.
 */
final class AccountingTables implements CounterAccountant.ClosedTotals {

    private final Connection connection;
    private final ConversionFactors factors;
    private final PreparedStatement latest;

    AccountingTables(Connection connection, ConversionFactors factors) throws SQLException {
        this.connection = connection;
        this.factors = factors;
        this.latest = connection.prepareStatement("SELECT amount, revision FROM interval_total "
                + "WHERE point = ? AND start_ms = ? AND length_s = ? ORDER BY revision DESC LIMIT 1");
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
        try (PreparedStatement s = connection.prepareStatement("SELECT point, value, t_ms FROM counter_state");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                counters.put(rs.getInt(1), new CounterState(rs.getDouble(2), Instant.ofEpochMilli(rs.getLong(3))));
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
            try (PreparedStatement s = connection.prepareStatement(
                    "INSERT OR REPLACE INTO counter_state (point, value, t_ms) VALUES (?, ?, ?)")) {
                for (var e : changes.counters().entrySet()) {
                    s.setInt(1, e.getKey());
                    s.setDouble(2, e.getValue().value());
                    s.setLong(3, e.getValue().time().toEpochMilli());
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
    }

    void insertTotals(List<ClosedInterval> closed) throws SQLException {
        if (closed.isEmpty()) {
            return;
        }
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT INTO interval_total (point, carrier, start_ms, length_s, amount, kgce, kgco2, revision) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ClosedInterval c : closed) {
                s.setInt(1, c.point());
                s.setString(2, c.carrier().configName());
                s.setLong(3, c.start().toEpochMilli());
                s.setLong(4, c.length().toSeconds());
                s.setDouble(5, c.amount());
                s.setDouble(6, factors.kgce(c.carrier(), c.amount()));
                s.setDouble(7, factors.kgCo2(c.carrier(), c.amount()));
                s.setInt(8, c.revision());
                s.addBatch();
            }
            s.executeBatch();
        }
    }
}
