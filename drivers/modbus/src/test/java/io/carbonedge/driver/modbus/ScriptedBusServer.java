package io.carbonedge.driver.modbus;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hand-written Modbus slave for the bus's failure modes, independent of our framing code: it
 * speaks Modbus TCP or RTU (over a socket, or over any stream such as a pseudo-terminal) and
 * serves several units, each with its own misbehaviour. Holding and input registers read the
 * same values; coils and discrete inputs are the low bit of the register at that address.
 */
final class ScriptedBusServer implements AutoCloseable {

    /** How a unit behaves. */
    enum Behaviour {
        /** Answers correctly. */
        NORMAL,
        /** Never answers, like a dead slave on a line. */
        SILENT,
        /** Answers, then answers again: the second copy is a stray frame. */
        DUPLICATE,
        /** Answers after {@link #lateMillis}, after the master gave up. */
        LATE,
        /** RTU only: first sends noise and a copy with a broken CRC, then the right answer. */
        NOISY
    }

    private final boolean rtu;
    private final ServerSocket server;
    private final Map<Integer, int[]> registers = new ConcurrentHashMap<>();
    private final Map<Integer, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final Map<Integer, Set<Integer>> holes = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile int maxCount = 2000;
    volatile int lateMillis = 300;

    /** Listens on the loopback interface, port 0, with Modbus TCP ({@code rtu} false) or RTU framing. */
    ScriptedBusServer(boolean rtu) throws IOException {
        this(rtu, new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    }

    /** Listens on a given port (to restart a server on the same port). */
    ScriptedBusServer(boolean rtu, int port) throws IOException {
        this(rtu, new ServerSocket(port, 50, InetAddress.getLoopbackAddress()));
    }

    private ScriptedBusServer(boolean rtu, ServerSocket server) {
        this.rtu = rtu;
        this.server = server;
        Thread thread = new Thread(this::acceptLoop, "scripted-bus-server");
        thread.setDaemon(true);
        thread.start();
    }

    /** A server without a socket, to serve a stream with {@link #serve}. */
    static ScriptedBusServer streamOnly(boolean rtu) throws IOException {
        ScriptedBusServer s = new ScriptedBusServer(rtu, new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
        s.server.close();
        return s;
    }

    int port() {
        return server.getLocalPort();
    }

    /** The unit's 65536 registers, created on first use; the unit answers from then on. */
    int[] unit(int id) {
        return registers.computeIfAbsent(id, u -> new int[0x10000]);
    }

    ScriptedBusServer behave(int unit, Behaviour behaviour) {
        unit(unit);
        behaviours.put(unit, behaviour);
        return this;
    }

    /** Reads touching this register are refused with exception 2. */
    ScriptedBusServer hole(int unit, int register) {
        holes.computeIfAbsent(unit, u -> ConcurrentHashMap.newKeySet()).add(register);
        return this;
    }

    /** Reads longer than this are refused with exception 2, as some meters do. */
    ScriptedBusServer maxCount(int count) {
        this.maxCount = count;
        return this;
    }

    int requests() {
        return requests.get();
    }

    int connections() {
        return connections.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                open.add(socket);
                Thread t = new Thread(() -> {
                    try (socket) {
                        serve(socket.getInputStream(), socket.getOutputStream());
                    } catch (IOException e) {
                        // client went away
                    }
                }, "scripted-bus-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Answers requests from the stream until it ends. */
    void serve(InputStream input, OutputStream out) throws IOException {
        DataInputStream in = new DataInputStream(input);
        while (true) {
            int transactionId = 0;
            if (!rtu) {
                transactionId = in.readUnsignedShort();
                in.readUnsignedShort();
                in.readUnsignedShort();
            }
            byte[] request = new byte[6];
            in.readFully(request);
            if (rtu) {
                byte[] crc = new byte[2];
                in.readFully(crc);
                byte[] whole = new byte[8];
                System.arraycopy(request, 0, whole, 0, 6);
                System.arraycopy(crc, 0, whole, 6, 2);
                if (RtuChannel.crc(whole, 0, 8) != 0) {
                    continue; // a slave ignores a frame with a bad CRC
                }
            }
            requests.incrementAndGet();
            int unit = request[0] & 0xFF;
            if (!registers.containsKey(unit)) {
                continue;
            }
            Behaviour behaviour = behaviours.getOrDefault(unit, Behaviour.NORMAL);
            if (behaviour == Behaviour.SILENT) {
                continue;
            }
            byte[] pdu = answer(unit, request[1] & 0xFF, ((request[2] & 0xFF) << 8) | (request[3] & 0xFF),
                    ((request[4] & 0xFF) << 8) | (request[5] & 0xFF));
            byte[] frame = frame(transactionId, unit, pdu);
            if (behaviour == Behaviour.LATE) {
                sleep(lateMillis);
            }
            if (behaviour == Behaviour.NOISY && rtu) {
                byte[] corrupt = frame.clone();
                corrupt[corrupt.length - 1] ^= 0x5A;
                out.write(new byte[] {0x00, (byte) 0xFF, (byte) unit});
                out.write(corrupt);
                out.flush();
                sleep(5);
            }
            out.write(frame);
            if (behaviour == Behaviour.DUPLICATE) {
                out.write(frame);
                out.write(frame(transactionId ^ 0x5555, unit, pdu));
            }
            out.flush();
        }
    }

    private byte[] answer(int unit, int function, int first, int count) {
        boolean bits = function == 1 || function == 2;
        if (function < 1 || function > 4) {
            return new byte[] {(byte) (function | 0x80), 1};
        }
        Set<Integer> unitHoles = holes.getOrDefault(unit, Set.of());
        boolean refused = count > maxCount || count < 1 || first + count > 0x10000;
        for (int r = first; r < first + count && !refused; r++) {
            refused = unitHoles.contains(r);
        }
        if (refused) {
            return new byte[] {(byte) (function | 0x80), 2};
        }
        int[] regs = unit(unit);
        int bytes = bits ? (count + 7) / 8 : 2 * count;
        byte[] pdu = new byte[2 + bytes];
        pdu[0] = (byte) function;
        pdu[1] = (byte) bytes;
        for (int i = 0; i < count; i++) {
            int value = regs[first + i];
            if (bits) {
                pdu[2 + i / 8] |= (byte) ((value & 1) << (i % 8));
            } else {
                pdu[2 + 2 * i] = (byte) (value >>> 8);
                pdu[3 + 2 * i] = (byte) value;
            }
        }
        return pdu;
    }

    private byte[] frame(int transactionId, int unit, byte[] pdu) {
        if (rtu) {
            byte[] frame = new byte[pdu.length + 3];
            frame[0] = (byte) unit;
            System.arraycopy(pdu, 0, frame, 1, pdu.length);
            int crc = RtuChannel.crc(frame, 0, pdu.length + 1);
            frame[pdu.length + 1] = (byte) crc;
            frame[pdu.length + 2] = (byte) (crc >>> 8);
            return frame;
        }
        byte[] frame = new byte[pdu.length + 7];
        frame[0] = (byte) (transactionId >>> 8);
        frame[1] = (byte) transactionId;
        frame[4] = (byte) ((pdu.length + 1) >>> 8);
        frame[5] = (byte) (pdu.length + 1);
        frame[6] = (byte) unit;
        System.arraycopy(pdu, 0, frame, 7, pdu.length);
        return frame;
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
