package io.carbonedge.agent.config;

import io.carbonedge.agent.totals.Carrier;
import io.carbonedge.driver.DeviceSpec;
import io.carbonedge.driver.Driver;
import io.carbonedge.driver.DriverContext;
import io.carbonedge.driver.DriverFactory;
import io.carbonedge.driver.PointKind;
import io.carbonedge.driver.PointSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Reads one device file: the protocol-independent fields here, then hands the connection and
 * the point maps to the protocol's {@link DriverFactory}, which reads its own fields and makes
 * the driver.
 */
final class DeviceFileReader {

    private final Map<String, DriverFactory> factories;
    private final ProfileLibrary profiles;
    private final PollDefaults defaults;
    private final DriverContext context;

    DeviceFileReader(Map<String, DriverFactory> factories, ProfileLibrary profiles, PollDefaults defaults,
                     DriverContext context) {
        this.factories = factories;
        this.profiles = profiles;
        this.defaults = defaults;
        this.context = context;
    }

    /** The device, or empty when it is too broken to make a driver (its mistakes are reported). */
    Optional<DeviceConfig> read(YamlSection root, Path file) {
        String id = root.text("id");
        if (root.has("id") && !AgentFileReader.ID.matcher(id).matches()) {
            root.error("id", "expected 1 to 64 letters, digits, '.', '_' or '-', got '" + id + "'");
        }
        String name = root.text("name", "");
        String protocol = root.text("protocol");
        DriverFactory factory = factories.get(protocol);
        if (factory == null && root.has("protocol")) {
            root.error("protocol", "unknown protocol '" + protocol + "': expected one of " + new TreeSet<>(factories.keySet()));
        }
        var interval = root.duration("interval", defaults.interval());
        var timeout = root.duration("timeout", defaults.timeout());

        List<YamlSection> ownPoints = root.maps("points");
        List<YamlSection> pointMaps = new ArrayList<>(profilePoints(root, protocol));
        pointMaps.addAll(ownPoints);
        if (pointMaps.isEmpty()) {
            root.error("points", "expected at least one point, in 'points:' or from a 'profile:'");
        }
        List<PointSpec> points = new ArrayList<>();
        Map<String, Carrier> carriers = new HashMap<>();
        Map<String, PointAccounting> accounting = new HashMap<>();
        Map<String, YamlSection> seen = new HashMap<>();
        for (YamlSection p : pointMaps) {
            PointSpec point = point(p);
            YamlSection earlier = seen.putIfAbsent(point.id(), p);
            if (earlier != null && !point.id().isEmpty()) {
                p.error("id", "duplicate point id '" + point.id() + "' in device '" + id + "': already defined at "
                        + earlier.location());
            }
            points.add(point);
            accounting(p, point).ifPresent(a -> {
                carriers.put(point.id(), a.carrier());
                accounting.put(point.id(), a);
            });
        }
        double ratedPower = root.number("rated-power", 0.001, 1e7, Double.NaN);
        String serialPoint = root.optionalText("serial-point").orElse(null);
        if (serialPoint != null && !seen.containsKey(serialPoint)) {
            root.error("serial-point", "expected the id of one of this device's points, got '" + serialPoint + "'");
            serialPoint = null;
        }
        YamlSection connection = root.requiredMap("connection");
        if (factory == null) {
            connection.ignoreUnknownFields();
            ownPoints.forEach(YamlSection::ignoreUnknownFields);
            return Optional.empty();
        }
        DeviceSpec spec = new DeviceSpec(id, protocol, interval, timeout, points);
        Driver driver = factory.create(context, spec, connection, List.copyOf(pointMaps));
        return Optional.of(new DeviceConfig(spec, name, carriers, driver, file, accounting, ratedPower, serialPoint));
    }

    private List<YamlSection> profilePoints(YamlSection root, String protocol) {
        Optional<String> profileName = root.optionalText("profile");
        if (profileName.isEmpty()) {
            return List.of();
        }
        if (!profiles.exists(profileName.get())) {
            root.error("profile", "unknown profile '" + profileName.get() + "': expected one of " + profiles.available());
            return List.of();
        }
        Optional<Profile> profile = profiles.find(profileName.get());
        if (profile.isEmpty()) {
            return List.of();
        }
        if (!profile.get().protocol().equals(protocol)) {
            root.error("profile", "profile '" + profileName.get() + "' is for protocol '" + profile.get().protocol()
                    + "', but this device uses '" + protocol + "'");
            return List.of();
        }
        return profile.get().points();
    }

    private static PointSpec point(YamlSection p) {
        String id = p.text("id");
        if (p.has("id") && !AgentFileReader.ID.matcher(id).matches()) {
            p.error("id", "expected 1 to 64 letters, digits, '.', '_' or '-', got '" + id + "'");
        }
        if (!p.has("kind")) {
            p.error("kind", "missing required field 'kind': expected one of counter, gauge, state");
        }
        PointKind kind = p.choice("kind", PointKind.class, PointKind.GAUGE);
        return new PointSpec(id, kind, p.text("unit", ""));
    }

    /** The point's accounting fields: carrier (counters), integrate (gauges), rollover, max-rate. */
    private static Optional<PointAccounting> accounting(YamlSection p, PointSpec point) {
        Carrier carrier = p.choice("carrier", Carrier.class, null);
        Carrier integrate = p.choice("integrate", Carrier.class, null);
        double rollover = p.number("rollover", 1e-6, 1e18, Double.NaN);
        double maxRate = p.number("max-rate", 1e-9, 1e15, Double.NaN);
        String kind = point.kind().name().toLowerCase(java.util.Locale.ROOT);
        if (carrier != null && point.kind() != PointKind.COUNTER) {
            p.error("carrier", "a carrier is accounted only on counters; this point is a " + kind
                    + " (set kind: counter, or use integrate: for a power or flow gauge)");
            return Optional.empty();
        }
        if (integrate != null && point.kind() != PointKind.GAUGE) {
            p.error("integrate", "only a gauge (power, flow) is integrated; this point is a " + kind
                    + " (use carrier: on a counter)");
            return Optional.empty();
        }
        if ((!Double.isNaN(rollover) || !Double.isNaN(maxRate)) && carrier == null) {
            p.error(!Double.isNaN(rollover) ? "rollover" : "max-rate",
                    "rollover and max-rate apply to counters with a carrier");
        }
        if (carrier != null) {
            if (carrier.factorFrom(point.unit(), AccountingConfig.DIESEL_KG_PER_LITRE).isEmpty()) {
                p.error("unit", "a " + carrier.configName() + " counter is accounted in " + carrier.unit()
                        + "; unit '" + point.unit() + "' does not convert to it");
            }
            return Optional.of(new PointAccounting(carrier, false, rollover, maxRate));
        }
        if (integrate != null && integrate.rateFactorFrom(point.unit(), AccountingConfig.DIESEL_KG_PER_LITRE).isEmpty()) {
            p.error("unit", "integrating into " + integrate.configName() + " needs a rate in " + integrate.unit()
                    + " per hour (kW or W for kWh, m3/h for m3), got '" + point.unit() + "'");
        }
        return Optional.ofNullable(integrate).map(c -> new PointAccounting(c, true, Double.NaN, Double.NaN));
    }
}
