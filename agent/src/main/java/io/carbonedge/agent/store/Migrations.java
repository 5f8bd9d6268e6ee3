package io.carbonedge.agent.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Brings a buffer database to the current schema by running the numbered scripts in
 * {@code db/migration/} that it has not run yet, each in its own transaction. The schema version
 * is SQLite's {@code user_version}.
 */
final class Migrations {

    /**
     * In order; script {@code V<n>__…} takes the schema to version n, so the list must run
     * V1, V2, … without gaps. Append, never edit a script that has shipped.
     */
    private static final List<String> SCRIPTS = List.of("V1__buffer.sql", "V2__parked_batches.sql", "V3__accounting.sql",
            "V4__point_version.sql", "V5__parked_state.sql");

    static {
        for (int i = 0; i < SCRIPTS.size(); i++) {
            if (!SCRIPTS.get(i).startsWith("V" + (i + 1) + "__")) {
                throw new IllegalStateException("migration " + SCRIPTS.get(i) + " is out of order");
            }
        }
    }

    private Migrations() {
    }

    static int latestVersion() {
        return SCRIPTS.size();
    }

    /**
     * Runs the scripts the file has not run yet. Each step reads the version and runs its script
     * under the write lock ({@code BEGIN IMMEDIATE}), so when two processes open a new file at the
     * same moment (an agent starting while a technician runs {@code carbonedge parked}) each script
     * still runs once: the second process waits, then finds it done.
     */
    static void apply(Connection connection) throws SQLException {
        while (true) {
            try (WriteTransaction transaction = WriteTransaction.begin(connection)) {
                int current = userVersion(connection);
                if (current > SCRIPTS.size()) {
                    throw new SQLException("buffer schema version " + current + " is newer than this agent knows ("
                            + SCRIPTS.size() + "); was the agent downgraded?");
                }
                if (current == SCRIPTS.size()) {
                    return;
                }
                run(connection, current + 1);
                transaction.commit();
            }
        }
    }

    private static void run(Connection connection, int version) throws SQLException {
        String name = SCRIPTS.get(version - 1);
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(read(name))) {
                statement.executeUpdate(sql);
            }
            statement.executeUpdate("PRAGMA user_version = " + version);
        } catch (SQLException e) {
            throw new SQLException("migration " + name + " failed: " + e.getMessage(), e);
        }
    }

    private static int userVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             var rs = statement.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /**
     * Splits a script on ';' at line ends, dropping '--' comment lines. A trigger, whose body holds
     * semicolons, must therefore be written on one line.
     */
    static List<String> statements(String script) {
        StringBuilder current = new StringBuilder();
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                out.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    private static String read(String name) throws SQLException {
        String resource = "/db/migration/" + name;
        try (InputStream in = Migrations.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new SQLException("missing migration resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SQLException("cannot read " + resource, e);
        }
    }
}
