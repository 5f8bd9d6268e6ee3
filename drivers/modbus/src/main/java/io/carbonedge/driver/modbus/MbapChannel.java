package io.carbonedge.driver.modbus;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * Modbus TCP framing: a 7-byte MBAP header (transaction id, protocol 0, length, unit id) before
 * each PDU. An answer whose transaction id or unit differs (a late answer to a request that timed
 * out, or a stray frame) is read whole and skipped; the wait goes on until the right one or the
 * deadline.
 */
final class MbapChannel implements FrameChannel {

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private int transactionId;
    private long skipped;

    MbapChannel(Socket socket) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        this.in = new DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
        this.out = socket.getOutputStream();
    }

    @Override
    public byte[] exchange(int unitId, byte[] pdu, int timeoutMillis) throws IOException {
        transactionId = (transactionId + 1) & 0xFFFF;
        byte[] frame = new byte[7 + pdu.length];
        frame[0] = (byte) (transactionId >>> 8);
        frame[1] = (byte) transactionId;
        frame[4] = (byte) ((pdu.length + 1) >>> 8);
        frame[5] = (byte) (pdu.length + 1);
        frame[6] = (byte) unitId;
        System.arraycopy(pdu, 0, frame, 7, pdu.length);
        out.write(frame);
        out.flush();

        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            long remaining = (deadline - System.nanoTime()) / 1_000_000L;
            if (remaining <= 0) {
                throw new NoResponseException("no response within " + timeoutMillis + " ms");
            }
            socket.setSoTimeout((int) remaining);
            int first;
            try {
                first = in.read();
            } catch (SocketTimeoutException e) {
                throw new NoResponseException("no response within " + timeoutMillis + " ms");
            }
            if (first < 0) {
                throw new EOFException("connection closed by the device");
            }
            try {
                int id = (first << 8) | in.readUnsignedByte();
                int protocol = in.readUnsignedShort();
                int length = in.readUnsignedShort();
                if (protocol != 0 || length < 2 || length > 254) {
                    throw new IOException("not a Modbus TCP frame (protocol " + protocol + ", length " + length + ")");
                }
                int unit = in.readUnsignedByte();
                byte[] answer = new byte[length - 1];
                in.readFully(answer);
                if (id == transactionId && unit == unitId) {
                    return answer;
                }
                skipped++;
            } catch (SocketTimeoutException e) {
                throw new IOException("frame cut off after " + timeoutMillis + " ms", e);
            }
        }
    }

    @Override
    public long skippedFrames() {
        return skipped;
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
