package io.carbonedge.agent.cli;

import io.carbonedge.driver.opcua.pki.PkiDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PkiCommandTest {

    @TempDir
    Path dir;

    private final CommandRun cli = new CommandRun();

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void aRejectedServerCertificateIsListedThenTrusted() throws Exception {
        // a server's certificate, as the driver would have put it aside after refusing the server
        byte[] der = new PkiDirectory(dir.resolve("server-pki")).applicationCertificate("urn:test:plc", "Boiler PLC")
                .certificate().getEncoded();
        Path rejected = dir.resolve("data/pki/rejected");
        Files.createDirectories(rejected);
        Files.write(rejected.resolve("boiler-plc.der"), der);

        assertThat(run("pki", "list", "--data", dir.resolve("data").toString())).isZero();
        assertThat(cli.out()).contains("rejected", "boiler-plc", "Boiler PLC", "thumbprint");

        assertThat(run("pki", "trust", "boiler-plc", "--data", dir.resolve("data").toString())).isZero();
        assertThat(dir.resolve("data/pki/trusted/boiler-plc.der")).exists();
        assertThat(rejected.resolve("boiler-plc.der")).doesNotExist();

        assertThat(run("pki", "trust", "nothing-here", "--data", dir.resolve("data").toString())).isEqualTo(2);
        assertThat(cli.err()).contains("no rejected certificate named 'nothing-here'");
    }
}
