package io.carbonedge.agent.cli;

import io.carbonedge.agent.config.SecretFiles;
import io.carbonedge.agent.config.UplinkSecurity;
import io.carbonedge.agent.receiver.PlatformReceiver;
import io.carbonedge.agent.receiver.ReceiverDtls;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code carbonedge receive}: the reference park-platform receiver, until Ctrl-C. */
@Command(name = "receive", mixinStandardHelpOptions = true,
        description = "Run the reference platform receiver: accepts SenML batches over CoAP (or CoAP over DTLS "
                + "with --psk-file and/or --cert/--key), drops duplicates by (gateway, stream, seq), stores them in "
                + "DIR/receiver.db and prints a summary when stopped.")
final class ReceiveCommand implements Callable<Integer> {

    @Option(names = "--listen", paramLabel = "HOST:PORT",
            description = "Address to listen on (default: 0.0.0.0:5683, or 0.0.0.0:5684 with DTLS).")
    String listen;

    @Option(names = "--psk-file", paramLabel = "FILE",
            description = "DTLS with a pre-shared key: the file with identity=... and key=<hex> (mode 0600).")
    Path pskFile;

    @Option(names = "--cert", paramLabel = "FILE",
            description = "DTLS with X.509: this receiver's certificate chain (PEM).")
    Path certificate;

    @Option(names = "--key", paramLabel = "FILE",
            description = "The private key of --cert (PEM, unencrypted, mode 0600).")
    Path key;

    @Option(names = "--ca", paramLabel = "FILE",
            description = "With --cert: gateways must present a certificate signed by one of these CAs (PEM).")
    Path ca;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "receiver-data",
            description = "Where the receiver keeps its database (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--path", defaultValue = PlatformReceiver.DEFAULT_PATH,
            description = "Resource path batches are posted to (default: ${DEFAULT-VALUE}).")
    String path;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ReceiverDtls dtls = dtls();
        if (listen == null) {
            listen = dtls == null ? "0.0.0.0:5683" : "0.0.0.0:5684";
        }
        int colon = listen.lastIndexOf(':');
        int port;
        try {
            port = Integer.parseInt(listen.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (colon <= 0 || port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--listen: expected HOST:PORT such as 0.0.0.0:5683, got '" + listen + "'");
        }
        PrintWriter out = spec.commandLine().getOut();
        PlatformReceiver receiver = PlatformReceiver.start(listen.substring(0, colon), port, data, path, dtls);
        out.println("receiving on " + receiver.uri() + ", data in " + data.toAbsolutePath());
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.print(receiver.summary());
            out.flush();
            receiver.close();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
        return Main.OK;
    }

    /** The DTLS credentials from the options, or null for plain CoAP. */
    private ReceiverDtls dtls() {
        if ((certificate == null) != (key == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--cert and --key go together");
        }
        if (ca != null && certificate == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--ca needs --cert and --key");
        }
        try {
            UplinkSecurity.Psk psk = pskFile == null ? null : SecretFiles.readPsk(pskFile, pskFile.toString());
            UplinkSecurity.X509 x509 = certificate == null ? null : new UplinkSecurity.X509(certificate,
                    SecretFiles.readCertificates(certificate, certificate.toString()),
                    SecretFiles.readPrivateKey(key, key.toString()),
                    ca == null ? List.of() : SecretFiles.readCertificates(ca, ca.toString()));
            return psk == null && x509 == null ? null : new ReceiverDtls(psk, x509);
        } catch (SecretFiles.SecretFileException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
