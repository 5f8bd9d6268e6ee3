package io.carbonedge.driver;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The protocol-independent part of a device's configuration.
 *
 * @param id       unique across the gateway, e.g. {@code grid-meter}
 * @param protocol the driver's protocol name, e.g. {@code modbus}
 * @param interval how often the device is polled
 * @param timeout  how long one read may take before the device counts as unreachable
 * @param points   the points, in configuration order
 */
public record DeviceSpec(String id, String protocol, Duration interval, Duration timeout, List<PointSpec> points) {

    public DeviceSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(timeout, "timeout");
        points = List.copyOf(points);
    }
}
