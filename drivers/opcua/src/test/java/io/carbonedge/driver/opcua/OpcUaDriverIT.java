package io.carbonedge.driver.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carbonedge.driver.DeviceUnavailableException;
import io.carbonedge.driver.Quality;
import io.carbonedge.driver.Sample;
import io.carbonedge.driver.opcua.pki.CertificateEntry;
import io.carbonedge.driver.opcua.pki.PkiDirectory;
import io.carbonedge.driver.opcua.sim.OpcUaSimulator;
import io.carbonedge.driver.opcua.sim.SimulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The driver against the in-process Milo simulator: security, identities, trust, modes, values. */
class OpcUaDriverIT {

    private static final Duration WITHIN = Duration.ofSeconds(15);

    @TempDir
    static Path dir;
    static OpcUaSimulator sim;
    static Path userCert;
    static Path userKey;

    @BeforeAll
    static void startSimulator() throws Exception {
        KeyPair keys = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
        X509Certificate certificate = new SelfSignedCertificateBuilder(keys).setCommonName("boiler-operator")
                .setApplicationUri("urn:carbonedge:test-user").build();
        userCert = dir.resolve("user.der");
        userKey = dir.resolve("user.key");
        Files.write(userCert, certificate.getEncoded());
        Files.write(userKey, keys.getPrivate().getEncoded());
        Files.setPosixFilePermissions(userKey, PosixFilePermissions.fromString("rw-------"));
        sim = OpcUaSimulator.start(0, dir.resolve("server-pki"), SimulatorOptions.defaults()
                .withUser("carbonedge", "s3cret pass")
                .withUserCertificate(certificate)
                .withTick(Duration.ofMillis(100)));
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    static Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of("none", "none"),
                Arguments.of("basic256sha256", "sign"),
                Arguments.of("basic256sha256", "sign-and-encrypt"),
                Arguments.of("aes128-sha256-rsaoaep", "sign"),
                Arguments.of("aes128-sha256-rsaoaep", "sign-and-encrypt"),
                Arguments.of("aes256-sha256-rsapss", "sign"),
                Arguments.of("aes256-sha256-rsapss", "sign-and-encrypt"));
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("endpoints")
    void readsOverEverySecurityPolicyAndMode(String policy, String mode) throws Exception {
        Path pki = trustingPki("pki-" + policy + "-" + mode);
        try (OpcUaDriver driver = device(pki).connection("security-policy", policy).connection("security-mode", mode)
                .connection("mode", "read").point("gas", "node", "ns=2;s=Boiler1.GasFlow").create(pki)) {
            List<Sample> samples = Samples.collectUntil(driver, WITHIN, s -> Samples.hasGood(s, "gas"));
            assertThat(Samples.values(samples, "gas").get(samples.size() - 1)).isBetween(50.0, 1000.0);
        }
    }

    @Test
    void usernameIdentityReadsThePasswordFromItsFile() throws Exception {
        Path pki = trustingPki("pki-user");
        Path secret = secretFile("boiler.pass", "s3cret pass\n");
        try (OpcUaDriver driver = device(pki).connection("security-policy", "basic256sha256")
                .connection("identity", java.util.Map.of("type", "username", "user", "carbonedge", "password-file", secret.toString()))
                .connection("mode", "read").point("steam", "node", "ns=2;s=Boiler1.SteamFlow").create(pki)) {
            assertThat(Samples.hasGood(Samples.collectUntil(driver, WITHIN, s -> Samples.hasGood(s, "steam")), "steam")).isTrue();
        }
    }

    @Test
    void aWrongPasswordIsAPlainReason() throws Exception {
        Path pki = trustingPki("pki-wrong");
        Path secret = secretFile("wrong.pass", "guess\n");
        try (OpcUaDriver driver = device(pki).connection("security-policy", "basic256sha256")
                .connection("identity", java.util.Map.of("type", "username", "user", "carbonedge", "password-file", secret.toString()))
                .connection("mode", "read").point("steam", "node", "ns=2;s=Boiler1.SteamFlow").create(pki)) {
            assertThatThrownBy(() -> driver.read(Instant.now()))
                    .isInstanceOf(DeviceUnavailableException.class)
                    .hasMessageContaining("refused the gateway's identity");
        }
    }

