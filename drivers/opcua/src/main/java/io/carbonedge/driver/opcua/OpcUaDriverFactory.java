package io.carbonedge.driver.opcua;

import io.carbonedge.driver.ConfigSection;
import io.carbonedge.driver.DeviceSpec;
import io.carbonedge.driver.Driver;
import io.carbonedge.driver.DriverContext;
import io.carbonedge.driver.DriverFactory;
import java.nio.file.Path;
import java.util.List;

/**
 * Makes {@link OpcUaDriver}s for devices with {@code protocol: opcua}. Devices reaching the same
 * endpoint with the same security and identity share one session (the factory keeps the pool).
 *
 * <p>Connection fields: {@code endpoint} (required, {@code opc.tcp://host:port[/path]}),
 * {@code security-policy} (none | basic256sha256 | aes128-sha256-rsaoaep | aes256-sha256-rsapss),
 * {@code security-mode} (none | sign | sign-and-encrypt), {@code identity} ({@code type:
 * anonymous | username | x509}; {@code user} + {@code password-file}; {@code certificate} +
 * {@code private-key}), {@code mode} (subscribe | read), {@code publishing-interval} (1s),
 * {@code trust-unknown-servers} (false), {@code pki-dir}, and device-wide {@code sampling-interval},
 * {@code queue-size}, {@code deadband}. Point fields: {@code node} or {@code browse-path}, and
 * per-point {@code sampling-interval}, {@code queue-size}, {@code deadband}.
 *
 * <p>Where files are: relative paths start at the agent's configuration directory; the PKI is
 * {@code <data-dir>/pki} unless the device names a {@code pki-dir} (both from the {@link DriverContext}).
 */
public final class OpcUaDriverFactory implements DriverFactory {

    /** The protocol name, as written in a device file. */
    public static final String PROTOCOL = "opcua";

    private final SessionPool pool = new SessionPool();

    /** Where the gateway keeps the OPC UA certificates it has met: {@code <data-dir>/pki}. */
    public static Path pkiDir(Path dataDir) {
        return dataDir.resolve("pki");
    }

    @Override
    public String protocol() {
        return PROTOCOL;
    }

    @Override
    public Driver create(DriverContext context, DeviceSpec device, ConfigSection connection,
                         List<ConfigSection> points) {
        OpcUaConfigReader reader = new OpcUaConfigReader(context);
        OpcUaConnection settings = reader.connection(connection, device.timeout());
        Monitoring deviceMonitoring = reader.monitoring(connection, new Monitoring(
                settings.publishingInterval(), OpcUaConfigReader.DEFAULT_QUEUE_SIZE, Deadband.NONE));
        List<OpcUaPoint> opcPoints = reader.points(device.points(), points, deviceMonitoring);
        return new OpcUaDriver(device.id(), settings, opcPoints, pool);
    }

    /** Sessions open now, for tests. */
    int openSessions() {
        return pool.size();
    }
}
