package io.carbonedge.driver.opcua;

import io.carbonedge.driver.ConfigSection;
import io.carbonedge.driver.DriverContext;
import io.carbonedge.driver.PointSpec;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;

/**
 * Reads the OPC UA fields of a device's {@code connection:} map and of its points. Mistakes are
 * reported to the sections and replaced by fallbacks, so reading always completes. Relative file
 * paths start at the configuration directory; the PKI is {@code <data-dir>/pki} unless a device
 * names its own {@code pki-dir}.
 */
final class OpcUaConfigReader {

    static final Duration DEFAULT_PUBLISHING_INTERVAL = Duration.ofSeconds(1);
    static final int DEFAULT_QUEUE_SIZE = 1;
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = Set.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final DriverContext context;

    OpcUaConfigReader(DriverContext context) {
        this.context = context;
    }

    OpcUaConnection connection(ConfigSection c, Duration timeout) {
        String endpoint = c.text("endpoint").strip();
        if (c.has("endpoint") && !validEndpoint(endpoint)) {
            c.reportError("endpoint", "an OPC UA endpoint URL such as opc.tcp://10.0.0.9:4840, got '" + endpoint + "'");
        }
        OpcUaSecurityPolicy policy = c.choice("security-policy", OpcUaSecurityPolicy.class, OpcUaSecurityPolicy.NONE);
        OpcUaSecurityMode fallbackMode = policy == OpcUaSecurityPolicy.NONE ? OpcUaSecurityMode.NONE : OpcUaSecurityMode.SIGN_AND_ENCRYPT;
        OpcUaSecurityMode mode = c.choice("security-mode", OpcUaSecurityMode.class, fallbackMode);
        if ((policy == OpcUaSecurityPolicy.NONE) != (mode == OpcUaSecurityMode.NONE)) {
            c.reportError("security-mode", policy == OpcUaSecurityPolicy.NONE
                    ? "none when security-policy is none (sign and sign-and-encrypt need a policy such as basic256sha256)"
                    : "sign or sign-and-encrypt with security-policy " + policy.name().toLowerCase().replace('_', '-'));
            mode = fallbackMode;
        }
        Identity identity = identity(c);
        ReadMode readMode = c.choice("mode", ReadMode.class, ReadMode.SUBSCRIBE);
        Duration publishing = c.duration("publishing-interval", DEFAULT_PUBLISHING_INTERVAL);
        boolean trustUnknown = c.flag("trust-unknown-servers", false);
        Path pkiDir = c.optionalText("pki-dir").map(context::resolve).orElse(OpcUaDriverFactory.pkiDir(context.dataDir()));
        return new OpcUaConnection(endpoint, policy, mode, identity, readMode, publishing, trustUnknown, pkiDir, timeout);
    }

    /** The device-wide subscribe settings, which points may override. */
    Monitoring monitoring(ConfigSection section, Monitoring fallback) {
        Duration sampling = section.duration("sampling-interval", fallback.samplingInterval());
        int queueSize = (int) section.integer("queue-size", 1, 10_000, fallback.queueSize());
        Deadband deadband = section.optionalSection("deadband").map(d -> deadband(d, section)).orElse(fallback.deadband());
        return new Monitoring(sampling, queueSize, deadband);
    }

    List<OpcUaPoint> points(List<PointSpec> specs, List<ConfigSection> sections, Monitoring deviceMonitoring) {
        if (specs.size() != sections.size()) {
            throw new IllegalArgumentException(specs.size() + " point specs but " + sections.size() + " point sections");
        }
        List<OpcUaPoint> points = new ArrayList<>(specs.size());
        for (int i = 0; i < specs.size(); i++) {
            points.add(point(specs.get(i), sections.get(i), deviceMonitoring));
        }
        return points;
    }

    private OpcUaPoint point(PointSpec spec, ConfigSection p, Monitoring deviceMonitoring) {
        Optional<String> node = p.optionalText("node").map(String::strip);
        Optional<String> path = p.optionalText("browse-path").map(String::strip);
        if (node.isPresent() == path.isPresent()) {
            p.reportError(node.isPresent() ? "browse-path" : "node",
                    "exactly one of 'node' (e.g. ns=2;s=Boiler1.GasFlow) or 'browse-path' (e.g. Objects/Boiler1/GasFlow)");
        }
        if (node.isPresent() && !validNodeId(node.get())) {
            p.reportError("node", "a node id such as ns=2;s=Boiler1.GasFlow, ns=3;i=1001 or nsu=URI;s=Name, got '" + node.get() + "'");
        }
        if (path.isPresent() && BrowsePath.parse(path.get()).isEmpty()) {
            p.reportError("browse-path", "a path of browse names from the Objects folder, e.g. Objects/Boiler1/GasFlow, got '"
                    + path.get() + "'");
        }
        Monitoring monitoring = monitoring(p, deviceMonitoring);
        return new OpcUaPoint(spec.id(), spec.kind(), node.orElse(null), node.isPresent() ? null : path.orElse(""), monitoring);
    }

    private Deadband deadband(ConfigSection d, ConfigSection parent) {
        Deadband.Type type = d.choice("type", Deadband.Type.class, Deadband.Type.ABSOLUTE);
        double max = type == Deadband.Type.PERCENT ? 100 : Double.MAX_VALUE;
        double value = d.number("value", 0, max, 0);
        if (!d.has("value")) {
            d.reportError("value", "a deadband value, e.g. 0.5");
        }
        return type == Deadband.Type.NONE ? Deadband.NONE : new Deadband(type, value);
    }

    private Identity identity(ConfigSection c) {
        Optional<ConfigSection> section = c.optionalSection("identity");
        if (section.isEmpty()) {
            return new Identity.Anonymous();
        }
        ConfigSection id = section.get();
        IdentityType type = id.choice("type", IdentityType.class, IdentityType.ANONYMOUS);
        if (id.has("password")) {
            id.reportError("password", "no password in the device file: put it in a file readable only by the agent "
                    + "(chmod 600) and name that file in 'password-file'");
        }
        return switch (type) {
            case ANONYMOUS -> new Identity.Anonymous();
            case USERNAME -> {
                String user = id.text("user");
                Path file = secretFile(id, "password-file");
                yield new Identity.Username(user, file);
            }
            case X509 -> {
                Path certificate = readableFile(id, "certificate");
                Path key = secretFile(id, "private-key");
                yield new Identity.X509(certificate, key);
            }
        };
    }

    private Path readableFile(ConfigSection s, String field) {
        String text = s.text(field);
        Path file = context.resolve(text);
        if (s.has(field) && !Files.isRegularFile(file)) {
            s.reportError(field, "an existing file, but " + file + " is not one");
        }
        return file;
    }

    /** A file that must exist and be readable by its owner only (0600 or 0400). */
    private Path secretFile(ConfigSection s, String field) {
        Path file = readableFile(s, field);
        if (!Files.isRegularFile(file)) {
            return file;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
                s.reportError(field, "a file only its owner can read (chmod 600 " + file + "), but it is "
                        + java.nio.file.attribute.PosixFilePermissions.toString(permissions));
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to check
        } catch (IOException e) {
            s.reportError(field, "a readable file, but " + file + ": " + e.getMessage());
        }
        return file;
    }

    private static boolean validEndpoint(String url) {
        try {
            URI uri = URI.create(url);
            return "opc.tcp".equals(uri.getScheme()) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean validNodeId(String text) {
        try {
            ExpandedNodeId.parse(text);
            return text.contains("=");
        } catch (RuntimeException e) {
            return false;
        }
    }

    enum IdentityType { ANONYMOUS, USERNAME, X509 }
}
