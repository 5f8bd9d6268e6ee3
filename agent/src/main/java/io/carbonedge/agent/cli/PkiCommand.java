package io.carbonedge.agent.cli;

import io.carbonedge.driver.opcua.OpcUaDriverFactory;
import io.carbonedge.driver.opcua.pki.CertificateEntry;
import io.carbonedge.driver.opcua.pki.PkiDirectory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code carbonedge pki}: the OPC UA server certificates the gateway has met, under
 * {@code <data-dir>/pki}. A server the gateway does not trust is refused and its certificate
 * lands in {@code rejected/}; a technician checks its thumbprint and trusts it.
 */
@Command(name = "pki", mixinStandardHelpOptions = true,
        description = "List OPC UA server certificates (trusted and rejected) or trust a rejected one.",
        subcommands = {PkiCommand.ListCertificates.class, PkiCommand.Trust.class})
final class PkiCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: list or trust NAME");
    }

    private static Optional<PkiDirectory> open(DataDirOption location, PrintWriter err) {
        return location.dataDir(err).map(dir -> new PkiDirectory(OpcUaDriverFactory.pkiDir(dir)));
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List trusted and rejected server certificates.")
    static final class ListCertificates implements java.util.concurrent.Callable<Integer> {
        @Mixin
        DataDirOption location;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Optional<PkiDirectory> pki = open(location, spec.commandLine().getErr());
            if (pki.isEmpty()) {
                return Main.INVALID;
            }
            PrintWriter out = spec.commandLine().getOut();
            List<CertificateEntry> entries = pki.get().list();
            if (entries.isEmpty()) {
                out.println("no server certificates in " + pki.get().dir());
            }
            for (CertificateEntry e : entries) {
                out.printf("%-9s %-40s %s%n          thumbprint %s, expires %s%n", e.status().name().toLowerCase(Locale.ROOT),
                        e.name(), e.subject(), e.thumbprint(), e.notAfter());
            }
            out.flush();
            return Main.OK;
        }
    }

    @Command(name = "trust", mixinStandardHelpOptions = true,
            description = "Trust a rejected server certificate (compare its thumbprint with the server's first).")
    static final class Trust implements java.util.concurrent.Callable<Integer> {
        @Mixin
        DataDirOption location;

        @Parameters(paramLabel = "NAME", description = "The certificate's name as `pki list` shows it.")
        String name;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Optional<PkiDirectory> pki = open(location, spec.commandLine().getErr());
            if (pki.isEmpty()) {
                return Main.INVALID;
            }
            CertificateEntry trusted;
            try {
                trusted = pki.get().trust(name);
            } catch (IllegalArgumentException | java.nio.file.NoSuchFileException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            spec.commandLine().getOut().printf("trusted %s (%s); the agent uses it at its next connection attempt%n",
                    trusted.name(), trusted.subject());
            spec.commandLine().getOut().flush();
            return Main.OK;
        }
    }
}
