package io.carbonedge.agent.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

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
    private static final Logger log = LoggerFactory.getLogger(BufferDatabase.class);
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_NOTADB = 26;

    private final Path file;

    private BufferDatabase(Path file) {
        this.file = file;
    }

    /**
     * Creates the directory and file if needed, checks the file and brings the schema up to date.
     * A file SQLite cannot read as a database, or that fails {@code PRAGMA quick_check}, is moved
     * aside as {@code buffer.db.corrupt-<time>} (with its WAL) and a fresh one takes its place,
     * holding a gap record that tells the platform; the agent never loops on a broken file.
     */
    public static BufferDatabase open(Path dataDir) throws IOException, SQLException {
        return open(dataDir, Clock.systemUTC());
    }

    static BufferDatabase open(Path dataDir, Clock clock) throws IOException, SQLException {
        Files.createDirectories(dataDir);
        BufferDatabase db = new BufferDatabase(dataDir.resolve(FILE_NAME));
        Optional<String> damage = db.damage();
        if (damage.isPresent()) {
            Path aside = db.moveAside(clock.instant());
            log.error("the buffer {} is damaged ({}); moved it aside to {} and started a fresh one",
                    db.file, damage.get(), aside.getFileName());
            try (Connection c = db.connect()) {
                Migrations.apply(c);
                GapLog.insert(c, "corrupt-buffer", -1, 0, 0, null, null, clock.instant());
            }
            return db;
        }
        try (Connection c = db.connect()) {
            Migrations.apply(c);
        }
        return db;
    }

    /**
     * The buffer of an agent that may be running, for a command a person runs beside it
     * ({@code export}, {@code totals}, {@code parked}): not checked (a quick_check reads the whole
     * file) and never moved aside (only the agent decides that, at its start); the schema is
     * brought up to date under the write lock as by {@link #open(Path)}.
     *
     * @throws NoSuchFileException when there is no buffer in {@code dataDir}
     */
    public static BufferDatabase existing(Path dataDir) throws IOException, SQLException {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no buffer: has the agent run with this data directory?");
        }
        BufferDatabase db = new BufferDatabase(file);
        try (Connection c = db.connect()) {
            Migrations.apply(c);
        }
        return db;
    }

    /** Why the existing file cannot be used, or empty when it can (or does not exist yet). */
    private Optional<String> damage() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
            String verdict = rs.next() ? rs.getString(1) : "no answer";
            return "ok".equals(verdict) ? Optional.empty() : Optional.of("quick_check: " + verdict);
        } catch (SQLException e) {
            int code = e.getErrorCode();
            if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB || (code & 0xff) == SQLITE_CORRUPT) {
                return Optional.of(e.getMessage());
            }
            return Optional.empty(); // not damage (e.g. permissions): let the normal open report it
        }
    }

    private Path moveAside(Instant now) throws IOException {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(now);
        Path aside = file.resolveSibling(FILE_NAME + ".corrupt-" + stamp);
        Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        for (String suffix : new String[] {"-wal", "-shm"}) {
            Path side = file.resolveSibling(FILE_NAME + suffix);
            if (Files.exists(side)) {
                Files.move(side, aside.resolveSibling(aside.getFileName() + suffix), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return aside;
    }

    public Path file() {
        return file;
    }

    /** A new connection, configured; the caller owns and closes it and uses it from one thread. */
    public Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=10000");   // first: switching a new file to WAL takes a lock too
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA foreign_keys=OFF");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }
}
