package io.carbonedge.driver.gpio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

/**
 * The pulse count of one meter, kept in a one-line text file ({@code 123456}) so a restart
 * continues where the last run stopped. Written atomically: a temporary file is written and
 * flushed to the disk, then renamed over the old one, and the directory is flushed, so after a
 * power cut the file holds either the old count or the new one, never a torn mix.
 */
final class PulseCountFile {

    private final Path file;
    private final Path temp;

    PulseCountFile(Path file) {
        this.file = file;
        this.temp = file.resolveSibling(file.getFileName() + ".tmp");
    }

    Path path() {
        return file;
    }

    /**
     * The saved count, or empty when there is no file yet (the first start).
     *
     * @throws Unreadable when the file does not hold a count
     * @throws IOException  when the file cannot be read (permissions, I/O error): try again later
     */
    OptionalLong load() throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        }
        try {
            long count = Long.parseLong(text);
            if (count < 0) {
                throw new NumberFormatException();
            }
            return OptionalLong.of(count);
        } catch (NumberFormatException e) {
            throw new Unreadable(file + " does not hold a pulse count");
        }
    }

    /** Saves the count; on return it is on the disk. */
    void save(long count) throws IOException {
        Files.createDirectories(file.getParent());
        ByteBuffer bytes = ByteBuffer.wrap((count + "\n").getBytes(StandardCharsets.US_ASCII));
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(true);
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        syncDirectory();
    }

    /** Moves an unreadable file aside so the next save does not overwrite the evidence. */
    Path moveAside(long nowMillis) throws IOException {
        Path aside = file.resolveSibling(file.getFileName() + ".unreadable-" + nowMillis);
        Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        return aside;
    }

    private void syncDirectory() {
        try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not every platform can open a directory (Windows); the rename is still atomic there.
        }
    }

    /** The file exists but does not hold a count: it will not get better by reading it again. */
    static final class Unreadable extends IOException {
        Unreadable(String message) {
            super(message);
        }
    }
}
