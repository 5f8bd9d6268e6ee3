package io.carbonedge.agent.demo;

import io.carbonedge.agent.Agent;
import io.carbonedge.agent.config.AgentConfig;
import io.carbonedge.agent.config.ConfigLoader;
import io.carbonedge.agent.config.InvalidConfigException;
import io.carbonedge.agent.receiver.PlatformReceiver;
import io.carbonedge.agent.store.BufferStats;
import io.carbonedge.agent.uplink.UplinkStatus;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The whole path in one process: simulated Modbus devices → agent → local platform receiver,
 * configured from {@code config/demo/}, with a live view and a final summary.
 */
public final class Demo {

    private final Path dir;
    private final PrintWriter out;

    /** @param dir holds {@code config/} (written here), {@code agent/} (the buffer) and {@code receiver/} */
    public Demo(Path dir, PrintWriter out) {
        this.dir = dir;
        this.out = out;
    }

    /** Runs for {@code duration}, or until the JVM is asked to stop when it is {@code null}. */
    public void run(Duration duration, Duration every) throws IOException, SQLException, InvalidConfigException,
            InterruptedException {
        AgentConfig config = new ConfigLoader().load(DemoConfig.writeTo(dir.resolve("config")))
                .withDataDir(dir.resolve("agent"));
        URI platform = config.uplinks().get(0).uri();
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            awaitQuietly(finished);
        }, "demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (DemoDevices devices = DemoDevices.start(config.accounting().zone(), dir.resolve("simulator-pki"));
             PlatformReceiver receiver = PlatformReceiver.start(platform.getHost(), platform.getPort(),
                     dir.resolve("receiver"), platform.getPath().replaceFirst("^/", ""))) {
            out.printf("carbonedge demo: gateway %s, %d simulated devices, platform receiver at %s%n",
                    config.gatewayId(), config.devices().size(), receiver.uri());
            out.printf("data in %s; accounting interval %s%s%n%n", dir, config.accounting().interval().toMinutes() + "m",
                    duration == null ? "; Ctrl-C stops" : "; running for " + duration.toSeconds() + "s");
            out.flush();
            Agent agent = Agent.start(config, Clock.systemUTC());
            try {
                LiveView view = new LiveView(agent, receiver, out);
                long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
                while (!stop.await(Math.min(every.toNanos(), Math.max(0, deadline - System.nanoTime())), TimeUnit.NANOSECONDS)
                        && System.nanoTime() < deadline) {
                    view.print();
                }
                agent.stopPollingAndDrain(Duration.ofSeconds(10));
            } finally {
                agent.close();
            }
            summary(agent, receiver, config.accounting().zone());
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyStopping) {
                // the hook is running: it waits for us
            }
        }
    }

    private void summary(Agent agent, PlatformReceiver receiver, ZoneId zone) throws SQLException {
        BufferStats buffer = agent.bufferStats();
        out.printf("%n== summary ==%n");
        out.printf("agent buffer: %d readings (last seq %d), %d interval totals, %d KiB%n",
                buffer.readings(), buffer.lastSeq(), buffer.totals(), buffer.fileBytes() / 1024);
        for (UplinkStatus uplink : agent.uplinks()) {
            out.printf("uplink %s: %s, acknowledged %s%n", uplink.name(), uplink.state(), uplink.acknowledged());
        }
        out.printf("platform receiver:%n%s", receiver.summary().indent(2));
        String where = "--config " + dir.resolve("config") + " --data " + dir.resolve("agent");
        out.printf("%nlook inside: carbonedge status %s%n", where);
        out.printf("             carbonedge totals %s [--csv]%n", where);
        LocalDate today = LocalDate.now(zone);
        out.printf("             carbonedge export %s --from %s --to %s --csv%n", where, today, today);
        out.flush();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
