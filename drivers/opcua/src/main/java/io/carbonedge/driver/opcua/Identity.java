package io.carbonedge.driver.opcua;

import java.nio.file.Path;

/** Who the gateway says it is when it opens a session. */
public sealed interface Identity {

    /** No user: the server must allow anonymous sessions. */
    record Anonymous() implements Identity {
    }

    /**
     * A user name, with the password read from a file (mode 0600) at every connection, never from
     * the device file.
     */
    record Username(String user, Path passwordFile) implements Identity {
    }

    /** An X.509 user certificate with its PKCS#8 private key (PEM or DER). */
    record X509(Path certificate, Path privateKey) implements Identity {
    }
}
