package io.carbonedge.agent.config;

import io.carbonedge.agent.totals.Carrier;
import io.carbonedge.agent.totals.ConversionFactors;
import io.carbonedge.agent.totals.GridFactors;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the sections of {@code agent.yaml} into their records, applying the documented defaults. */
final class AgentFileReader {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern UPLINK_NAME = Pattern.compile("[a-z0-9-]{1,32}");
    private static final long MINUTES_PER_HOUR = 60;

    private final YamlSection root;
    private final Path configDir;

    AgentFileReader(YamlSection root, Path configDir) {
        this.root = root;
        this.configDir = configDir;
    }

    String gatewayId() {
        String id = root.text("gateway-id");
        if (root.has("gateway-id") && !ID.matcher(id).matches()) {
            root.error("gateway-id", "expected 1 to 64 letters, digits, '.', '_' or '-', got '" + id + "'");
        }
        return id;
    }

    Path dataDir() {
        return configDir.resolve(root.text("data-dir", "/var/lib/carbonedge")).normalize();
    }

    PollDefaults poll() {
        YamlSection s = root.mapOrEmpty("poll");
        return new PollDefaults(
                s.duration("interval", Duration.ofSeconds(10)),
                s.duration("timeout", Duration.ofSeconds(2)),
                s.duration("backoff-max", Duration.ofMinutes(5)));
    }

    StoreConfig store() {
        YamlSection s = root.mapOrEmpty("store");
        return new StoreConfig(
                s.duration("commit-interval", Duration.ofMillis(200)),
                (int) s.integer("max-batch", 1, 100_000, 5000),
                s.duration("retention", Duration.ofDays(183)),
                s.integer("max-size-mb", 0, 1_000_000, 1024) << 20,
                (int) s.integer("memory-samples", 1000, 10_000_000, 50_000));
    }

    List<UplinkConfig> uplinks() {
        List<UplinkConfig> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<YamlSection> items = root.maps("uplinks");
        if (items.isEmpty() && !root.has("uplinks")) {
            root.error("uplinks", "missing required field 'uplinks': expected a list of platforms to forward to");
        }
        for (YamlSection s : items) {
            String name = s.text("name");
            if (s.has("name") && !UPLINK_NAME.matcher(name).matches()) {
                s.error("name", "expected 1 to 32 lower-case letters, digits or '-', got '" + name + "'");
            } else if (s.has("name") && !names.add(name)) {
                s.error("name", "duplicate uplink name '" + name + "'");
            }
            URI uri = uri(s);
            out.add(new UplinkConfig(name, uri,
                    s.choice("format", PayloadFormat.class, PayloadFormat.SENML_CBOR),
                    (int) s.integer("batch-size", 1, 10_000, 500),
                    s.duration("timeout", Duration.ofSeconds(10)),
                    s.duration("backoff-min", Duration.ofSeconds(1)),
                    s.duration("backoff-max", Duration.ofMinutes(5)),
                    new UplinkSecurityReader(s, configDir).read("coaps".equals(uri.getScheme())),
                    maxRate(s)));
        }
        return out;
    }

