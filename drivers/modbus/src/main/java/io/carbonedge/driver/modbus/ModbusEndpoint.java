package io.carbonedge.driver.modbus;

import java.util.Objects;

/**
 * A device's {@code connection:} settings.
 *
 * @param host         name or address of the device or gateway
 * @param port         TCP port, usually 502
 * @param unitId       the unit (slave) id, 0..247
 * @param maxGap       the most unused registers one read may span between two points
 * @param maxRegisters the longest single read, 1..125
 */
public record ModbusEndpoint(String host, int port, int unitId, int maxGap, int maxRegisters) {

    public static final int DEFAULT_PORT = 502;
    public static final int DEFAULT_UNIT_ID = 1;
    public static final int DEFAULT_MAX_GAP = 16;
    /** The protocol's limit for one read of holding or input registers. */
    public static final int MAX_REGISTERS_PER_READ = 125;

    public ModbusEndpoint {
        Objects.requireNonNull(host, "host");
    }

    /** {@code host:port}, for messages. */
    public String address() {
        return host + ":" + port;
    }
}
