package io.carbonedge.driver.testing;

import io.carbonedge.driver.DriverContext;
import java.nio.file.Path;

/** {@link DriverContext}s for driver tests. */
public final class TestContexts {

    /** For drivers that read and keep no files (Modbus, GPIO): the working directory, never touched. */
    public static final DriverContext NO_FILES = new DriverContext(Path.of(""), Path.of(""));

    private TestContexts() {
    }

    /** Configuration and data both in {@code dir}: relative paths start there, the PKI is {@code dir/pki}. */
    public static DriverContext in(Path dir) {
        return new DriverContext(dir, dir);
    }
}
