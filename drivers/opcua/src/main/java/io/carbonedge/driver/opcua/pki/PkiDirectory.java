package io.carbonedge.driver.opcua.pki;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;

/**
 * The gateway's OPC UA certificates on disk:
 *
 * <pre>
 * pki/own/certificate.der    the gateway's application instance certificate (created on first use)
 * pki/own/private-key.der    its RSA key, PKCS#8, mode 0600
 * pki/trusted/NAME.der       server certificates the gateway accepts
 * pki/issuers/NAME.der       CA certificates that may sign trusted ones
 * pki/rejected/NAME.der      server certificates a server presented and the gateway refused
 * </pre>
 *
 * A NAME is the certificate's common name made file-safe plus the start of its SHA-1 thumbprint,
 * e.g. {@code Boiler-PLC-3fa2c1d0}. {@link #list()} and {@link #trust(String)} are what the
 * {@code carbonedge pki list} and {@code carbonedge pki trust NAME} commands call; the running
 * agent sees a newly trusted certificate at its next connection attempt.
 */
public final class PkiDirectory {

    private static final String DER = ".der";
    private final Path dir;

    /** A PKI directory at {@code dir}; nothing is created until something is written. */
    public PkiDirectory(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public Path dir() {
        return dir;
    }

    public Path trustedDir() {
        return dir.resolve("trusted");
    }

    public Path rejectedDir() {
        return dir.resolve("rejected");
    }

    public Path issuersDir() {
        return dir.resolve("issuers");
    }

    /**
     * The application instance certificate, created (2048-bit RSA, SHA-256, valid 10 years) on
     * first use with the given URI; later calls return the stored one, whatever URI they ask for.
     */
    public synchronized ApplicationCertificate applicationCertificate(String applicationUri, String commonName)
            throws IOException {
        Path own = dir.resolve("own");
        Path certFile = own.resolve("certificate.der");
        Path keyFile = own.resolve("private-key.der");
        if (Files.isRegularFile(certFile) && Files.isRegularFile(keyFile)) {
            X509Certificate certificate = readCertificate(certFile);
            PrivateKey key = readPrivateKey(keyFile);
            String uri = CertificateUtil.getSanUri(certificate).orElse(applicationUri);
            return new ApplicationCertificate(certificate, new KeyPair(certificate.getPublicKey(), key), uri);
        }
        ApplicationCertificate created = create(applicationUri, commonName);
        Files.createDirectories(own);
        writePrivate(keyFile, created.keyPair().getPrivate().getEncoded());
        Files.write(certFile, encoded(created.certificate()));
        return created;
    }

    /** Every trusted and rejected certificate, trusted first, each group by name. */
    public List<CertificateEntry> list() throws IOException {
        List<CertificateEntry> entries = new ArrayList<>();
        for (Path file : derFiles(trustedDir())) {
            entries.add(entry(file, CertificateEntry.Status.TRUSTED));
        }
        for (Path file : derFiles(rejectedDir())) {
            entries.add(entry(file, CertificateEntry.Status.REJECTED));
        }
        return entries;
    }

    /**
     * Moves a rejected certificate to {@code trusted/}.
     *
     * @param name as {@link #list()} shows it (with or without {@code .der})
     * @return the certificate, now trusted
     * @throws NoSuchFileException when no rejected certificate has that name (the message says so plainly)
     */
    public synchronized CertificateEntry trust(String name) throws IOException {
        String base = name.endsWith(DER) ? name.substring(0, name.length() - DER.length()) : name;
        if (base.isEmpty() || base.contains("/") || base.contains("\\") || base.startsWith(".")) {
            throw new NoSuchFileException("not a certificate name: '" + name + "'");
        }
        Path source = rejectedDir().resolve(base + DER);
        if (!Files.isRegularFile(source)) {
            throw new NoSuchFileException("no rejected certificate named '" + base + "' in " + rejectedDir());
        }
        Files.createDirectories(trustedDir());
        Path target = trustedDir().resolve(base + DER);
        Files.move(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return entry(target, CertificateEntry.Status.TRUSTED);
    }

    /** Adds a certificate to {@code trusted/} directly (trust on first use, tests). */
    public synchronized void addTrusted(X509Certificate certificate) throws IOException {
        Files.createDirectories(trustedDir());
        Files.write(trustedDir().resolve(nameOf(certificate) + DER), encoded(certificate));
        Files.deleteIfExists(rejectedDir().resolve(nameOf(certificate) + DER));
    }

    /** Records a certificate a server presented and the gateway refused; returns its name. */
    public synchronized String addRejected(X509Certificate certificate) throws IOException {
        String name = nameOf(certificate);
        Files.createDirectories(rejectedDir());
        Path file = rejectedDir().resolve(name + DER);
        if (!Files.exists(file)) {
            try {
                Files.write(file, encoded(certificate));
            } catch (FileAlreadyExistsException e) {
                // another connection wrote it first
            }
        }
        return name;
    }

    public List<X509Certificate> trustedCertificates() throws IOException {
        return certificates(trustedDir());
    }

    public List<X509Certificate> issuerCertificates() throws IOException {
        return certificates(issuersDir());
    }

    public List<X509Certificate> rejectedCertificates() throws IOException {
        return certificates(rejectedDir());
    }

    /** The file name (without {@code .der}) a certificate gets in this directory. */
    public static String nameOf(X509Certificate certificate) {
        String subject = certificate.getSubjectX500Principal().getName();
        String cn = Stream.of(subject.split(","))
                .map(String::strip)
                .filter(part -> part.regionMatches(true, 0, "CN=", 0, 3))
                .map(part -> part.substring(3))
                .findFirst()
                .orElse("certificate");
        String safe = cn.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+|-+$", "");
        if (safe.isEmpty()) {
            safe = "certificate";
        }
        return safe + "-" + thumbprint(certificate).substring(0, 8);
    }

    /** SHA-1 of the encoded certificate, lower-case hex. */
    public static String thumbprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(encoded(certificate)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is always available", e);
        }
    }

    private static ApplicationCertificate create(String applicationUri, String commonName) throws IOException {
        try {
            KeyPair keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
            SelfSignedCertificateBuilder builder = new SelfSignedCertificateBuilder(keyPair)
                    .setCommonName(commonName)
                    .setOrganization("CarbonEdge")
                    .setApplicationUri(applicationUri)
                    .setValidityPeriod(Period.ofYears(10))
                    .addDnsName("localhost")
                    .addIpAddress("127.0.0.1");
            String host = hostName();
            if (!host.equals("localhost")) {
                builder.addDnsName(host);
            }
            return new ApplicationCertificate(builder.build(), keyPair, applicationUri);
        } catch (Exception e) {
            throw new IOException("cannot create the application instance certificate: " + e.getMessage(), e);
        }
    }

    /** This machine's host name, or {@code localhost} when it has none. */
    public static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private static CertificateEntry entry(Path file, CertificateEntry.Status status) throws IOException {
        X509Certificate certificate = readCertificate(file);
        String fileName = file.getFileName().toString();
        return new CertificateEntry(fileName.substring(0, fileName.length() - DER.length()), status,
                certificate.getSubjectX500Principal().getName(), thumbprint(certificate),
                certificate.getNotAfter().toInstant());
    }

    private static List<Path> derFiles(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(DER))
                    .filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(Path::getFileName))
                    .toList();
        }
    }

    private static List<X509Certificate> certificates(Path directory) throws IOException {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Path file : derFiles(directory)) {
            try {
                certificates.add(readCertificate(file));
            } catch (IOException e) {
                // an unreadable file is not a trusted certificate; list() reports it
            }
        }
        return certificates;
    }

    /** Reads a certificate, DER or PEM. */
    public static X509Certificate readCertificate(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (CertificateException | ClassCastException e) {
            throw new IOException("not an X.509 certificate: " + file, e);
        }
    }

    /** Reads an RSA private key, PKCS#8, DER or PEM ({@code -----BEGIN PRIVATE KEY-----}). */
    public static PrivateKey readPrivateKey(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, java.nio.charset.StandardCharsets.US_ASCII);
        if (text.contains("-----BEGIN PRIVATE KEY-----")) {
            String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            bytes = java.util.Base64.getDecoder().decode(base64);
        } else if (text.contains("-----BEGIN")) {
            throw new IOException("unsupported key format in " + file + ": expected PKCS#8 (BEGIN PRIVATE KEY)");
        }
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(bytes));
        } catch (Exception e) {
            throw new IOException("not a PKCS#8 RSA private key: " + file, e);
        }
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        }
    }

    private static void writePrivate(Path file, byte[] content) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.write(file, content);
    }
}
