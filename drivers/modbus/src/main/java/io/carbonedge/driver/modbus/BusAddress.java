package io.carbonedge.driver.modbus;

import java.util.Objects;

/**
 * Identifies one bus: a TCP endpoint (host and port) or a serial port. Devices whose connections
 * name the same bus share it, and their requests take turns on it.
 *
 * @param transport how frames travel
 * @param host      host name or address for TCP transports; "" for a serial port
 * @param port      TCP port; 0 for a serial port
 * @param device    the serial port, e.g. {@code /dev/ttyUSB0}; "" for TCP transports
 */
public record BusAddress(Transport transport, String host, int port, String device) {

    public BusAddress {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(device, "device");
    }

    public static BusAddress tcp(String host, int port) {
        return new BusAddress(Transport.TCP, host, port, "");
    }

    public static BusAddress rtuOverTcp(String host, int port) {
        return new BusAddress(Transport.RTU_OVER_TCP, host, port, "");
    }

    public static BusAddress serial(String device) {
        return new BusAddress(Transport.RTU, "", 0, device);
    }

    /** {@code host:port} or the serial port, for messages. */
    @Override
    public String toString() {
        return transport == Transport.RTU ? device : host + ":" + port;
    }
}
