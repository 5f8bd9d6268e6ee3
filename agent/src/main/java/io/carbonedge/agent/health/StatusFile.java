package io.carbonedge.agent.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * {@code <data>/status.json}: the running agent's health, rewritten every few seconds (write to a
 * temporary file, then rename, so a reader never sees half a file). {@code carbonedge status}
 * reads it; no socket is opened for it.
 */
public final class StatusFile {

    public static final String NAME = "status.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public StatusFile(Path dataDir) {
        this.file = dataDir.resolve(NAME);
    }

    public Path path() {
        return file;
    }

    void write(ObjectNode status) throws IOException {
        Path temporary = file.resolveSibling(NAME + ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), status);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The last status written, or empty when there is none. */
    public Optional<JsonNode> read() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(JSON.readTree(file.toFile()));
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