    private static int maxRate(YamlSection s) {
        String text = s.optionalText("max-rate").map(String::strip).orElse(null);
        if (text == null) {
            return UplinkConfig.DEFAULT_MAX_RATE;
        }
        if (text.equals("unlimited")) {
            return UplinkConfig.UNLIMITED;
        }
        try {
            long rate = Long.parseLong(text.replace("_", ""));
            if (rate >= 1 && rate <= 1_000_000) {
                return (int) rate;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        s.error("max-rate", "expected readings per second from 1 to 1000000, or unlimited, got '" + text + "'");
        return UplinkConfig.DEFAULT_MAX_RATE;
    }

    private static URI uri(YamlSection s) {
        String text = s.text("uri");
        if (!s.has("uri")) {
            return URI.create("coap://invalid");
        }
        try {
            URI uri = new URI(text);
            if (!("coap".equals(uri.getScheme()) || "coaps".equals(uri.getScheme())) || uri.getHost() == null) {
                s.error("uri", "expected a URI such as coap://platform.example:5683/carbonedge or "
                        + "coaps://platform.example:5684/carbonedge, got '" + text + "'");
                return URI.create("coap://invalid");
            }
            return uri;
        } catch (URISyntaxException e) {
            s.error("uri", "expected a URI such as coap://platform.example:5683/carbonedge, got '" + text + "'");
            return URI.create("coap://invalid");
        }
    }

    AccountingConfig accounting() {
        YamlSection s = root.mapOrEmpty("accounting");
        Duration interval = s.duration("interval", Duration.ofMinutes(15));
        if (interval.toMillis() % 60_000 != 0 || MINUTES_PER_HOUR % Math.max(1, interval.toMinutes()) != 0
                || interval.toMinutes() == 0) {
            s.error("interval", "expected a whole number of minutes that divides an hour "
                    + "(1m, 2m, 3m, 4m, 5m, 6m, 10m, 12m, 15m, 20m, 30m, 60m), got " + s.text("interval", ""));
            interval = Duration.ofMinutes(15);
        }
        double electricity = s.number("electricity-kgce-per-kwh", 0.01, 1.0, ConversionFactors.ELECTRICITY_CALORIFIC);
        String basis = s.text("electricity-basis", electricity == ConversionFactors.ELECTRICITY_CALORIFIC
                ? "calorific-equivalent" : "equal-value");
        if (basis.equals("equal-value") && !s.has("electricity-kgce-per-kwh")) {
            s.error("electricity-basis", "equal-value needs this year's coefficient in electricity-kgce-per-kwh "
                    + "(about 0.30 kgce/kWh, published yearly)");
        } else if (basis.equals("calorific-equivalent") && s.has("electricity-kgce-per-kwh")
                && electricity != ConversionFactors.ELECTRICITY_CALORIFIC) {
            s.error("electricity-kgce-per-kwh", "the calorific equivalent is 0.1229; for another coefficient set "
                    + "electricity-basis: equal-value, got " + electricity);
        } else if (!basis.equals("equal-value") && !basis.equals("calorific-equivalent")) {
            s.error("electricity-basis", "expected calorific-equivalent or equal-value, got '" + basis + "'");
        }
        return new AccountingConfig(interval, zone(s), s.duration("grace", Duration.ofMinutes(2)), electricity,
                gridFactor(s), perCarrier(s.mapOrEmpty("ncv"), 1_000, 100_000, NCV_CARRIERS),
                perCarrier(s.mapOrEmpty("kgce-factors"), 0, 1_000, List.of(Carrier.values())),
                perCarrier(s.mapOrEmpty("co2-factors"), 0, 10_000, List.of(Carrier.values())),
                s.number("diesel-density", 0.5, 1.2, AccountingConfig.DIESEL_KG_PER_LITRE),
                s.number("grid-non-fossil-share", 0, 1, 0));
    }

    private static final List<Carrier> NCV_CARRIERS = List.of(Carrier.NATURAL_GAS, Carrier.COAL, Carrier.DIESEL);

    /** Numbers keyed by carrier name, e.g. {@code ncv: {natural-gas: 38931}}. */
    private static Map<Carrier, Double> perCarrier(YamlSection s, double min, double max, List<Carrier> allowed) {
        Map<Carrier, Double> out = new EnumMap<>(Carrier.class);
        for (Carrier c : allowed) {
            if (s.has(c.configName())) {
                out.put(c, s.number(c.configName(), min, max, 0));
            }
        }
        return out;
    }

    private static ZoneId zone(YamlSection s) {
        String text = s.text("zone", "Asia/Shanghai");
        try {
            return ZoneId.of(text);
        } catch (java.time.DateTimeException e) {
            s.error("zone", "expected a time zone such as Asia/Shanghai, got '" + text + "'");
            return ZoneId.of("Asia/Shanghai");
        }
    }

    private static GridFactor gridFactor(YamlSection s) {
        String text = s.text("grid-factor", "mee-2022-national");
        var named = GridFactors.byName(text);
        if (named.isPresent()) {
            return new GridFactor(text, named.get());
        }
        try {
            double value = Double.parseDouble(text);
            if (value >= 0 && value <= 2) {
                return new GridFactor("explicit", value);
            }
            s.error("grid-factor", "expected kgCO2/kWh from 0 to 2, got " + text);
        } catch (NumberFormatException e) {
            s.error("grid-factor", "expected one of " + String.join(", ", GridFactors.names())
                    + " or a number in kgCO2/kWh, got '" + text + "'");
        }
        return new GridFactor("mee-2022-national", GridFactors.byName("mee-2022-national").orElseThrow());
    }
}
