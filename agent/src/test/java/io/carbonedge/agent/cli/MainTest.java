package io.carbonedge.agent.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line's exit codes and messages, in-process. */
class MainTest {

    @TempDir
    Path dir;

    private final CommandRun cli = new CommandRun();

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void versionNamesTheProgram() {
        assertThat(run("--version")).isZero();
        assertThat(cli.out()).startsWith("carbonedge ");
    }

    @Test
    void checkAcceptsTheShippedConfiguration() {
        assertThat(run("check", "--config", "../config")).isZero();
        assertThat(cli.out()).contains("configuration OK: gateway plant-07-gw1, 2 device(s)");
    }

    @Test
    void checkListsEveryMistakeWithItsPlaceAndExitsTwo() throws Exception {
        Files.writeString(dir.resolve("agent.yaml"), "gateway-id: gw\nuplinks:\n  - name: park\n    uri: coap://h/x\n    batch-sise: 5\n");
        Files.createDirectories(dir.resolve("devices"));
        Files.writeString(dir.resolve("devices/m.yaml"), "id: m\nprotocol: modbus\nconnection:\n  host: h\n  unit-id: 300\n"
                + "points:\n  - id: p\n    kind: gauge\n    register: 1\n");

        assertThat(run("check", "--config", dir.toString())).isEqualTo(2);

        assertThat(cli.err())
                .contains("2 configuration error(s)")
                .contains("agent.yaml:5:5: uplinks[0].batch-sise: unknown field 'batch-sise'; did you mean 'batch-size'?")
                .contains("devices/m.yaml:5:12: connection.unit-id: expected a whole number from 0 to 247, got 300")
                .doesNotContain("Exception");
    }

    @Test
    void runRefusesABrokenConfigurationWithTheSameMessages() throws Exception {
        Files.writeString(dir.resolve("agent.yaml"), "gateway-id: [\n");
        assertThat(run("run", "--config", dir.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("agent.yaml:").contains("broken YAML").doesNotContain("Exception");
    }

    @Test
    void unknownCommandOrOptionIsAUsageError() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(run("check", "--colour")).isEqualTo(2);
        assertThat(run("demo", "--for", "soon")).isEqualTo(2);
        assertThat(cli.err()).contains("expected a duration such as 90s, 5m or 1h, got 'soon'");
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(run()).isEqualTo(2);
        assertThat(cli.err()).contains("a command is required");
    }
}
