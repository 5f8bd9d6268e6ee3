package io.carbonedge.agent.cli;

import io.carbonedge.driver.opcua.pki.PkiDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PkiCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
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
        assertThat(out.toString()).contains("rejected", "boiler-plc", "Boiler PLC", "thumbprint");

        assertThat(run("pki", "trust", "boiler-plc", "--data", dir.resolve("data").toString())).isZero();
        assertThat(dir.resolve("data/pki/trusted/boiler-plc.der")).exists();
        assertThat(rejected.resolve("boiler-plc.der")).doesNotExist();

        assertThat(run("pki", "trust", "nothing-here", "--data", dir.resolve("data").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no rejected certificate named 'nothing-here'");
    }
}
