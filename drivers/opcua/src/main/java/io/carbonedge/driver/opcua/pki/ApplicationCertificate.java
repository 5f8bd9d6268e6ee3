package io.carbonedge.driver.opcua.pki;

import java.security.KeyPair;
import java.security.cert.X509Certificate;

/**
 * An application instance certificate with its key pair, and the application URI written in it
 * (an OPC UA peer checks that the URI a client or server announces matches its certificate).
 */
public record ApplicationCertificate(X509Certificate certificate, KeyPair keyPair, String applicationUri) {
}
