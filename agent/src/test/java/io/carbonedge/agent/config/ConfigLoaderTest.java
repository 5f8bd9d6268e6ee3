package io.carbonedge.agent.config;

import io.carbonedge.agent.totals.Carrier;
import io.carbonedge.driver.PointKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** One test per kind of mistake a technician makes, each checking file, line, column and message. */
class ConfigLoaderTest {

    private static final String AGENT = """
            gateway-id: plant-07-gw1
            data-dir: data
            uplinks:
              - name: park
                uri: coap://127.0.0.1:5683/carbonedge
            """;

    private static final String METER = """
            id: meter
            protocol: modbus
            connection:
              host: 10.0.0.5
              unit-id: 3
            points:
              - id: import_kwh
                kind: counter
                unit: kWh
                carrier: electricity-import
                register: 0x000A
                type: uint32
                scale: 0.01
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void agentFile() throws IOException {
        write("agent.yaml", AGENT);
    }

    private void write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private List<ConfigError> errors() {
        InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class, () -> new ConfigLoader().load(dir));
        assertThat(e).as("the configuration should have been refused").isNotNull();
        return e.errors();
    }

    private ConfigError onlyError() {
        List<ConfigError> errors = errors();
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    @Test
    void aValidConfigurationLoadsWithItsDefaults() throws Exception {
        write("devices/meter.yaml", METER);
        AgentConfig config = new ConfigLoader().load(dir);
        assertThat(config.gatewayId()).isEqualTo("plant-07-gw1");
        assertThat(config.dataDir()).isEqualTo(dir.resolve("data"));
        assertThat(config.poll().interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.accounting().interval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.accounting().gridFactor()).isEqualTo(new GridFactor("mee-2022-national", 0.5366));
        assertThat(config.uplinks()).singleElement().satisfies(u -> {
            assertThat(u.format()).isEqualTo(PayloadFormat.SENML_CBOR);
            assertThat(u.batchSize()).isEqualTo(500);
        });
        DeviceConfig meter = config.devices().get(0);
        assertThat(meter.spec().points()).singleElement()
                .satisfies(p -> assertThat(p.kind()).isEqualTo(PointKind.COUNTER));
        assertThat(meter.carriers()).containsEntry("import_kwh", Carrier.ELECTRICITY_IMPORT);
        meter.driver().close();
    }

    @Test
    void relativePathsInADeviceFileStartAtTheConfigurationDirectoryNotTheWorkingDirectory() throws Exception {
        String boiler = """
                id: boiler
                protocol: opcua
                connection:
                  endpoint: opc.tcp://10.0.0.9:4840
                  identity:
                    type: username
                    user: carbonedge
                    password-file: secrets/boiler.pass
                points:
                  - id: gas_flow
                    kind: gauge
                    unit: m3/h
                    node: ns=2;s=Boiler1.GasFlow
                """;
        write("devices/boiler.yaml", boiler);
        assertThat(onlyError().message()).contains(dir.resolve("secrets/boiler.pass").toString());

        write("secrets/boiler.pass", "s3cret\n");
        Files.setPosixFilePermissions(dir.resolve("secrets/boiler.pass"), PosixFilePermissions.fromString("rw-------"));
        AgentConfig config = new ConfigLoader().load(dir);
        assertThat(config.devices()).singleElement().satisfies(d -> d.driver().close());
    }

    @Test
    void unknownFieldSuggestsTheNearestKnownOne() throws Exception {
        write("devices/meter.yaml", METER.replace("  unit-id: 3", "  unti-id: 3"));
        ConfigError e = onlyError();
        assertThat(e).isEqualTo(new ConfigError("devices/meter.yaml", 5, 3, "connection.unti-id",
                "unknown field 'unti-id'; did you mean 'unit-id'?"));
        assertThat(e.toString()).isEqualTo(
                "devices/meter.yaml:5:3: connection.unti-id: unknown field 'unti-id'; did you mean 'unit-id'?");
    }

    @Test
    void unknownFieldFarFromAnyListsTheKnownOnes() throws Exception {
        write("agent.yaml", AGENT + "colour: blue\n");
        assertThat(onlyError().message()).startsWith("unknown field 'colour'; expected one of: gateway-id, data-dir");
    }

    @Test
    void missingRequiredField() throws Exception {
        write("devices/meter.yaml", METER.replace("protocol: modbus\n", ""));
        assertThat(errors()).contains(new ConfigError("devices/meter.yaml", 1, 1, "protocol",
                "missing required field 'protocol': expected text"));
    }

    @Test
    void wrongType() throws Exception {
        write("devices/meter.yaml", METER.replace("  unit-id: 3", "  unit-id: three"));
        assertThat(onlyError()).isEqualTo(new ConfigError("devices/meter.yaml", 5, 12, "connection.unit-id",
                "expected a whole number from 0 to 247, got 'three'"));
    }

    @Test
    void aMapWhereTextWasExpected() throws Exception {
        write("devices/meter.yaml", METER.replace("protocol: modbus", "protocol:\n  name: modbus"));
        assertThat(errors()).extracting(ConfigError::message).contains("expected text, got a map");
    }

    @Test
    void outOfRangeUnitId() throws Exception {
        write("devices/meter.yaml", METER.replace("  unit-id: 3", "  unit-id: 300"));
        assertThat(onlyError()).isEqualTo(new ConfigError("devices/meter.yaml", 5, 12, "connection.unit-id",
                "expected a whole number from 0 to 247, got 300"));
    }

    @Test
    void outOfRangeRegister() throws Exception {
        write("devices/meter.yaml", METER.replace("register: 0x000A", "register: 70000"));
        ConfigError e = onlyError();
        assertThat(e.file()).isEqualTo("devices/meter.yaml");
        assertThat(e.line()).isEqualTo(11);
        assertThat(e.field()).isEqualTo("points[0].register");
        assertThat(e.message()).contains("0 to 65535", "70000");
    }

    @Test
    void intervalMustBePositive() throws Exception {
        write("devices/meter.yaml", METER.replace("protocol: modbus", "protocol: modbus\ninterval: 0s"));
        assertThat(onlyError()).isEqualTo(new ConfigError("devices/meter.yaml", 3, 11, "interval",
                "expected a positive duration such as 500ms, 10s, 5m or 1h, got '0s'"));
    }

    @Test
    void accountingIntervalMustDivideAnHour() throws Exception {
        write("agent.yaml", AGENT + "accounting:\n  interval: 7m\n");
        assertThat(onlyError().message()).startsWith("expected a whole number of minutes that divides an hour");
    }

    @Test
    void duplicateDeviceIdsNameBothFiles() throws Exception {
        write("devices/a.yaml", METER);
        write("devices/b.yaml", METER);
        assertThat(onlyError()).isEqualTo(new ConfigError("devices/b.yaml", 1, 5, "id",
                "duplicate device id 'meter': already used in devices/a.yaml"));
    }

    @Test
    void duplicatePointIds() throws Exception {
        write("devices/meter.yaml", METER + """
                  - id: import_kwh
                    kind: gauge
                    register: 20
                """);
        ConfigError e = onlyError();
        assertThat(e.line()).isEqualTo(14);
        assertThat(e.field()).isEqualTo("points[1].id");
        assertThat(e.message()).isEqualTo("duplicate point id 'import_kwh' in device 'meter': already defined at devices/meter.yaml:7:5");
    }

    @Test
    void missingProfileListsTheAvailableOnes() throws Exception {
        write("profiles/my-meter.yaml", "protocol: modbus\npoints:\n  - id: p\n    kind: gauge\n    register: 1\n");
        write("devices/meter.yaml", METER.replace("protocol: modbus", "protocol: modbus\nprofile: acrel-adl40"));
        ConfigError e = onlyError();
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(10);
        assertThat(e.message()).startsWith("unknown profile 'acrel-adl40': expected one of [")
                .contains("acrel-adl400", "my-meter");
    }

    @Test
    void aProfileProvidesPointsAndItsOwnMistakesNameTheProfileFile() throws Exception {
        write("profiles/my-meter.yaml", "protocol: modbus\npoints:\n  - id: p\n    kind: gauge\n    registr: 1\n");
        write("devices/meter.yaml", METER.replace("protocol: modbus", "protocol: modbus\nprofile: my-meter"));
        List<ConfigError> errors = errors();
        assertThat(errors).extracting(ConfigError::file).containsOnly("profiles/my-meter.yaml");
        assertThat(errors).extracting(ConfigError::message)
                .contains("unknown field 'registr'; did you mean 'register'?");
    }

    @Test
    void brokenYaml() throws Exception {
        write("devices/meter.yaml", "id: meter\nprotocol: modbus\n  connection: [\n");
        ConfigError e = onlyError();
        assertThat(e.file()).isEqualTo("devices/meter.yaml");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.message()).startsWith("broken YAML: ");
    }

    @Test
    void emptyFile() throws Exception {
        write("devices/meter.yaml", "# nothing yet\n");
        assertThat(onlyError()).isEqualTo(new ConfigError("devices/meter.yaml", 0, 0, "",
                "file is empty: expected a map of settings"));
    }

    @Test
    void duplicateKey() throws Exception {
        write("devices/meter.yaml", METER.replace("protocol: modbus", "protocol: modbus\nid: other"));
        assertThat(onlyError()).isEqualTo(new ConfigError("devices/meter.yaml", 3, 1, "id",
                "duplicate key: 'id' is already set on line 1"));
    }

    @Test
    void unknownProtocolListsTheKnownOnes() throws Exception {
        write("devices/meter.yaml", METER.replace("protocol: modbus", "protocol: modbus-tcp"));
        ConfigError error = onlyError();
        assertThat(error).isEqualTo(new ConfigError("devices/meter.yaml", 2, 11, "protocol", error.message()));
        assertThat(error.message()).startsWith("unknown protocol 'modbus-tcp': expected one of [").contains("modbus");
    }

    @Test
    void aCarrierOnlyBelongsOnACounter() throws Exception {
        write("devices/meter.yaml", METER.replace("kind: counter", "kind: gauge"));
        assertThat(onlyError().message()).startsWith("a carrier is accounted only on counters");
    }

    @Test
    void missingAgentFileNamesThePath() {
        try {
            Files.delete(dir.resolve("agent.yaml"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        ConfigError e = onlyError();
        assertThat(e.file()).isEqualTo("agent.yaml");
        assertThat(e.message()).startsWith("missing: expected the agent's settings in ");
    }

    @Test
    void everyMistakeInEveryFileIsReportedAtOnceInFileOrder() throws Exception {
        write("agent.yaml", AGENT.replace("gateway-id: plant-07-gw1", "gateway-id: plant 07"));
        write("devices/a.yaml", METER.replace("  unit-id: 3", "  unit-id: 300"));
        write("devices/b.yaml", METER.replace("id: meter", "id: other").replace("type: uint32", "type: uint33"));
        write("devices/c.yaml", "");
        assertThat(errors()).extracting(ConfigError::file)
                .containsExactly("agent.yaml", "devices/a.yaml", "devices/b.yaml", "devices/c.yaml");
    }
}
