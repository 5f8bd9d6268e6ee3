package io.carbonedge.driver.opcua;

import io.carbonedge.driver.ConfigSection;
import io.carbonedge.driver.DeviceSpec;
import io.carbonedge.driver.Driver;
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
 * <p>Where files are: relative paths are resolved against the system property
 * {@code carbonedge.config-dir} (the agent's configuration directory), or the working directory
 * when unset. The PKI directory defaults to the system property {@code carbonedge.pki-dir}, else
 * {@code /var/lib/carbonedge/pki}.
 */
public final class OpcUaDriverFactory implements DriverFactory {

    /** The protocol name, as written in a device file. */
    public static final String PROTOCOL = "opcua";
    /** Where the PKI lives when neither the device nor the agent says otherwise. */
    public static final Path DEFAULT_PKI_DIR = Path.of("/var/lib/carbonedge/pki");

    private final OpcUaConfigReader reader;
    private final SessionPool pool = new SessionPool();

    /** The factory {@link java.util.ServiceLoader} makes: directories from system properties. */
    public OpcUaDriverFactory() {
        this(Path.of(System.getProperty("carbonedge.config-dir", "")).toAbsolutePath(),
                Path.of(System.getProperty("carbonedge.pki-dir", DEFAULT_PKI_DIR.toString())));
    }

    /**
     * @param baseDir       against which relative paths in device files are resolved
     * @param defaultPkiDir the PKI directory of devices that name none
     */
    public OpcUaDriverFactory(Path baseDir, Path defaultPkiDir) {
        this.reader = new OpcUaConfigReader(baseDir, defaultPkiDir);
    }

    @Override
    public String protocol() {
        return PROTOCOL;
    }

    @Override
    public Driver create(DeviceSpec device, ConfigSection connection, List<ConfigSection> points) {
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
