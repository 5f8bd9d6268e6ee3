package io.carbonedge.agent.receiver;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The tables of {@code receiver.db}. Readings name their (gateway, device, point, unit) by a small
 * integer, as the agent's buffer does, so that a row carries numbers only besides its gateway: the
 * rows are in {@code reading_row}, the lookup in {@code point}, and the view {@code reading} joins
 * them back into one row per reading with every column spelled out, which is what queries read.
 * Totals, site figures and counter events are few and keep their names in their rows.
 *
 * <p>A file written before readings were split (a table {@code reading}) has its readings moved
 * into the split tables when it is opened.
 */
final class ReceiverSchema {

    private static final String[] TABLES = {
        """
        CREATE TABLE IF NOT EXISTS point (
          ref INTEGER PRIMARY KEY, gateway TEXT NOT NULL, device TEXT NOT NULL, point TEXT NOT NULL,
          unit TEXT NOT NULL, UNIQUE (gateway, device, point, unit))""",
        """
        CREATE TABLE IF NOT EXISTS reading_row (
          gateway TEXT NOT NULL, seq INTEGER NOT NULL, point INTEGER NOT NULL REFERENCES point (ref),
          time_ms INTEGER NOT NULL, value REAL, quality TEXT NOT NULL, reason TEXT,
          PRIMARY KEY (gateway, seq)) WITHOUT ROWID""",
        """
        CREATE TABLE IF NOT EXISTS total (
          gateway TEXT NOT NULL, seq INTEGER NOT NULL, device TEXT NOT NULL, point TEXT NOT NULL,
          carrier TEXT NOT NULL, unit TEXT NOT NULL, interval_start_ms INTEGER NOT NULL,
          length_s INTEGER NOT NULL, amount REAL, kgce REAL, kgco2 REAL, revision INTEGER NOT NULL,
          period TEXT NOT NULL DEFAULT 'interval', estimated INTEGER NOT NULL DEFAULT 0, completeness REAL,
          kgce_factor REAL, kgco2_factor REAL, factor_source TEXT,
          PRIMARY KEY (gateway, seq)) WITHOUT ROWID""",
        """
        CREATE TABLE IF NOT EXISTS site_figure (
          gateway TEXT NOT NULL, seq INTEGER NOT NULL, figure TEXT NOT NULL, unit TEXT NOT NULL,
          period TEXT NOT NULL, start_ms INTEGER NOT NULL, length_s INTEGER NOT NULL, value REAL,
          revision INTEGER NOT NULL, PRIMARY KEY (gateway, seq)) WITHOUT ROWID""",
        """
        CREATE TABLE IF NOT EXISTS counter_event (
          gateway TEXT NOT NULL, seq INTEGER NOT NULL, device TEXT NOT NULL, point TEXT NOT NULL,
          kind TEXT NOT NULL, time_ms INTEGER NOT NULL, value REAL, previous REAL,
          PRIMARY KEY (gateway, seq)) WITHOUT ROWID""",
        "CREATE TABLE IF NOT EXISTS counter (name TEXT PRIMARY KEY, value INTEGER NOT NULL)",
        "INSERT OR IGNORE INTO counter (name, value) VALUES ('duplicates', 0)",
    };

    /** Moves the readings of a file from before the split; only run when it has a table {@code reading}. */
    private static final String[] SPLIT_READINGS = {
        "INSERT OR IGNORE INTO point (gateway, device, point, unit) SELECT DISTINCT gateway, device, point, unit FROM reading",
        """
        INSERT OR IGNORE INTO reading_row (gateway, seq, point, time_ms, value, quality, reason)
          SELECT r.gateway, r.seq, p.ref, r.time_ms, r.value, r.quality, r.reason FROM reading r
          JOIN point p ON p.gateway = r.gateway AND p.device = r.device AND p.point = r.point AND p.unit = r.unit""",
        "DROP TABLE reading",
    };

    /** LEFT JOIN on a unique key: a query that needs no column of {@code point} does not read it. */
    private static final String READING_VIEW = """
            CREATE VIEW IF NOT EXISTS reading AS
              SELECT r.gateway, r.seq, p.device, p.point, p.unit, r.time_ms, r.value, r.quality, r.reason
              FROM reading_row r LEFT JOIN point p ON p.ref = r.point""";

    private ReceiverSchema() {
    }

    /** Creates what is missing, in one transaction (the connection is in auto-commit mode). */
    static void apply(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                for (String ddl : TABLES) {
                    s.execute(ddl);
                }
                if (hasTable(s, "reading")) {
                    for (String sql : SPLIT_READINGS) {
                        s.execute(sql);
                    }
                }
                s.execute(READING_VIEW);
                s.execute("COMMIT");
            } catch (SQLException e) {
                s.execute("ROLLBACK");
                throw e;
            }
        }
    }

    private static boolean hasTable(Statement s, String name) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '" + name + "'")) {
            return rs.next();
        }
    }
}
