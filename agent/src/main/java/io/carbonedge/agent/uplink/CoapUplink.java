package io.carbonedge.agent.uplink;

import io.carbonedge.agent.config.PayloadFormat;

/**
 * Sends one encoded batch to one platform and says how it ended. Implementations never throw on
 * transport or platform failures: every failure is a {@link SendResult}.
 */
public interface CoapUplink extends AutoCloseable {

    /**
     * POSTs the payload and waits for the platform's answer (or the configured timeout).
     * 2.xx is {@link Outcome#DELIVERED}, 4.xx {@link Outcome#REJECTED}, anything else
     * {@link Outcome#RETRY}.
     */
    SendResult send(byte[] payload, PayloadFormat format);

    /** Releases the socket and threads; further sends answer RETRY. */
    @Override
    void close();
}
