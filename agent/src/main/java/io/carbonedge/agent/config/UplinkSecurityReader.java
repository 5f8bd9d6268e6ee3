package io.carbonedge.agent.config;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Reads an uplink's DTLS settings ({@code psk-file}, or {@code certificate}, {@code private-key}
 * and {@code trusted-ca}) and the files they name, relative to the configuration directory.
 * A {@code coaps://} uplink must have one of the two; a {@code coap://} uplink may have neither,
 * so that nobody believes a plain uplink is protected.
 */
final class UplinkSecurityReader {

    private static final List<String> X509_FIELDS = List.of("certificate", "private-key", "trusted-ca");

    private final YamlSection section;
    private final Path configDir;

    UplinkSecurityReader(YamlSection section, Path configDir) {
        this.section = section;
        this.configDir = configDir;
    }

    UplinkSecurity read(boolean coaps) {
        boolean psk = section.has("psk-file");
        boolean x509 = X509_FIELDS.stream().map(section::has).reduce(false, Boolean::logicalOr);
        if (!coaps) {
            for (String field : List.of("psk-file", "certificate", "private-key", "trusted-ca")) {
                if (section.has(field)) {
                    section.error(field, "'" + field + "' is only for coaps:// URIs: this uplink's uri is coap://, "
                            + "which is sent in plain text");
                }
            }
            return UplinkSecurity.none();
        }
        if (psk && x509) {
            section.error("psk-file", "expected either psk-file or certificate/private-key/trusted-ca, not both");
            return UplinkSecurity.none();
        }
        if (psk) {
            return psk();
        }
        if (x509) {
            return x509();
        }
        section.error("uri", "a coaps:// uplink needs its DTLS credentials: psk-file (a pre-shared key), or "
                + "certificate, private-key and trusted-ca (X.509)");
        return UplinkSecurity.none();
    }

    private UplinkSecurity psk() {
        String shown = section.text("psk-file");
        try {
            return SecretFiles.readPsk(resolve(shown), shown);
        } catch (SecretFiles.SecretFileException e) {
            section.error("psk-file", e.getMessage());
            return UplinkSecurity.none();
        }
    }

    private UplinkSecurity x509() {
        List<X509Certificate> chain = null;
        PrivateKey key = null;
        List<X509Certificate> trusted = null;
        String certificate = section.text("certificate");
        if (section.has("certificate")) {
            try {
                chain = SecretFiles.readCertificates(resolve(certificate), certificate);
            } catch (SecretFiles.SecretFileException e) {
                section.error("certificate", e.getMessage());
            }
        }
        String privateKey = section.text("private-key");
        if (section.has("private-key")) {
            try {
                key = SecretFiles.readPrivateKey(resolve(privateKey), privateKey);
            } catch (SecretFiles.SecretFileException e) {
                section.error("private-key", e.getMessage());
            }
        }
        String ca = section.text("trusted-ca");
        if (section.has("trusted-ca")) {
            try {
                trusted = SecretFiles.readCertificates(resolve(ca), ca);
            } catch (SecretFiles.SecretFileException e) {
                section.error("trusted-ca", e.getMessage());
            }
        }
        if (chain == null || key == null || trusted == null) {
            return UplinkSecurity.none();
        }
        if (!chain.get(0).getPublicKey().getAlgorithm().equals(key.getAlgorithm())) {
            section.error("private-key", privateKey + " holds a " + key.getAlgorithm() + " key but " + certificate
                    + " a " + chain.get(0).getPublicKey().getAlgorithm() + " certificate: expected the certificate's key");
            return UplinkSecurity.none();
        }
        return new UplinkSecurity.X509(resolve(certificate), chain, key, trusted);
    }

    private Path resolve(String file) {
        return configDir.resolve(file).normalize();
    }
}
