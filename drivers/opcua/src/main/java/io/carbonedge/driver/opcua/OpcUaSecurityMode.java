package io.carbonedge.driver.opcua;

import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;

/** How messages are protected: not at all, signed, or signed and encrypted. */
public enum OpcUaSecurityMode {
    NONE(MessageSecurityMode.None),
    SIGN(MessageSecurityMode.Sign),
    SIGN_AND_ENCRYPT(MessageSecurityMode.SignAndEncrypt);

    private final MessageSecurityMode milo;

    OpcUaSecurityMode(MessageSecurityMode milo) {
        this.milo = milo;
    }

    /** Milo's constant, for the module's own use. */
    public MessageSecurityMode milo() {
        return milo;
    }
}