    @Test
    void x509Identity() throws Exception {
        Path pki = trustingPki("pki-x509");
        try (OpcUaDriver driver = device(pki).connection("security-policy", "aes128-sha256-rsaoaep")
                .connection("identity", java.util.Map.of("type", "x509", "certificate", userCert.toString(),
                        "private-key", userKey.toString()))
                .connection("mode", "read").point("coal", "node", "ns=2;s=Kiln1.CoalFeed").create(pki)) {
            assertThat(Samples.hasGood(Samples.collectUntil(driver, WITHIN, s -> Samples.hasGood(s, "coal")), "coal")).isTrue();
        }
    }

    @Test
    void anUnknownServerCertificateIsRejectedUntilTrusted() throws Exception {
        Path pki = dir.resolve("pki-reject");
        PkiDirectory directory = new PkiDirectory(pki);
        try (OpcUaDriver driver = device(pki).connection("security-policy", "basic256sha256")
                .connection("mode", "read").point("gas", "node", "ns=2;s=Boiler1.GasFlow").create(pki)) {
            assertThatThrownBy(() -> driver.read(Instant.now()))
                    .isInstanceOf(DeviceUnavailableException.class)
                    .hasMessageContaining("is not trusted; trust it with: carbonedge pki trust");
            List<CertificateEntry> listed = directory.list();
            assertThat(listed).singleElement().satisfies(e -> {
                assertThat(e.status()).isEqualTo(CertificateEntry.Status.REJECTED);
                assertThat(e.thumbprint()).isEqualTo(PkiDirectory.thumbprint(sim.certificate()));
            });
            directory.trust(listed.get(0).name());
            assertThat(directory.list()).singleElement().extracting(CertificateEntry::status).isEqualTo(CertificateEntry.Status.TRUSTED);
            // the retry backoff starts at 1 s and doubles: within 15 s the next attempt sees the trusted certificate
            assertThat(Samples.hasGood(Samples.collectUntil(driver, Duration.ofSeconds(20), s -> Samples.hasGood(s, "gas")), "gas")).isTrue();
        }
    }

    @Test
    void trustUnknownServersTrustsOnFirstUse() throws Exception {
        Path pki = dir.resolve("pki-tofu");
        try (OpcUaDriver driver = device(pki).connection("security-policy", "basic256sha256").connection("trust-unknown-servers", true)
                .connection("mode", "read").point("gas", "node", "ns=2;s=Boiler1.GasFlow").create(pki)) {
            assertThat(Samples.hasGood(Samples.collectUntil(driver, WITHIN, s -> Samples.hasGood(s, "gas")), "gas")).isTrue();
            assertThat(new PkiDirectory(pki).list()).singleElement().extracting(CertificateEntry::status)
                    .isEqualTo(CertificateEntry.Status.TRUSTED);
        }
    }

    @Test
    void subscribeModeDeliversChangesByBrowsePathAndCountersGrow() throws Exception {
        Path pki = dir.resolve("pki-subscribe");
        try (OpcUaDriver driver = device(pki).connection("publishing-interval", "200ms").connection("sampling-interval", "100ms")
                .point("gas_m3", "browse-path", "Objects/Boiler1/GasCounter")
                .point("whr_kwh", "browse-path", "Kiln1/WhrGeneratorEnergy")
                .point("missing", "browse-path", "Objects/Boiler1/NoSuchThing")
                .create(pki)) {
            List<Sample> samples = Samples.collectUntil(driver, WITHIN,
                    s -> Samples.values(s, "gas_m3").size() >= 3 && Samples.values(s, "whr_kwh").size() >= 3);
            List<Double> gas = Samples.values(samples, "gas_m3");
            assertThat(gas.get(gas.size() - 1)).isGreaterThan(gas.get(0));
            assertThat(samples).filteredOn(s -> s.pointId().equals("missing")).singleElement()
                    .satisfies(s -> assertThat(s.reason()).contains("no 'NoSuchThing'"));
        }
    }

