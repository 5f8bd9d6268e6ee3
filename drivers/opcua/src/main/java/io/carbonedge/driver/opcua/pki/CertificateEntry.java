package io.carbonedge.driver.opcua.pki;

import java.time.Instant;

/**
 * A certificate in the gateway's PKI directory, as {@code carbonedge pki list} shows it.
 *
 * @param name       the file name without {@code .der}, what {@code carbonedge pki trust NAME} takes
 * @param status     trusted or rejected
 * @param subject    the certificate's subject, e.g. {@code CN=Boiler PLC, O=Acme}
 * @param thumbprint SHA-1 of the certificate, hex, as OPC UA tools show it
 * @param notAfter   when the certificate expires
 */
public record CertificateEntry(String name, Status status, String subject, String thumbprint, Instant notAfter) {

    /** Where the certificate lies. */
    public enum Status {
        /** In {@code trusted/}: the gateway connects to a server presenting it. */
        TRUSTED,
        /** In {@code rejected/}: a server presented it and the gateway refused; a technician may trust it. */
        REJECTED
    }
}
