package io.carbonedge.driver.modbus;

import java.time.Duration;
import java.util.Objects;

/**
 * A device's {@code connection:} settings.
 *
 * @param bus             the bus the device is on
 * @param serial          line settings for RTU on a serial port (ignored otherwise)
 * @param interFrameDelay silence kept between two requests on the bus
 * @param backoffMax      the longest a silent unit or an unreachable bus is left alone
 * @param unitId          the unit (slave) id, 0..247
 * @param maxGap          the most unused registers one read may span between two points
 * @param maxRegisters    the longest single read of registers, 1..125
 */
public record ModbusEndpoint(BusAddress bus, SerialSettings serial, Duration interFrameDelay, Duration backoffMax,
                             int unitId, int maxGap, int maxRegisters) {

    public static final int DEFAULT_PORT = 502;
    public static final int DEFAULT_UNIT_ID = 1;
    public static final int DEFAULT_MAX_GAP = 16;
    /** The protocol's limit for one read of holding or input registers. */
    public static final int MAX_REGISTERS_PER_READ = 125;
    public static final Duration DEFAULT_BACKOFF_MAX = Duration.ofSeconds(30);

    public ModbusEndpoint {
        Objects.requireNonNull(bus, "bus");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(interFrameDelay, "interFrameDelay");
        Objects.requireNonNull(backoffMax, "backoffMax");
    }

    /** A Modbus TCP device with the default settings. */
    public static ModbusEndpoint tcp(String host, int port, int unitId) {
        return new ModbusEndpoint(BusAddress.tcp(host, port), SerialSettings.DEFAULT, Duration.ZERO,
                DEFAULT_BACKOFF_MAX, unitId, DEFAULT_MAX_GAP, MAX_REGISTERS_PER_READ);
    }

    /** {@code host:port} or the serial port, for messages. */
    public String address() {
        return bus.toString();
    }
}
