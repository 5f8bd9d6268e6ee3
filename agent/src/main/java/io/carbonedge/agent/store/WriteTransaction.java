package io.carbonedge.agent.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A {@code BEGIN IMMEDIATE} transaction on a connection in auto-commit mode: it takes the write
 * lock when it begins, so everything it reads and writes sees one snapshot, and another
 * connection's short write (an uplink moving its watermark) makes it wait under
 * {@code busy_timeout} instead of failing with SQLITE_BUSY the moment its read snapshot goes
 * stale — which a deferred transaction that reads before it writes would. Rolled back on close
 * unless committed.
 */
final class WriteTransaction implements AutoCloseable {

    private final Connection connection;
    private boolean finished;

    private WriteTransaction(Connection connection) {
        this.connection = connection;
    }

    static WriteTransaction begin(Connection connection) throws SQLException {
        execute(connection, "BEGIN IMMEDIATE");
        return new WriteTransaction(connection);
    }

    void commit() throws SQLException {
        execute(connection, "COMMIT");
        finished = true;
    }

    @Override
    public void close() throws SQLException {
        if (!finished) {
            finished = true;
            execute(connection, "ROLLBACK");
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }
}