    @Test
    void absoluteAndPercentDeadbandsSuppressSmallChanges() throws Exception {
        sim.set("Test.Number", 0.0);
        Path pki = dir.resolve("pki-deadband");
        try (OpcUaDriver driver = device(pki).connection("publishing-interval", "100ms").connection("sampling-interval", "50ms")
                .point("abs", "node", "ns=2;s=Test.Number", "deadband", java.util.Map.of("type", "absolute", "value", 5))
                .point("pct", "node", "ns=2;s=Test.Number", "deadband", java.util.Map.of("type", "percent", "value", 5))
                .point("all", "node", "ns=2;s=Test.Number")
                .create(pki)) {
            List<Sample> first = Samples.collectUntil(driver, WITHIN, s -> Samples.values(s, "abs").contains(0.0)
                    && Samples.values(s, "pct").contains(0.0));
            assertThat(first).allMatch(Sample::isGood);
            List<Sample> later = new java.util.ArrayList<>();
            for (double value : new double[] {2.0, 4.0, 10.0}) {
                sim.set("Test.Number", value);
                Samples.collectInto(later, driver, WITHIN, s -> Samples.values(s, "all").contains(value));
            }
            Samples.collectInto(later, driver, WITHIN, s -> Samples.values(s, "abs").contains(10.0)
                    && Samples.values(s, "pct").contains(10.0));
            assertThat(Samples.values(later, "all")).contains(2.0, 4.0, 10.0);
            assertThat(Samples.values(later, "abs")).containsExactly(10.0);
            assertThat(Samples.values(later, "pct")).containsExactly(10.0); // 5% of EURange 0..100 = 5
        }
    }

    @Test
    void booleansStringsAndStatusCodesMapToValuesAndQuality() throws Exception {
        sim.set("Test.Flag", true);
        sim.set("Test.Text", "running");
        sim.setWithStatus("Test.Integer", 7, StatusCodes.Uncertain_SensorNotAccurate);
        Path pki = dir.resolve("pki-values");
        try (OpcUaDriver driver = device(pki).connection("mode", "read")
                .point("flag", "node", "ns=2;s=Test.Flag")
                .point("text", "node", "ns=2;s=Test.Text")
                .point("int", "node", "ns=2;s=Test.Integer")
                .point("nope", "node", "ns=2;s=Test.Absent")
                .create(pki)) {
            List<Sample> samples = Samples.collectUntil(driver, WITHIN, s -> !s.isEmpty());
            assertThat(samples.get(0).value()).isEqualTo(1.0);
            assertThat(samples.get(1).quality()).isEqualTo(Quality.BAD);
            assertThat(samples.get(1).reason()).isEqualTo("string value 'running' is not a number");
            assertThat(samples.get(2).quality()).isEqualTo(Quality.UNCERTAIN);
            assertThat(samples.get(2).value()).isEqualTo(7.0);
            assertThat(samples.get(2).reason()).isEqualTo("Uncertain_SensorNotAccurate");
            assertThat(samples.get(3).quality()).isEqualTo(Quality.BAD);
            assertThat(samples.get(3).reason()).isEqualTo("Bad_NodeIdUnknown");
        }
    }

    private static DeviceFixture device(Path pki) {
        return new DeviceFixture().connection("endpoint", sim.endpointUrl()).connection("pki-dir", pki.toString());
    }

    private static Path trustingPki(String name) throws Exception {
        Path pki = dir.resolve(name);
        new PkiDirectory(pki).addTrusted(sim.certificate());
        return pki;
    }

    private static Path secretFile(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}
