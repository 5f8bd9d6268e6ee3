package io.carbonedge.agent.config;

import org.eclipse.californium.elements.util.SslContextUtil;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Reads the files an uplink's DTLS credentials live in, refusing secrets that others can read.
 * Every failure is a {@link SecretFileException} whose message names the file as the technician
 * wrote it and says what to do, e.g. {@code secrets/park.psk must be readable by its owner only
 * (chmod 600), it is 0644}.
 *
 * <p>PSK file format (text, UTF-8, one {@code name=value} a line, {@code #} comments):
 * <pre>
 * identity=plant-07-gw1
 * key=5f2b0c9e4d1a7e3f8c6b2a9d0e4f1c7b   # hex, at least 16 bytes (openssl rand -hex 16)
 * </pre>
 * Certificates and keys are PEM: certificates as {@code BEGIN CERTIFICATE}, the private key as
 * PKCS#8 ({@code BEGIN PRIVATE KEY}) or SEC1 ({@code BEGIN EC PRIVATE KEY}), unencrypted.
 */
public final class SecretFiles {

    /** The shortest PSK accepted: 128 bits, as RFC 7925 asks for. */
    public static final int MIN_KEY_BYTES = 16;

    private static final Set<PosixFilePermission> OTHERS = Set.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private SecretFiles() {
    }

    /** A secret file that cannot be used, with a message for the technician. */
    public static final class SecretFileException extends Exception {
        public SecretFileException(String message) {
            super(message);
        }
    }

    /**
     * Refuses a file that anyone but its owner may read or write (mode 0600 or stricter is
     * fine). On a file system without POSIX permissions there is nothing to check.
     *
     * @param shown the file as the configuration names it
     */
    public static void checkOwnerOnly(Path file, String shown) throws SecretFileException {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException e) {
            return;
        } catch (NoSuchFileException e) {
            throw new SecretFileException(shown + " does not exist (a relative path is taken from the "
                    + "configuration directory: " + file.toAbsolutePath().normalize() + ")");
        } catch (IOException e) {
            throw new SecretFileException("cannot read " + shown + ": " + e.getMessage());
        }
        if (permissions.stream().anyMatch(OTHERS::contains)) {
            throw new SecretFileException(shown + " must be readable by its owner only (chmod 600), it is "
                    + octal(permissions));
        }
    }

    /** Reads a PSK file (see the class comment); checks its mode first. */
    public static UplinkSecurity.Psk readPsk(Path file, String shown) throws SecretFileException {
        checkOwnerOnly(file, shown);
        List<String> lines = readLines(file, shown);
        String identity = null;
        byte[] key = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = stripComment(lines.get(i));
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            String where = shown + ":" + (i + 1) + ": ";
            if (eq < 0) {
                throw new SecretFileException(where + "expected identity=... or key=..., got a line without '='");
            }
            String name = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            switch (name) {
                case "identity" -> {
                    if (value.isEmpty() || value.getBytes(StandardCharsets.UTF_8).length > 128) {
                        throw new SecretFileException(where + "identity: expected 1 to 128 bytes of text");
                    }
                    identity = value;
                }
                case "key" -> key = hexKey(value, where);
                default -> throw new SecretFileException(where + "unknown name '" + name
                        + "': expected identity or key");
            }
        }
        if (identity == null || key == null) {
            throw new SecretFileException(shown + ": missing " + (identity == null ? "identity=..." : "key=...")
                    + "; expected two lines, identity=<text> and key=<hex digits>");
        }
        return new UplinkSecurity.Psk(file, identity, key);
    }

    /** Every certificate in a PEM file, in file order; at least one. */
    public static List<X509Certificate> readCertificates(Path file, String shown) throws SecretFileException {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in)
                    .stream().map(X509Certificate.class::cast).toList();
            if (certificates.isEmpty()) {
                throw new SecretFileException(shown + ": no certificate found; expected PEM "
                        + "(-----BEGIN CERTIFICATE-----)");
            }
            return certificates;
        } catch (NoSuchFileException e) {
            throw new SecretFileException(shown + " does not exist (a relative path is taken from the "
                    + "configuration directory: " + file.toAbsolutePath().normalize() + ")");
        } catch (IOException e) {
            throw new SecretFileException("cannot read " + shown + ": " + e.getMessage());
        } catch (CertificateException e) {
            throw new SecretFileException(shown + ": not a PEM certificate (-----BEGIN CERTIFICATE-----): "
                    + e.getMessage());
        }
    }

    /** The private key in a PEM file (PKCS#8 or SEC1, unencrypted); checks its mode first. */
    public static PrivateKey readPrivateKey(Path file, String shown) throws SecretFileException {
        checkOwnerOnly(file, shown);
        try (InputStream in = Files.newInputStream(file)) {
            PrivateKey key = SslContextUtil.loadPemCredentials(in).getPrivateKey();
            if (key == null) {
                throw new SecretFileException(shown + ": no private key found; expected an unencrypted PEM key "
                        + "(-----BEGIN PRIVATE KEY----- or -----BEGIN EC PRIVATE KEY-----)");
            }
            return key;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new SecretFileException(shown + ": cannot read the private key: " + e.getMessage());
        }
    }

    private static List<String> readLines(Path file, String shown) throws SecretFileException {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SecretFileException("cannot read " + shown + ": " + e.getMessage());
        }
    }

    private static byte[] hexKey(String value, String where) throws SecretFileException {
        String hex = value.startsWith("0x") || value.startsWith("0X") ? value.substring(2) : value;
        byte[] key;
        try {
            key = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new SecretFileException(where + "key: expected an even number of hex digits "
                    + "(0-9, a-f), e.g. the output of `openssl rand -hex 16`");
        }
        if (key.length < MIN_KEY_BYTES) {
            throw new SecretFileException(where + "key: expected at least " + MIN_KEY_BYTES + " bytes ("
                    + 2 * MIN_KEY_BYTES + " hex digits), got " + key.length);
        }
        return key;
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return (hash >= 0 ? line.substring(0, hash) : line).strip();
    }

    /** 0644 for rw-r--r--. */
    static String octal(Set<PosixFilePermission> permissions) {
        String rwx = PosixFilePermissions.toString(permissions);
        int mode = 0;
        for (int i = 0; i < 9; i++) {
            if (rwx.charAt(i) != '-') {
                mode |= 1 << (8 - i);
            }
        }
        return String.format("%04o", mode);
    }
}
