package io.carbonedge.driver.modbus;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds a program an integration test runs as an independent peer. Missing in CI (the {@code CI}
 * variable is set) fails the test with a plain message; missing elsewhere skips it.
 */
final class ExternalProgram {

    private ExternalProgram() {
    }

    static Path require(String path, String debianPackage) {
        Path program = Path.of(path);
        if (!Files.isExecutable(program)) {
            String message = path + " is missing: install the Debian package " + debianPackage;
            if (System.getenv("CI") != null) {
                fail(message);
            }
            assumeTrue(false, message);
        }
        return program;
    }

    /** Requires a Python module importable by /usr/bin/python3. */
    static Path requirePythonModule(String module, String debianPackage) throws Exception {
        Path python = require("/usr/bin/python3", "python3");
        Process check = new ProcessBuilder(python.toString(), "-c", "import " + module).redirectErrorStream(true).start();
        if (check.waitFor() != 0) {
            String message = "/usr/bin/python3 cannot import " + module + ": install the Debian package " + debianPackage;
            if (System.getenv("CI") != null) {
                fail(message);
            }
            assumeTrue(false, message);
        }
        return python;
    }
}
