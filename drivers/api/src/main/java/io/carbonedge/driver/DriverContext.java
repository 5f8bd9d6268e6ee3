package io.carbonedge.driver;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a driver finds what a device file names and keeps what it learns, handed to
 * {@link DriverFactory#create} by the agent that read the configuration.
 *
 * @param configDir the configuration directory ({@code /etc/carbonedge}): relative paths in device
 *                  files (password files, certificates) start here, never at the working directory
 * @param dataDir   the agent's data directory ({@code /var/lib/carbonedge}): state a driver keeps,
 *                  such as the OPC UA certificate store, lives under it
 */
public record DriverContext(Path configDir, Path dataDir) {

    public DriverContext {
        configDir = Objects.requireNonNull(configDir, "configDir").toAbsolutePath();
        dataDir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath();
    }

    /** A path from a device file: absolute as written, else under {@link #configDir()}. */
    public Path resolve(String path) {
        Path p = Path.of(path);
        return p.isAbsolute() ? p : configDir.resolve(p).normalize();
    }
}
