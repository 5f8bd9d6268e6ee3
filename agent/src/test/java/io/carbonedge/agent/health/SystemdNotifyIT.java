package io.carbonedge.agent.health;

import io.carbonedge.agent.Agent;
import io.carbonedge.agent.config.AgentConfig;
import io.carbonedge.agent.config.ConfigLoader;
import io.carbonedge.driver.ConfigSection;
import io.carbonedge.driver.DeviceSpec;
import io.carbonedge.driver.Driver;
import io.carbonedge.driver.DriverContext;
import io.carbonedge.driver.DriverFactory;
import io.carbonedge.driver.Sample;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXDatagramSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The sd_notify protocol against a real AF_UNIX datagram socket, as systemd listens on it. */
class SystemdNotifyIT {

    @TempDir
    Path dir;

    private AFUNIXDatagramSocket systemd;
    private Path socketPath;

    @BeforeEach
    void listenLikeSystemd() throws IOException {
        socketPath = dir.resolve("notify.sock");
        systemd = AFUNIXDatagramSocket.newInstance();
        systemd.bind(AFUNIXSocketAddress.of(socketPath));
        systemd.setSoTimeout(500);
    }

    @AfterEach
    void close() {
        systemd.close();
    }

    /** The next message, or null when none comes within the socket timeout. */
    private String next() throws IOException {
        DatagramPacket packet = new DatagramPacket(new byte[1024], 1024);
        try {
            systemd.receive(packet);
            return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    private String awaitMessage(String prefix, Duration within) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            String m = next();
            if (m != null && m.startsWith(prefix)) {
                return m;
            }
        }
        return null;
    }

    @Test
    void theRealAgentSaysReadyOnceConfiguredAndPingsTheWatchdog() throws Exception {
        Path config = dir.resolve("config");
        Files.createDirectories(config.resolve("devices"));
        Files.writeString(config.resolve("agent.yaml"), "gateway-id: gw\ndata-dir: " + dir.resolve("data")
                + "\nuplinks:\n  - name: park\n    uri: coap://127.0.0.1:9/x\n");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of("target", "carbonedge.jar").toAbsolutePath().toString(), "run", "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("agent.log").toFile());
        builder.environment().put("NOTIFY_SOCKET", socketPath.toString());
        builder.environment().put("WATCHDOG_USEC", "1000000");
        Process agent = builder.start();
        try {
            assertThat(awaitMessage("READY=1", Duration.ofSeconds(30))).as(Files.readString(dir.resolve("agent.log")))
                    .isEqualTo("READY=1\nSTATUS=polling 0 device(s)");
            assertThat(awaitMessage("WATCHDOG=1", Duration.ofSeconds(5))).isEqualTo("WATCHDOG=1");
            agent.destroy();
            assertThat(awaitMessage("STOPPING=1", Duration.ofSeconds(10))).isEqualTo("STOPPING=1");
        } finally {
            agent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void watchdogPingsStopWhileADeviceReadHangs() throws Exception {
        HangingFactory factory = new HangingFactory();
        Path config = dir.resolve("config");
        Files.createDirectories(config.resolve("devices"));
        Files.writeString(config.resolve("agent.yaml"), "gateway-id: gw\ndata-dir: " + dir.resolve("data")
                + "\nuplinks:\n  - name: park\n    uri: coap://127.0.0.1:9/x\n");
        Files.writeString(config.resolve("devices/plc.yaml"),
                "id: plc\nprotocol: hang\ninterval: 100ms\ntimeout: 100ms\nconnection: {}\npoints:\n  - id: p\n    kind: gauge\n");
        AgentConfig agentConfig = new ConfigLoader(Map.of("hang", factory)).load(config);
        SystemdNotifier notifier = SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", socketPath.toString(),
                "WATCHDOG_USEC", "1000000")).orElseThrow();
        try (Agent agent = Agent.start(agentConfig, Clock.systemUTC());
             Watchdog watchdog = new Watchdog(notifier, notifier.watchdogPeriod().orElseThrow(), agent::stuck)) {
            assertThat(awaitMessage("WATCHDOG=1", Duration.ofSeconds(5))).isNotNull();

            factory.hang.set(true);   // the next read never returns, as with a wedged driver
            // the read counts as hung after 3 x timeout + 5 s
            await().atMost(Duration.ofSeconds(30)).until(() -> agent.stuck().isPresent());
            assertThat(agent.stuck()).hasValueSatisfying(s -> assertThat(s).contains("device plc"));
            long drainUntil = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            while (System.nanoTime() < drainUntil) {
                next();   // a ping sent just before the watchdog noticed may still be queued
            }
            assertThat(awaitMessage("WATCHDOG=1", Duration.ofSeconds(3))).as("no ping while hung").isNull();
            factory.release.countDown();
        } finally {
            notifier.close();
        }
    }

    /** A driver whose read can be made to hang, standing in for a wedged protocol stack. */
    static final class HangingFactory implements DriverFactory {
        final AtomicBoolean hang = new AtomicBoolean();
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public String protocol() {
            return "hang";
        }

        @Override
        public Driver create(DriverContext context, DeviceSpec device, ConfigSection connection,
                             List<ConfigSection> points) {
            return new Driver() {
                @Override
                public List<Sample> read(Instant now) {
                    if (hang.get()) {
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return List.of(Sample.good("p", now, 1));
                }

                @Override
                public void close() {
                    release.countDown();
                }
            };
        }
    }
}
