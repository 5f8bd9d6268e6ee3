package io.carbonedge.agent.cli;

import io.carbonedge.agent.Agent;
import io.carbonedge.agent.config.AgentConfig;
import io.carbonedge.agent.config.ConfigLoader;
import io.carbonedge.driver.DriverFactory;
import io.carbonedge.agent.health.SystemdNotifier;
import io.carbonedge.agent.health.Watchdog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code carbonedge run}: the agent, until it is stopped (SIGTERM / Ctrl-C shuts it down cleanly). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the agent: poll the configured devices, buffer, total and forward.")
final class RunCommand implements Callable<Integer> {

    @Mixin
    DataDirOption location;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Map<String, DriverFactory> drivers = ConfigLoader.discover();
        Optional<AgentConfig> loaded = location.load(new ConfigLoader(drivers), spec.commandLine().getErr());
        if (loaded.isEmpty()) {
            return Main.INVALID;
        }
        AgentConfig c = loaded.get();
        Agent agent = Agent.start(c, VersionProvider.buildTime());
        Optional<SystemdNotifier> systemd = SystemdNotifier.fromEnvironment(System.getenv());
        Optional<Watchdog> watchdog = systemd.flatMap(n -> n.watchdogPeriod().map(p -> new Watchdog(n, p, agent::stuck)));
        StatusLight light = StatusLight.start(System.getenv(), drivers, agent);
        systemd.ifPresent(n -> n.ready("polling " + c.devices().size() + " device(s)"));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            systemd.ifPresent(SystemdNotifier::stopping);
            watchdog.ifPresent(Watchdog::close);
            light.close();
            agent.close();
            systemd.ifPresent(SystemdNotifier::close);
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
        return Main.OK;
    }
}
