package io.carbonedge.agent.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** Writes the demo's configuration, built into the jar from {@code config/demo/}, to a directory. */
final class DemoConfig {

    private static final List<String> FILES = List.of(
            "agent.yaml", "devices/grid-meter.yaml", "devices/pv-inverter.yaml", "devices/gas-boiler.yaml",
            "devices/cement-kiln.yaml");

    private DemoConfig() {
    }

    static Path writeTo(Path dir) throws IOException {
        for (String name : FILES) {
            Path target = dir.resolve(name);
            Files.createDirectories(target.getParent());
            try (InputStream in = DemoConfig.class.getResourceAsStream("/demo/" + name)) {
                if (in == null) {
                    throw new IOException("the demo configuration is missing from the jar: demo/" + name);
                }
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return dir;
    }
}
