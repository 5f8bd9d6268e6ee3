package io.carbonedge.agent.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The whole validated configuration: {@code agent.yaml} plus every device file.
 *
 * @param gatewayId  names this gateway to the platform, e.g. {@code plant-07-gw1}
 * @param dataDir    where the buffer database lives
 * @param poll       defaults for devices that do not set their own
 * @param store      buffer settings
 * @param uplinks    the platforms to forward to, each with its own watermark
 * @param accounting interval and conversion factors
 * @param devices    every device, in file-name order
 */
public record AgentConfig(
        String gatewayId,
        Path dataDir,
        PollDefaults poll,
        StoreConfig store,
        List<UplinkConfig> uplinks,
        AccountingConfig accounting,
        List<DeviceConfig> devices) {

    public AgentConfig {
        uplinks = List.copyOf(uplinks);
        devices = List.copyOf(devices);
    }

    /** A copy with another data directory (the CLI's {@code --data} wins over the file). */
    public AgentConfig withDataDir(Path dir) {
        return new AgentConfig(gatewayId, dir, poll, store, uplinks, accounting, devices);
    }
}
