package io.carbonedge.agent.uplink;

import io.carbonedge.agent.config.UplinkSecurity;
import org.eclipse.californium.elements.config.CertificateAuthenticationMode;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.CertificateType;
import org.eclipse.californium.scandium.dtls.cipher.CipherSuite;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedMultiPskStore;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;
import org.eclipse.californium.scandium.dtls.x509.SingleCertificateProvider;
import org.eclipse.californium.scandium.dtls.x509.StaticNewAdvancedCertificateVerifier;

import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * DTLS 1.2 (Scandium) built in code, like {@link CoapSettings}: which cipher suites, which
 * credentials, how many threads. Used by the uplink (client) and the reference receiver (server).
 *
 * <p>Suites, most preferred first. PSK: {@code TLS_PSK_WITH_AES_128_CCM_8} (RFC 7925's mandatory
 * one), {@code TLS_PSK_WITH_AES_128_GCM_SHA256}, {@code TLS_ECDHE_PSK_WITH_AES_128_CBC_SHA256},
 * {@code TLS_PSK_WITH_AES_128_CBC_SHA256}. Certificates: {@code TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8}
 * (RFC 7925), {@code TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256},
 * {@code TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256}, {@code TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256}
 * (a platform with an RSA certificate). The CBC ones are there for stacks such as libcoap over
 * OpenSSL that may not offer CCM_8.
 */
public final class DtlsSettings {

    /** Offered with a pre-shared key. */
    public static final List<CipherSuite> PSK_SUITES = List.of(
            CipherSuite.TLS_PSK_WITH_AES_128_CCM_8,
            CipherSuite.TLS_PSK_WITH_AES_128_GCM_SHA256,
            CipherSuite.TLS_ECDHE_PSK_WITH_AES_128_CBC_SHA256,
            CipherSuite.TLS_PSK_WITH_AES_128_CBC_SHA256);

    /** Offered with X.509 certificates. */
    public static final List<CipherSuite> CERTIFICATE_SUITES = List.of(
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256,
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256);

    private DtlsSettings() {
    }

    /**
     * A client connector on an ephemeral port: PSK or X.509 as configured. The platform's
     * certificate must chain up to one of the trusted CAs and name the URI's host (DNS or IP
     * subject alternative name).
     */
    public static DTLSConnector client(UplinkSecurity security, Configuration coap) {
        DtlsConnectorConfig.Builder builder = common(coap, DtlsConfig.DtlsRole.CLIENT_ONLY)
                .setAddress(new InetSocketAddress(0))
                .set(DtlsConfig.DTLS_MAX_CONNECTIONS, 4)
                .set(DtlsConfig.DTLS_VERIFY_SERVER_CERTIFICATES_SUBJECT, true)
                .set(DtlsConfig.DTLS_USE_SERVER_NAME_INDICATION, true);
        if (security instanceof UplinkSecurity.Psk psk) {
            builder.setAdvancedPskStore(new AdvancedSinglePskStore(psk.identity(), psk.key()))
                    .set(DtlsConfig.DTLS_CIPHER_SUITES, PSK_SUITES);
        } else if (security instanceof UplinkSecurity.X509 x509) {
            builder.setCertificateIdentityProvider(new SingleCertificateProvider(x509.privateKey(),
                            x509.chain().toArray(new X509Certificate[0]), CertificateType.X_509))
                    .setAdvancedCertificateVerifier(StaticNewAdvancedCertificateVerifier.builder()
                            .setTrustedCertificates(x509.trusted().toArray(new X509Certificate[0])).build())
                    .set(DtlsConfig.DTLS_CIPHER_SUITES, CERTIFICATE_SUITES);
        } else {
            throw new IllegalArgumentException("a coaps:// uplink needs PSK or X.509 credentials");
        }
        return new DTLSConnector(builder.build());
    }

    /**
     * A server connector for the reference receiver: PSK clients (any of {@code psks}) and/or
     * certificate clients. With {@code clientCas} clients must present a certificate that chains
     * up to one of them; without, certificate clients are not asked for one.
     *
     * @param psks      accepted identities and keys (may be empty)
     * @param server    the receiver's own certificate chain and key, or {@code null} for PSK only
     * @param clientCas trusted client CAs (may be empty)
     */
    public static DTLSConnector server(InetSocketAddress address, Configuration coap, List<UplinkSecurity.Psk> psks,
                                       UplinkSecurity.X509 server, List<X509Certificate> clientCas) {
        DtlsConnectorConfig.Builder builder = common(coap, DtlsConfig.DtlsRole.SERVER_ONLY)
                .setAddress(address)
                .set(DtlsConfig.DTLS_MAX_CONNECTIONS, 1000);
        List<CipherSuite> suites = new ArrayList<>();
        if (!psks.isEmpty()) {
            AdvancedMultiPskStore store = new AdvancedMultiPskStore();
            psks.forEach(p -> store.setKey(p.identity(), p.key()));
            builder.setAdvancedPskStore(store);
            suites.addAll(PSK_SUITES);
        }
        if (server != null) {
            builder.setCertificateIdentityProvider(new SingleCertificateProvider(server.privateKey(),
                    server.chain().toArray(new X509Certificate[0]), CertificateType.X_509));
            suites.addAll(server.privateKey().getAlgorithm().startsWith("EC")
                    ? CERTIFICATE_SUITES.stream().filter(s -> s.name().contains("ECDSA")).toList()
                    : CERTIFICATE_SUITES.stream().filter(s -> s.name().contains("_RSA_")).toList());
            if (clientCas.isEmpty()) {
                builder.set(DtlsConfig.DTLS_CLIENT_AUTHENTICATION_MODE, CertificateAuthenticationMode.NONE);
            } else {
                builder.set(DtlsConfig.DTLS_CLIENT_AUTHENTICATION_MODE, CertificateAuthenticationMode.NEEDED)
                        .setAdvancedCertificateVerifier(StaticNewAdvancedCertificateVerifier.builder()
                                .setTrustedCertificates(clientCas.toArray(new X509Certificate[0])).build());
            }
        }
        if (suites.isEmpty()) {
            throw new IllegalArgumentException("a DTLS receiver needs a PSK or a certificate");
        }
        return new DTLSConnector(builder.set(DtlsConfig.DTLS_CIPHER_SUITES, suites).build());
    }

    private static DtlsConnectorConfig.Builder common(Configuration coap, DtlsConfig.DtlsRole role) {
        return DtlsConnectorConfig.builder(new Configuration(coap))
                .set(DtlsConfig.DTLS_ROLE, role)
                // the CBC suites are not in Californium's "recommended" set, but common in OpenSSL peers
                .set(DtlsConfig.DTLS_RECOMMENDED_CIPHER_SUITES_ONLY, false)
                .set(DtlsConfig.DTLS_RECEIVER_THREAD_COUNT, 1)
                .set(DtlsConfig.DTLS_CONNECTOR_THREAD_COUNT, 1)
                .set(DtlsConfig.DTLS_MAX_FRAGMENTED_HANDSHAKE_MESSAGE_LENGTH, 8192);
    }
}
