package io.carbonedge.agent.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The DTLS part of an uplink's configuration: secrets files, their modes, and what goes with what. */
class UplinkSecurityConfigTest {

    private static final String KEY_HEX = "5f2b0c9e4d1a7e3f8c6b2a9d0e4f1c7b";

    @TempDir
    Path dir;

    private void agent(String uplink) throws IOException {
        Files.writeString(dir.resolve("agent.yaml"), """
                gateway-id: plant-07-gw1
                data-dir: data
                uplinks:
                  - name: park
                """ + uplink.indent(4));
    }

    private Path secret(String name, String text, String mode) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    private Path resource(String name, String as, String mode) throws IOException {
        Path file = dir.resolve(as);
        Files.createDirectories(file.getParent());
        try (InputStream in = getClass().getResourceAsStream("/dtls/" + name)) {
            Files.copy(in, file);
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    private UplinkConfig load() throws Exception {
        return new ConfigLoader().load(dir).uplinks().get(0);
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
    void aPskFileWithMode0600Loads() throws Exception {
        secret("secrets/park.psk", "# the park platform's key\nidentity=plant-07-gw1\nkey=" + KEY_HEX + "\n", "rw-------");
        agent("uri: coaps://platform.example:5684/carbonedge\npsk-file: secrets/park.psk\n");

        UplinkConfig uplink = load();
        assertThat(uplink.secure()).isTrue();
        assertThat(uplink.security()).isInstanceOfSatisfying(UplinkSecurity.Psk.class, psk -> {
            assertThat(psk.identity()).isEqualTo("plant-07-gw1");
            assertThat(psk.key()).isEqualTo(HexFormat.of().parseHex(KEY_HEX));
            assertThat(psk.file()).isEqualTo(dir.resolve("secrets/park.psk"));
            assertThat(psk.toString()).doesNotContain(KEY_HEX).contains("16 bytes");
        });
    }

    @ParameterizedTest
    @CsvSource({"rw-r--r--, 0644", "rw-r-----, 0640", "rw-----w-, 0602", "rw-rw-rw-, 0666"})
    void aPskFileOthersCanReadIsRefusedAtLoad(String mode, String octal) throws Exception {
        secret("secrets/park.psk", "identity=plant-07-gw1\nkey=" + KEY_HEX + "\n", mode);
        agent("uri: coaps://platform.example:5684/carbonedge\npsk-file: secrets/park.psk\n");

        ConfigError error = onlyError();
        assertThat(error.file()).isEqualTo("agent.yaml");
        assertThat(error.line()).isEqualTo(6);
        assertThat(error.field()).isEqualTo("uplinks[0].psk-file");
        assertThat(error.message())
                .isEqualTo("secrets/park.psk must be readable by its owner only (chmod 600), it is " + octal);
    }

    @Test
    void aReadOnlyPskFileIsFine() throws Exception {
        secret("park.psk", "identity=gw\nkey=" + KEY_HEX + "\n", "r--------");
        agent("uri: coaps://platform.example/carbonedge\npsk-file: park.psk\n");
        assertThat(load().security()).isInstanceOf(UplinkSecurity.Psk.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "identity=gw|park.psk: missing key=...; expected two lines, identity=<text> and key=<hex digits>",
            "key=" + KEY_HEX + "|park.psk: missing identity=...; expected two lines, identity=<text> and key=<hex digits>",
            "identity=gw\\nkey=zz" + KEY_HEX + "|park.psk:2: key: expected an even number of hex digits (0-9, a-f), e.g. the output of `openssl rand -hex 16`",
            "identity=gw\\nkey=00112233|park.psk:2: key: expected at least 16 bytes (32 hex digits), got 4",
            "identity=gw\\nsecret=00|park.psk:2: unknown name 'secret': expected identity or key",
            "identity gw|park.psk:1: expected identity=... or key=..., got a line without '='"})
    void aBrokenPskFileIsReportedWithItsLine(String text, String message) throws Exception {
        secret("park.psk", text.replace("\\n", "\n"), "rw-------");
        agent("uri: coaps://platform.example/carbonedge\npsk-file: park.psk\n");
        assertThat(onlyError().message()).isEqualTo(message);
    }

    @Test
    void aMissingPskFileIsNamed() throws Exception {
        agent("uri: coaps://platform.example/carbonedge\npsk-file: secrets/nope.psk\n");
        assertThat(onlyError().message()).startsWith("secrets/nope.psk does not exist (a relative path is taken from "
                + "the configuration directory: ");
    }

    @Test
    void aCoapsUplinkWithoutCredentialsIsRefused() throws Exception {
        agent("uri: coaps://platform.example/carbonedge\n");
        ConfigError error = onlyError();
        assertThat(error.field()).isEqualTo("uplinks[0].uri");
        assertThat(error.message()).isEqualTo("a coaps:// uplink needs its DTLS credentials: psk-file (a pre-shared "
                + "key), or certificate, private-key and trusted-ca (X.509)");
    }

    @Test
    void credentialsOnAPlainUplinkAreRefusedRatherThanIgnored() throws Exception {
        secret("park.psk", "identity=gw\nkey=" + KEY_HEX + "\n", "rw-------");
        agent("uri: coap://platform.example/carbonedge\npsk-file: park.psk\n");
        ConfigError error = onlyError();
        assertThat(error.field()).isEqualTo("uplinks[0].psk-file");
        assertThat(error.message()).isEqualTo("'psk-file' is only for coaps:// URIs: this uplink's uri is coap://, "
                + "which is sent in plain text");
    }

    @Test
    void x509CredentialsLoad() throws Exception {
        resource("test-only-gateway.crt", "pki/gw.crt", "rw-r--r--");
        resource("test-only-gateway.key", "pki/gw.key", "rw-------");
        resource("test-only-gateway.crt", "pki/ca.crt", "rw-r--r--");
        agent("uri: coaps://platform.example/carbonedge\ncertificate: pki/gw.crt\nprivate-key: pki/gw.key\n"
                + "trusted-ca: pki/ca.crt\n");

        assertThat(load().security()).isInstanceOfSatisfying(UplinkSecurity.X509.class, x509 -> {
            assertThat(x509.chain()).hasSize(1);
            assertThat(x509.chain().get(0).getSubjectX500Principal().getName()).isEqualTo("CN=test-only-gateway");
            assertThat(x509.privateKey().getAlgorithm()).isEqualTo("EC");
            assertThat(x509.trusted()).hasSize(1);
        });
    }

    @Test
    void anX509KeyOthersCanReadIsRefused() throws Exception {
        resource("test-only-gateway.crt", "gw.crt", "rw-r--r--");
        resource("test-only-gateway.key", "gw.key", "rw-r--r--");
        agent("uri: coaps://platform.example/carbonedge\ncertificate: gw.crt\nprivate-key: gw.key\ntrusted-ca: gw.crt\n");
        ConfigError error = onlyError();
        assertThat(error.field()).isEqualTo("uplinks[0].private-key");
        assertThat(error.message()).isEqualTo("gw.key must be readable by its owner only (chmod 600), it is 0644");
    }

    @Test
    void aKeyThatDoesNotFitTheCertificateIsRefused() throws Exception {
        resource("test-only-gateway.crt", "gw.crt", "rw-r--r--");
        resource("test-only-rsa.key", "gw.key", "rw-------");
        agent("uri: coaps://platform.example/carbonedge\ncertificate: gw.crt\nprivate-key: gw.key\ntrusted-ca: gw.crt\n");
        assertThat(onlyError().message()).isEqualTo("gw.key holds a RSA key but gw.crt a EC certificate: expected the "
                + "certificate's key");
    }

    @Test
    void aCertificateWithoutItsKeyAndCaIsIncomplete() throws Exception {
        resource("test-only-gateway.crt", "gw.crt", "rw-r--r--");
        agent("uri: coaps://platform.example/carbonedge\ncertificate: gw.crt\n");
        assertThat(errors()).extracting(ConfigError::field)
                .containsExactlyInAnyOrder("uplinks[0].private-key", "uplinks[0].trusted-ca");
    }

    @Test
    void garbageInsteadOfACertificateIsReported() throws Exception {
        secret("gw.crt", "not a certificate", "rw-r--r--");
        resource("test-only-gateway.key", "gw.key", "rw-------");
        resource("test-only-gateway.crt", "ca.crt", "rw-r--r--");
        agent("uri: coaps://platform.example/carbonedge\ncertificate: gw.crt\nprivate-key: gw.key\ntrusted-ca: ca.crt\n");
        assertThat(onlyError().message()).startsWith("gw.crt: ");
    }

    @Test
    void pskAndCertificateTogetherAreAmbiguous() throws Exception {
        secret("park.psk", "identity=gw\nkey=" + KEY_HEX + "\n", "rw-------");
        agent("uri: coaps://platform.example/carbonedge\npsk-file: park.psk\ncertificate: gw.crt\n");
        assertThat(onlyError().message()).isEqualTo("expected either psk-file or certificate/private-key/trusted-ca, "
                + "not both");
    }

    @Test
    void maxRateDefaultsTo2000AndCanBeUnlimited() throws Exception {
        agent("uri: coap://platform.example/carbonedge\n");
        assertThat(load().maxRate()).isEqualTo(UplinkConfig.DEFAULT_MAX_RATE).isEqualTo(2000);
        agent("uri: coap://platform.example/carbonedge\nmax-rate: unlimited\n");
        assertThat(load().maxRate()).isEqualTo(UplinkConfig.UNLIMITED);
        agent("uri: coap://platform.example/carbonedge\nmax-rate: 500\n");
        assertThat(load().maxRate()).isEqualTo(500);
    }

    @ParameterizedTest
    @CsvSource({"0", "-5", "fast", "2000000"})
    void aWrongMaxRateIsReported(String value) throws Exception {
        agent("uri: coap://platform.example/carbonedge\nmax-rate: " + value + "\n");
        ConfigError error = onlyError();
        assertThat(error.field()).isEqualTo("uplinks[0].max-rate");
        assertThat(error.message()).isEqualTo("expected readings per second from 1 to 1000000, or unlimited, got '"
                + value + "'");
    }

    @Test
    void otherSchemesAreRefused() throws Exception {
        agent("uri: http://platform.example/carbonedge\n");
        assertThat(onlyError().message()).startsWith("expected a URI such as coap://platform.example:5683/carbonedge "
                + "or coaps://");
    }
}
