package io.carbonedge.driver.modbus.sim;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Modbus TCP server on the loopback interface whose units are {@link RegisterBank}s, for
 * tests and the demo:
 *
 * <pre>{@code
 * try (ModbusSimulator sim = ModbusSimulator.start(0)) {
 *     sim.unit(1).set(Table.HOLDING, 0x000A, DataType.UINT32, WordOrder.ABCD, 123456);
 *     // poll 127.0.0.1:sim.port(), unit 1
 * }
 * }</pre>
 *
 * Built on j2mod's slave, which shapes some behaviour: a unit that was never asked for answers
 * every read with exception 2 (illegal data address), and a client that sends nothing for 30 s
 * is disconnected (as many real devices do; j2mod logs a warning when it does). j2mod serves
 * each client on a non-daemon thread that only ends when the client disconnects or idles out,
 * so close the drivers (clients) too when shutting down.
 */
public final class ModbusSimulator implements AutoCloseable {

    private static final int CONNECTIONS = 8;
    private static final int FREE_PORT_ATTEMPTS = 5;
    private static final int MAX_IDLE_SECONDS = 30;

    private final ModbusSlave slave;
    private final int port;
    private final Map<Integer, RegisterBank> units = new ConcurrentHashMap<>();

    private ModbusSimulator(ModbusSlave slave, int port) {
        this.slave = slave;
        this.port = port;
    }

    /**
     * Starts listening on {@code 127.0.0.1:port}.
     *
     * @param port the TCP port, or 0 for a free one (see {@link #port()})
     * @throws IOException when the port cannot be bound
     */
    public static ModbusSimulator start(int port) throws IOException {
        if (port != 0) {
            return open(port);
        }
        IOException last = null;
        for (int attempt = 0; attempt < FREE_PORT_ATTEMPTS; attempt++) {
            try {
                return open(freePort());
            } catch (IOException e) {
                last = e; // another process took the port between probing and binding
            }
        }
        throw last;
    }

    /** The port the simulator listens on. */
    public int port() {
        return port;
    }

    /** The registers of a unit (slave id), created empty on first use; from then on the unit answers. */
    public RegisterBank unit(int unitId) {
        if (unitId < 0 || unitId > 255) {
            throw new IllegalArgumentException("unit id out of range: " + unitId);
        }
        return units.computeIfAbsent(unitId, id -> {
            RegisterBank bank = new RegisterBank();
            slave.addProcessImage(id, new BankProcessImage(bank));
            return bank;
        });
    }

    /**
     * Stops listening. j2mod leaves connected clients connected until their next request, which
     * it answers with exception 2 (illegal data address) before closing the connection, or until
     * they have been idle for 30 s.
     */
    @Override
    public void close() {
        // j2mod keeps its slaves in a static map keyed by port: close through the factory so the
        // port can be used again.
        ModbusSlaveFactory.close(slave);
    }

    private static ModbusSimulator open(int port) throws IOException {
        if (ModbusSlaveFactory.getSlave(ModbusSlaveType.TCP, port) != null) {
            throw new IOException("a simulator already listens on port " + port);
        }
        ModbusSlave slave = null;
        try {
            slave = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, CONNECTIONS, false, MAX_IDLE_SECONDS);
            slave.open();
            return new ModbusSimulator(slave, port);
        } catch (ModbusException e) {
            if (slave != null) {
                ModbusSlaveFactory.close(slave);
            }
            throw new IOException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
