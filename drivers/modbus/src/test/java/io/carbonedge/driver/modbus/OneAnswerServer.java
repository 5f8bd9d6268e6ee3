package io.carbonedge.driver.modbus;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Modbus TCP device that answers one read per connection, every register holding the same
 * value, and then closes the connection, as devices that drop idle clients do.
 */
final class OneAnswerServer implements AutoCloseable {

    private final ServerSocket server;
    private final int value;
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread thread;

    OneAnswerServer(int value) throws IOException {
        this.server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        this.value = value;
        this.thread = new Thread(this::serve, "one-answer-server");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** How many connections were accepted so far. */
    int connections() {
        return connections.get();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                connections.incrementAndGet();
                answerOnce(new DataInputStream(socket.getInputStream()), new DataOutputStream(socket.getOutputStream()));
            } catch (IOException e) {
                // closed, or the client went away: wait for the next connection
            }
        }
    }

    private void answerOnce(DataInputStream in, DataOutputStream out) throws IOException {
        int transactionId = in.readUnsignedShort();
        in.readUnsignedShort(); // protocol id
        in.readUnsignedShort(); // length
        int unit = in.readUnsignedByte();
        int function = in.readUnsignedByte();
        in.readUnsignedShort(); // first register
        int count = in.readUnsignedShort();
        out.writeShort(transactionId);
        out.writeShort(0);
        out.writeShort(3 + 2 * count);
        out.writeByte(unit);
        out.writeByte(function);
        out.writeByte(2 * count);
        for (int i = 0; i < count; i++) {
            out.writeShort(value);
        }
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
