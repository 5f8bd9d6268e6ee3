package io.carbonedge.driver.opcua.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PkiDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void theApplicationCertificateIsCreatedOnceWithAPrivateKeyOnlyItsOwnerReads() throws Exception {
        PkiDirectory pki = new PkiDirectory(dir.resolve("pki"));
        ApplicationCertificate first = pki.applicationCertificate("urn:carbonedge:gateway:test", "CarbonEdge gateway");
        ApplicationCertificate again = pki.applicationCertificate("urn:other", "other");
        assertThat(again.certificate()).isEqualTo(first.certificate());
        assertThat(again.applicationUri()).isEqualTo("urn:carbonedge:gateway:test");
        assertThat(again.keyPair().getPrivate()).isEqualTo(first.keyPair().getPrivate());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("pki/own/private-key.der"))))
                .isEqualTo("rw-------");
    }

    @Test
    void aRejectedCertificateIsListedAndTrustMovesIt() throws Exception {
        PkiDirectory pki = new PkiDirectory(dir);
        X509Certificate server = certificate("Boiler PLC / Line 2");
        String name = pki.addRejected(server);
        assertThat(name).matches("Boiler-PLC-Line-2-[0-9a-f]{8}");
        assertThat(pki.list()).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo(name);
            assertThat(e.status()).isEqualTo(CertificateEntry.Status.REJECTED);
            assertThat(e.subject()).contains("CN=Boiler PLC / Line 2");
        });

        CertificateEntry trusted = pki.trust(name + ".der");
        assertThat(trusted.status()).isEqualTo(CertificateEntry.Status.TRUSTED);
        assertThat(pki.trustedCertificates()).containsExactly(server);
        assertThat(pki.rejectedCertificates()).isEmpty();
    }

    @Test
    void trustingAnUnknownNameSaysSoPlainly() {
        PkiDirectory pki = new PkiDirectory(dir);
        assertThatThrownBy(() -> pki.trust("nothing-here")).isInstanceOf(NoSuchFileException.class)
                .hasMessageStartingWith("no rejected certificate named 'nothing-here'");
        assertThatThrownBy(() -> pki.trust("../own/certificate")).isInstanceOf(NoSuchFileException.class)
                .hasMessageStartingWith("not a certificate name");
    }

    private static X509Certificate certificate(String commonName) throws Exception {
        KeyPair keys = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
        return new SelfSignedCertificateBuilder(keys).setCommonName(commonName).setApplicationUri("urn:test").build();
    }
}
