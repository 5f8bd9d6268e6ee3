package io.carbonedge.driver.modbus;

import java.io.IOException;

/**
 * An open link that sends one request PDU to a unit and returns its answer PDU, framing both for
 * the transport (MBAP for TCP, address and CRC for RTU). Frames that do not answer the request
 * (late answers to an earlier request, other units' answers, noise, bad CRC) are skipped.
 */
interface FrameChannel extends AutoCloseable {

    /**
     * @throws NoResponseException when no answer arrived within the timeout
     * @throws IOException         when the link broke; the channel is then unusable
     */
    byte[] exchange(int unitId, byte[] requestPdu, int timeoutMillis) throws IOException;

    /** How many frames were skipped so far (stray, late, corrupt), for tests and diagnostics. */
    long skippedFrames();

    @Override
    void close();
}
