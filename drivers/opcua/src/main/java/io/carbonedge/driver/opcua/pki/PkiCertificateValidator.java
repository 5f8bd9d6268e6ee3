package io.carbonedge.driver.opcua.pki;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.CertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultClientCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.MemoryTrustListManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a server's certificate against {@code pki/trusted/} (and {@code pki/issuers/}), read
 * afresh on every check so that a certificate trusted with {@code carbonedge pki trust} counts
 * at the next connection attempt. A refused certificate is written to {@code pki/rejected/}.
 * With {@code trustUnknown}, a server's certificate that is not trusted yet is trusted on first
 * use (logged as a warning) instead.
 */
public final class PkiCertificateValidator implements CertificateValidator {

    private static final Logger log = LoggerFactory.getLogger(PkiCertificateValidator.class);

    private final PkiDirectory pki;
    private final boolean trustUnknown;
    private volatile String lastRejected;

    public PkiCertificateValidator(PkiDirectory pki, boolean trustUnknown) {
        this.pki = pki;
        this.trustUnknown = trustUnknown;
    }

    /** The name of the last certificate refused, for the device's offline reason; null if none. */
    public String lastRejected() {
        return lastRejected;
    }

    @Override
    public void validateCertificateChain(List<X509Certificate> chain, String applicationUri, String[] validHostnames)
            throws UaException {
        try {
            validator().validateCertificateChain(chain, applicationUri, validHostnames);
            lastRejected = null;
        } catch (UaException e) {
            if (!trustUnknown || !isUntrusted(e)) {
                throw e;
            }
            try {
                pki.addTrusted(chain.get(0));
            } catch (IOException io) {
                throw new UaException(StatusCodes.Bad_SecurityChecksFailed, "cannot write " + pki.trustedDir(), io);
            }
            log.warn("trusting server certificate {} on first use (trust-unknown-servers: true); it is now in {}",
                    PkiDirectory.nameOf(chain.get(0)), pki.trustedDir());
            validator().validateCertificateChain(chain, applicationUri, validHostnames);
            lastRejected = null;
        }
    }

    private DefaultClientCertificateValidator validator() throws UaException {
        MemoryTrustListManager trust = new MemoryTrustListManager();
        try {
            trust.setTrustedCertificates(pki.trustedCertificates());
            trust.setIssuerCertificates(pki.issuerCertificates());
        } catch (IOException e) {
            throw new UaException(StatusCodes.Bad_SecurityChecksFailed, "cannot read " + pki.dir(), e);
        }
        return new DefaultClientCertificateValidator(trust, new Quarantine());
    }

    private static boolean isUntrusted(UaException e) {
        long code = e.getStatusCode().value();
        return code == StatusCodes.Bad_CertificateUntrusted || code == StatusCodes.Bad_SecurityChecksFailed
                || code == StatusCodes.Bad_CertificateChainIncomplete;
    }

    /** Milo reports refused certificates here; they go to {@code pki/rejected/}. */
    private final class Quarantine implements CertificateQuarantine {

        @Override
        public List<X509Certificate> getRejectedCertificates() {
            try {
                return pki.rejectedCertificates();
            } catch (IOException e) {
                return List.of();
            }
        }

        @Override
        public void addRejectedCertificate(X509Certificate certificate) {
            if (trustUnknown) {
                return;
            }
            try {
                String name = pki.addRejected(certificate);
                if (!name.equals(lastRejected)) {
                    log.warn("server certificate {} is not trusted; it is in {}; trust it with: carbonedge pki trust {}",
                            name, pki.rejectedDir(), name);
                }
                lastRejected = name;
            } catch (IOException e) {
                log.warn("cannot record the rejected certificate in {}: {}", pki.rejectedDir(), e.getMessage());
            }
        }

        @Override
        public void removeRejectedCertificate(X509Certificate certificate) {
            // the rejected folder is the technician's to clear
        }
    }
}
