package io.carbonedge.agent.receiver;

import io.carbonedge.agent.config.UplinkSecurity;

import java.util.List;

/**
 * What the reference receiver accepts over DTLS ({@code coaps://}): gateways with a pre-shared
 * key, gateways with a certificate, or both.
 *
 * @param psk         the identity and key a PSK gateway uses, or {@code null}
 * @param certificate the receiver's own certificate chain and key, with the CAs a gateway's
 *                    certificate must chain up to in {@code trusted()} (empty: gateways are not
 *                    asked for a certificate); or {@code null}
 */
public record ReceiverDtls(UplinkSecurity.Psk psk, UplinkSecurity.X509 certificate) {

    public ReceiverDtls {
        if (psk == null && certificate == null) {
            throw new IllegalArgumentException("DTLS needs a pre-shared key, a certificate or both");
        }
    }

    /** PSK only. */
    public static ReceiverDtls psk(UplinkSecurity.Psk psk) {
        return new ReceiverDtls(psk, null);
    }

    /** Certificates only. */
    public static ReceiverDtls certificate(UplinkSecurity.X509 certificate) {
        return new ReceiverDtls(null, certificate);
    }

    List<UplinkSecurity.Psk> psks() {
        return psk == null ? List.of() : List.of(psk);
    }
}
