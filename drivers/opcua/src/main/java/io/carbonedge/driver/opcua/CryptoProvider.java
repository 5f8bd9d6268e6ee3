package io.carbonedge.driver.opcua;

import java.security.Security;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Milo's Aes256_Sha256_RsaPss policy signs with BouncyCastle's {@code SHA256withRSA/PSS}: the
 * provider must be registered with the JVM once, before the first secure connection.
 */
public final class CryptoProvider {

    private CryptoProvider() {
    }

    /** Registers BouncyCastle unless some provider named "BC" already is. Idempotent. */
    public static synchronized void ensureInstalled() {
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
    }
}
