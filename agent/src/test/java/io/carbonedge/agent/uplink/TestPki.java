package io.carbonedge.agent.uplink;

import io.carbonedge.agent.config.SecretFiles;
import io.carbonedge.agent.config.UplinkSecurity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Throw-away certificates for the DTLS tests, made with the JDK's own {@code keytool} in a temp
 * directory (nothing is committed): a test CA, a platform certificate it signed for 127.0.0.1 and
 * localhost, a self-signed gateway certificate, and a "rogue" platform certificate no one trusts.
 * Each key is also written as a PEM file with mode 0600, certificates as PEM.
 */
public final class TestPki {

    private static final String PASSWORD = "test-only";

    public final Path caPem;
    public final Path serverCert;
    public final Path serverKey;
    public final Path clientCert;
    public final Path clientKey;
    public final Path rogueCert;
    public final Path rogueKey;

    private final Path dir;

    private TestPki(Path dir) throws Exception {
        this.dir = dir;
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=CarbonEdge Test CA",
                "-ext", "bc:c", "-validity", "2", "-keystore", p12("ca"));
        caPem = pem("ca.pem", certificates("ca"));
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-validity", "2", "-keystore", p12("server"));
        keytool("-certreq", "-alias", "server", "-keystore", p12("server"), "-file", dir.resolve("server.csr").toString());
        keytool("-gencert", "-alias", "ca", "-keystore", p12("ca"), "-infile", dir.resolve("server.csr").toString(),
                "-outfile", dir.resolve("server.pem").toString(), "-rfc", "-validity", "2",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost");
        serverCert = dir.resolve("server.pem");
        serverKey = keyPem("server");
        keytool("-genkeypair", "-alias", "client", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=plant-07-gw1",
                "-validity", "2", "-keystore", p12("client"));
        clientCert = pem("client.pem", certificates("client"));
        clientKey = keyPem("client");
        keytool("-genkeypair", "-alias", "rogue", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-keystore", p12("rogue"));
        rogueCert = pem("rogue.pem", certificates("rogue"));
        rogueKey = keyPem("rogue");
    }

    /** Makes everything in {@code dir}. Takes a few seconds (several keytool runs). */
    public static TestPki create(Path dir) throws Exception {
        return new TestPki(dir);
    }

    /** The gateway's credentials: its own certificate, trusting the test CA. */
    public UplinkSecurity.X509 gateway() throws Exception {
        return new UplinkSecurity.X509(clientCert, read(clientCert), SecretFiles.readPrivateKey(clientKey, "client key"),
                read(caPem));
    }

    /** The platform's credentials (signed by the test CA), requiring the gateway's certificate. */
    public UplinkSecurity.X509 platform() throws Exception {
        return new UplinkSecurity.X509(serverCert, read(serverCert), SecretFiles.readPrivateKey(serverKey, "server key"),
                read(clientCert));
    }

    /** A platform certificate nobody trusts (self-signed), requiring the gateway's certificate. */
    public UplinkSecurity.X509 roguePlatform() throws Exception {
        return new UplinkSecurity.X509(rogueCert, read(rogueCert), SecretFiles.readPrivateKey(rogueKey, "rogue key"),
                read(clientCert));
    }

    private static List<X509Certificate> read(Path pem) throws Exception {
        return SecretFiles.readCertificates(pem, pem.getFileName().toString());
    }

    private String p12(String name) {
        return dir.resolve(name + ".p12").toString();
    }

    private List<X509Certificate> certificates(String name) throws Exception {
        KeyStore store = load(name);
        List<X509Certificate> out = new ArrayList<>();
        for (var c : store.getCertificateChain(name)) {
            out.add((X509Certificate) c);
        }
        return out;
    }

    private Path pem(String file, List<X509Certificate> certificates) throws Exception {
        StringBuilder text = new StringBuilder();
        for (X509Certificate c : certificates) {
            text.append(block("CERTIFICATE", c.getEncoded()));
        }
        return Files.writeString(dir.resolve(file), text);
    }

    private Path keyPem(String name) throws Exception {
        Key key = load(name).getKey(name, PASSWORD.toCharArray());
        Path file = dir.resolve(name + ".key");
        Files.writeString(file, block("PRIVATE KEY", key.getEncoded()));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private KeyStore load(String name) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(p12(name)))) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    private static String block(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("-storepass", PASSWORD, "-keypass", PASSWORD, "-storetype", "PKCS12", "-noprompt"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool " + String.join(" ", args) + " failed: " + output);
        }
    }
}
