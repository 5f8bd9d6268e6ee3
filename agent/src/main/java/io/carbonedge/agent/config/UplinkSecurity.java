package io.carbonedge.agent.config;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * How an uplink proves who it is and checks who the platform is. {@link None} for {@code coap://}
 * (plain, only when configured explicitly); {@link Psk} or {@link X509} for {@code coaps://} (DTLS 1.2).
 * The secrets were read and checked when the configuration was loaded.
 */
public sealed interface UplinkSecurity {

    /** Plain CoAP: no DTLS. */
    static UplinkSecurity none() {
        return None.INSTANCE;
    }

    /** Plain CoAP. */
    enum None implements UplinkSecurity {
        INSTANCE
    }

    /**
     * DTLS with a pre-shared key.
     *
     * @param file     where the identity and key were read from (for messages)
     * @param identity the PSK identity the platform knows this gateway by
     * @param key      the shared secret, at least 16 bytes
     */
    record Psk(Path file, String identity, byte[] key) implements UplinkSecurity {

        public Psk {
            Objects.requireNonNull(identity, "identity");
            key = key.clone();
        }

        @Override
        public byte[] key() {
            return key.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Psk p && Objects.equals(file, p.file) && identity.equals(p.identity)
                    && Arrays.equals(key, p.key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(file, identity, Arrays.hashCode(key));
        }

        /** Never shows the key, only its length and a hint that it is there. */
        @Override
        public String toString() {
            return "Psk[file=" + file + ", identity=" + identity + ", key=(" + key.length + " bytes)]";
        }

        /** For tests and the receiver: the key as hex, as written in a PSK file. */
        public String keyHex() {
            return HexFormat.of().formatHex(key);
        }
    }

    /**
     * DTLS with certificates: this gateway's certificate and private key, and the certificate
     * authorities the platform's certificate must chain up to.
     *
     * @param certificateFile where the chain was read from (for messages)
     * @param chain           this gateway's certificate first, then any intermediates
     * @param privateKey      the key of the first certificate
     * @param trusted         the trusted CA certificates
     */
    record X509(Path certificateFile, List<X509Certificate> chain, PrivateKey privateKey,
                List<X509Certificate> trusted) implements UplinkSecurity {

        public X509 {
            chain = List.copyOf(chain);
            trusted = List.copyOf(trusted);
            Objects.requireNonNull(privateKey, "privateKey");
        }

        /** Never shows the key. */
        @Override
        public String toString() {
            return "X509[certificate=" + certificateFile + ", subject="
                    + (chain.isEmpty() ? "?" : chain.get(0).getSubjectX500Principal().getName())
                    + ", trusted=" + trusted.size() + " CA(s)]";
        }
    }
}
