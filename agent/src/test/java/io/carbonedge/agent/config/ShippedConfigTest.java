package io.carbonedge.agent.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The configuration we ship is loaded by the real loader and drivers, so it never goes stale. */
class ShippedConfigTest {

    private static final Path CONFIG = Path.of("..", "config");

    @ParameterizedTest
    @ValueSource(strings = {"", "demo"})
    void loadsWithoutMistakes(String subdirectory) throws Exception {
        Path dir = CONFIG.resolve(subdirectory);
        AgentConfig config = new ConfigLoader().load(dir);
        try (Stream<Path> files = Files.list(dir.resolve("devices"))) {
            assertThat(config.devices()).hasSize((int) files.filter(p -> p.toString().endsWith(".yaml")).count());
        }
        assertThat(config.devices()).allSatisfy(d -> assertThat(d.spec().points()).isNotEmpty());
        config.devices().forEach(d -> d.driver().close());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpio-s0-water.yaml"})
    void everyExampleDeviceLoadsWithoutMistakes(String example) throws Exception {
        Path dir = Files.createTempDirectory("example-check");
        Files.copy(CONFIG.resolve("agent.yaml"), dir.resolve("agent.yaml"));
        Files.createDirectories(dir.resolve("devices"));
        Files.copy(CONFIG.resolve("devices/examples").resolve(example), dir.resolve("devices").resolve(example));
        AgentConfig config = new ConfigLoader().load(dir);
        assertThat(config.devices()).singleElement().satisfies(d -> assertThat(d.carriers()).isNotEmpty());
        config.devices().forEach(d -> d.driver().close());
    }

    @ParameterizedTest
    @ValueSource(strings = {"acrel-adl400", "chint-dtsu666", "eastron-sdm630", "huawei-sun2000"})
    void everyProfileLoadsInADevice(String profile) throws Exception {
        Path dir = Files.createTempDirectory("profile-check");
        Files.copy(CONFIG.resolve("agent.yaml"), dir.resolve("agent.yaml"));
        Files.createDirectories(dir.resolve("devices"));
        Files.writeString(dir.resolve("devices/d.yaml"),
                "id: d\nprotocol: modbus\nprofile: " + profile + "\nconnection:\n  host: 127.0.0.1\n");
        AgentConfig config = new ConfigLoader().load(dir);
        assertThat(config.devices().get(0).carriers()).isNotEmpty();
        config.devices().forEach(d -> d.driver().close());
    }
}
