package io.carbonedge.agent.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The buffer file {@code <data>/buffer.db}: opens connections with the settings every user of
 * the file must share, and migrates the schema once at start.
 *
 * <p>Durability: WAL journal with {@code synchronous=FULL}, so every commit is fsynced to the WAL
 * before it returns; a power cut loses at most the group of samples not yet committed (at most
 * one commit interval), never a committed one. Group commits keep the fsync rate low. Every
 * thread gets its own connection; {@code busy_timeout} lets the uplink's short writes wait for
 * the writer instead of failing with "database is locked".
 */
public final class BufferDatabase {

    public static final String FILE_NAME = "buffer.db";

    private final Path file;

    private BufferDatabase(Path file) {
        this.file = file;
    }

    /** Creates the directory and file if needed and brings the schema up to date. */
    public static BufferDatabase open(Path dataDir) throws IOException, SQLException {
        Files.createDirectories(dataDir);
        BufferDatabase db = new BufferDatabase(dataDir.resolve(FILE_NAME));
        try (Connection c = db.connect()) {
            Migrations.apply(c);
        }
        return db;
    }

    public Path file() {
        return file;
    }

    /** A new connection, configured; the caller owns and closes it and uses it from one thread. */
    public Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA busy_timeout=10000");
            s.execute("PRAGMA foreign_keys=OFF");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }
}
