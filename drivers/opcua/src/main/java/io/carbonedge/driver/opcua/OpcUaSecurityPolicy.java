package io.carbonedge.driver.opcua;

import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;

/** The security policies the driver and the simulators offer, as written in a device file. */
public enum OpcUaSecurityPolicy {
    NONE(SecurityPolicy.None),
    BASIC256SHA256(SecurityPolicy.Basic256Sha256),
    AES128_SHA256_RSAOAEP(SecurityPolicy.Aes128_Sha256_RsaOaep),
    AES256_SHA256_RSAPSS(SecurityPolicy.Aes256_Sha256_RsaPss);

    private final SecurityPolicy milo;

    OpcUaSecurityPolicy(SecurityPolicy milo) {
        this.milo = milo;
    }

    /** Milo's constant, for the module's own use. */
    public SecurityPolicy milo() {
        return milo;
    }
}
