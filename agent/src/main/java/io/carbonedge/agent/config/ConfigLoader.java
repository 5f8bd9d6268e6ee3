package io.carbonedge.agent.config;

import io.carbonedge.driver.DriverContext;
import io.carbonedge.driver.DriverFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * Loads a configuration directory: {@code agent.yaml}, every {@code devices/*.yaml} (in file-name
 * order) and the profiles they use. Every mistake in every file is collected and thrown together,
 * each with its file, line, column, field and what was expected.
 */
public final class ConfigLoader {

    private final Map<String, DriverFactory> factories;

    /** Uses every {@link DriverFactory} on the class path. */
    public ConfigLoader() {
        this(discover());
    }

    public ConfigLoader(Map<String, DriverFactory> factories) {
        this.factories = Map.copyOf(factories);
    }

    /** Every {@link DriverFactory} on the class path, by protocol. */
    public static Map<String, DriverFactory> discover() {
        Map<String, DriverFactory> found = new HashMap<>();
        ServiceLoader.load(DriverFactory.class).forEach(f -> found.put(f.protocol(), f));
        return found;
    }

    public AgentConfig load(Path configDir) throws InvalidConfigException {
        ConfigErrors errors = new ConfigErrors();
        Path agentFile = configDir.resolve("agent.yaml");
        if (!Files.isRegularFile(agentFile)) {
            errors.add("agent.yaml", 0, 0, "", "missing: expected the agent's settings in " + agentFile.toAbsolutePath());
            throw new InvalidConfigException(errors.sorted());
        }
        Optional<YamlNode.MapNode> agentTree = YamlTree.parse(agentFile, "agent.yaml", errors);
        if (agentTree.isEmpty()) {
            throw new InvalidConfigException(errors.sorted());
        }
        YamlSection agentRoot = new YamlSection("agent.yaml", "", agentTree.get(), errors);
        AgentFileReader agent = new AgentFileReader(agentRoot, configDir);
        String gatewayId = agent.gatewayId();
        Path dataDir = agent.dataDir();
        PollDefaults poll = agent.poll();
        StoreConfig store = agent.store();
        List<UplinkConfig> uplinks = agent.uplinks();
        AccountingConfig accounting = agent.accounting();
        agentRoot.reportUnknownFields();

        List<DeviceConfig> devices = devices(new DriverContext(configDir, dataDir), poll, errors);
        if (!errors.isEmpty()) {
            devices.forEach(d -> d.driver().close());
            throw new InvalidConfigException(errors.sorted());
        }
        return new AgentConfig(gatewayId, dataDir, poll, store, uplinks, accounting, devices);
    }

    private List<DeviceConfig> devices(DriverContext context, PollDefaults poll, ConfigErrors errors) {
        Path configDir = context.configDir();
        ProfileLibrary profiles = new ProfileLibrary(configDir, errors);
        DeviceFileReader reader = new DeviceFileReader(factories, profiles, poll, context);
        List<DeviceConfig> devices = new ArrayList<>();
        Map<String, String> fileOfId = new HashMap<>();
        for (Path file : deviceFiles(configDir.resolve("devices"), errors)) {
            String name = "devices/" + file.getFileName();
            Optional<YamlNode.MapNode> tree = YamlTree.parse(file, name, errors);
            if (tree.isEmpty()) {
                continue;
            }
            YamlSection root = new YamlSection(name, "", tree.get(), errors);
            Optional<DeviceConfig> device = reader.read(root, file);
            root.reportUnknownFields();
            device.ifPresent(d -> {
                String other = fileOfId.putIfAbsent(d.id(), name);
                if (other != null && !d.id().isEmpty()) {
                    root.error("id", "duplicate device id '" + d.id() + "': already used in " + other);
                }
                devices.add(d);
            });
        }
        profiles.reportUnknownFields();
        return devices;
    }

    private static List<Path> deviceFiles(Path dir, ConfigErrors errors) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            errors.add("devices/", 0, 0, "", "cannot list the device files: " + e.getMessage());
            return List.of();
        }
    }
}
