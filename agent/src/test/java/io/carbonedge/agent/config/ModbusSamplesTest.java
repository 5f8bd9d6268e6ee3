package io.carbonedge.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every sample device file in {@code config/devices/examples/} loads through the real loader and
 * the Modbus driver, with the shipped profiles (the loader does not read that folder itself).
 */
class ModbusSamplesTest {

    private static final Path CONFIG = Path.of("..", "config");

    @Test
    void everySampleLoadsWithoutMistakes() throws Exception {
        List<Path> samples;
        try (Stream<Path> files = Files.list(CONFIG.resolve("devices/examples"))) {
            samples = files.filter(p -> p.toString().endsWith(".yaml")).filter(ModbusSamplesTest::isModbus).sorted().toList();
        }
        assertThat(samples).hasSizeGreaterThanOrEqualTo(6);
        Path dir = Files.createTempDirectory("modbus-samples");
        Files.copy(CONFIG.resolve("agent.yaml"), dir.resolve("agent.yaml"));
        Files.createDirectories(dir.resolve("devices"));
        for (Path sample : samples) {
            Files.copy(sample, dir.resolve("devices").resolve(sample.getFileName()));
        }

        AgentConfig config = new ConfigLoader().load(dir);

        assertThat(config.devices()).hasSize(samples.size());
        assertThat(config.devices()).allSatisfy(d -> assertThat(d.spec().points()).isNotEmpty());
        config.devices().forEach(d -> d.driver().close());
    }

    private static boolean isModbus(Path file) {
        try {
            return Files.readString(file).contains("protocol: modbus");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theSunSpecProfileLoadsWithoutADevice() throws Exception {
        Path dir = Files.createTempDirectory("sunspec-profile");
        Files.copy(CONFIG.resolve("agent.yaml"), dir.resolve("agent.yaml"));
        Files.createDirectories(dir.resolve("devices"));
        Files.writeString(dir.resolve("devices/d.yaml"),
                "id: d\nprotocol: modbus\nprofile: sunspec\nconnection:\n  host: 127.0.0.1\n");
        AgentConfig config = new ConfigLoader().load(dir);
        assertThat(config.devices().get(0).carriers()).containsKey("total_yield_kwh");
        config.devices().forEach(d -> d.driver().close());
    }
}
