package io.carbonedge.driver;

import java.util.List;

/**
 * Makes drivers for one protocol. Implementations are found with {@link java.util.ServiceLoader}
 * and keyed by {@link #protocol()}.
 */
public interface DriverFactory {

    /** The value of a device's {@code protocol:} field that selects this factory, e.g. {@code modbus}. */
    String protocol();

    /**
     * Reads the protocol-specific configuration of a device and makes its driver, without
     * connecting. Mistakes are reported to the sections; when any was reported the agent
     * discards the result, so the driver may be built from fallback values.
     *
     * @param context    where relative paths start and where the agent keeps its data
     * @param device     the protocol-independent part, already read
     * @param connection the device's {@code connection:} map
     * @param points     the map of each point, in the order of {@code device.points()}; the driver
     *                   reads its own fields (register, type, node id…) from them
     */
    Driver create(DriverContext context, DeviceSpec device, ConfigSection connection, List<ConfigSection> points);
}
