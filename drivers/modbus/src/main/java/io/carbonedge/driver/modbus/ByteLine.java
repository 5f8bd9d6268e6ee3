package io.carbonedge.driver.modbus;

import java.io.IOException;

/** A raw byte stream an RTU channel writes frames to and reads answers from: a serial port or a socket. */
interface ByteLine extends AutoCloseable {

    void write(byte[] bytes) throws IOException;

    /**
     * Reads what is there, waiting at most {@code timeoutMillis} for the first byte.
     *
     * @return the number of bytes read, 0 when none came in time
     * @throws IOException when the line is closed or broken
     */
    int read(byte[] buffer, int offset, int length, int timeoutMillis) throws IOException;

    /** Throws away whatever has arrived unasked (late answers, noise). */
    void discardInput() throws IOException;

    @Override
    void close();
}
