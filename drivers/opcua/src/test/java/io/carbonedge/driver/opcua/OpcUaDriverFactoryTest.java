package io.carbonedge.driver.opcua;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonedge.driver.testing.TestContexts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per kind of mistake in a device's OPC UA fields, and the defaults when fields are absent. */
class OpcUaDriverFactoryTest {

    @TempDir
    Path dir;

    private OpcUaDriverFactory factory() {
        return new OpcUaDriverFactory();
    }

    @Test
    void defaultsForAMinimalDevice() {
        DeviceFixture fixture = new DeviceFixture().connection("endpoint", "opc.tcp://10.0.0.9:4840")
                .point("gas", "node", "ns=2;s=Boiler1.GasFlow");
        try (OpcUaDriver driver = fixture.create(factory(), TestContexts.in(dir))) {
            assertThat(fixture.errors()).isEmpty();
            OpcUaConnection c = driver.connection();
            assertThat(c.policy()).isEqualTo(OpcUaSecurityPolicy.NONE);
            assertThat(c.mode()).isEqualTo(OpcUaSecurityMode.NONE);
            assertThat(c.identity()).isEqualTo(new Identity.Anonymous());
            assertThat(c.readMode()).isEqualTo(ReadMode.SUBSCRIBE);
            assertThat(c.publishingInterval()).isEqualTo(Duration.ofSeconds(1));
            assertThat(c.trustUnknownServers()).isFalse();
            assertThat(c.pkiDir()).isEqualTo(dir.resolve("pki"));
            assertThat(driver.points().get(0).monitoring()).isEqualTo(new Monitoring(Duration.ofSeconds(1), 1, Deadband.NONE));
        }
    }

    @Test
    void pointSettingsOverrideTheDevice() {
        DeviceFixture fixture = new DeviceFixture().connection("endpoint", "opc.tcp://plc:4840")
                .connection("security-policy", "aes256-sha256-rsapss").connection("publishing-interval", "500ms")
                .connection("queue-size", 4).connection("deadband", Map.of("type", "percent", "value", 2))
                .point("a", "browse-path", "Objects/Boiler1/GasFlow")
                .point("b", "node", "nsu=urn:acme:plc;s=X", "sampling-interval", "2s", "deadband", Map.of("type", "absolute", "value", 0.5));
        try (OpcUaDriver driver = fixture.create(factory(), TestContexts.in(dir))) {
            assertThat(fixture.errors()).isEmpty();
            assertThat(driver.connection().mode()).isEqualTo(OpcUaSecurityMode.SIGN_AND_ENCRYPT);
            assertThat(driver.points().get(0).monitoring())
                    .isEqualTo(new Monitoring(Duration.ofMillis(500), 4, new Deadband(Deadband.Type.PERCENT, 2)));
            assertThat(driver.points().get(1).monitoring())
                    .isEqualTo(new Monitoring(Duration.ofSeconds(2), 4, new Deadband(Deadband.Type.ABSOLUTE, 0.5)));
        }
    }

    @Test
    void aPasswordInTheDeviceFileIsRefused() {
        assertThat(errorsOf(new DeviceFixture().connection("endpoint", "opc.tcp://plc:4840")
                .connection("identity", Map.of("type", "username", "user", "u", "password", "secret"))
                .point("a", "node", "ns=2;i=5")))
                .anyMatch(e -> e.startsWith("password: no password in the device file"));
    }

    @Test
    void aPasswordFileOthersCanReadIsRefused() throws Exception {
        Path secret = dir.resolve("open.pass");
        Files.writeString(secret, "x\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(errorsOf(new DeviceFixture().connection("endpoint", "opc.tcp://plc:4840")
                .connection("identity", Map.of("type", "username", "user", "u", "password-file", "open.pass"))
                .point("a", "node", "ns=2;i=5")))
                .singleElement().asString().startsWith("password-file: a file only its owner can read (chmod 600");
    }

    @Test
    void aMissingPasswordFileIsReported() {
        assertThat(errorsOf(new DeviceFixture().connection("endpoint", "opc.tcp://plc:4840")
                .connection("identity", Map.of("type", "username", "user", "u", "password-file", "secrets/none.pass"))
                .point("a", "node", "ns=2;i=5")))
                .singleElement().asString().contains("is not one").contains(dir.resolve("secrets/none.pass").toString());
    }

    @Test
    void signWithoutAPolicyIsReported() {
        assertThat(errorsOf(new DeviceFixture().connection("endpoint", "opc.tcp://plc:4840").connection("security-mode", "sign")
                .point("a", "node", "ns=2;i=5")))
                .singleElement().asString().startsWith("security-mode: none when security-policy is none");
    }

    @Test
    void badEndpointNodeIdAndPathAreReported() {
        assertThat(errorsOf(new DeviceFixture().connection("endpoint", "http://plc:4840")
                .point("a", "node", "Boiler1.GasFlow")
                .point("b", "browse-path", "Objects//GasFlow")
                .point("c")
                .point("d", "node", "ns=2;i=5", "browse-path", "Objects/X")))
                .hasSize(5)
                .anyMatch(e -> e.startsWith("endpoint: an OPC UA endpoint URL"))
                .anyMatch(e -> e.startsWith("node: a node id such as"))
                .anyMatch(e -> e.startsWith("browse-path: a path of browse names"))
                .anyMatch(e -> e.startsWith("node: exactly one of"))
                .anyMatch(e -> e.startsWith("browse-path: exactly one of"));
    }

    @Test
    void aPercentDeadbandAbove100IsReported() {
        assertThat(errorsOf(new DeviceFixture().connection("endpoint", "opc.tcp://plc:4840")
                .point("a", "node", "ns=2;i=5", "deadband", Map.of("type", "percent", "value", 150))))
                .singleElement().asString().startsWith("value: a number from 0");
    }

    private java.util.List<String> errorsOf(DeviceFixture fixture) {
        try (OpcUaDriver ignored = fixture.create(factory(), TestContexts.in(dir))) {
            return fixture.errors();
        }
    }

}
