package io.carbonedge.driver.modbus;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** RTU frames over a TCP connection to a serial device server. */
final class SocketLine implements ByteLine {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    SocketLine(Socket socket) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    @Override
    public int read(byte[] buffer, int offset, int length, int timeoutMillis) throws IOException {
        socket.setSoTimeout(Math.max(1, timeoutMillis));
        try {
            int n = in.read(buffer, offset, length);
            if (n < 0) {
                throw new EOFException("connection closed by the device");
            }
            return n;
        } catch (SocketTimeoutException e) {
            return 0;
        }
    }

    @Override
    public void discardInput() throws IOException {
        int available = in.available();
        if (available > 0) {
            in.skipNBytes(available);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
