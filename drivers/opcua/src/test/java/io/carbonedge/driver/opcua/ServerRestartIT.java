package io.carbonedge.driver.opcua;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonedge.driver.DeviceUnavailableException;
import io.carbonedge.driver.Sample;
import io.carbonedge.driver.opcua.pki.PkiDirectory;
import io.carbonedge.driver.opcua.sim.OpcUaSimulator;
import io.carbonedge.driver.opcua.sim.SimulatorOptions;
import io.carbonedge.driver.testing.TestContexts;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server goes away and comes back on the same port: the devices say why they are offline,
 * then data resumes without touching the driver, through one session shared by both devices.
 *
 * <p>Bound: samples resume within {@link #RESUME_BOUND} of the server listening again. Milo
 * retries the connection after 1, 2, 4, 8, 16 s (at most 16 s between attempts), then creates a
 * session and the subscriptions again; 30 s leaves room for one full retry interval on a slow
 * machine.
 */
class ServerRestartIT {

    static final Duration RESUME_BOUND = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void subscriptionsResumeAfterARestartWithOneSessionForTwoDevices() throws Exception {
        try (OpcUaSimulator sim = OpcUaSimulator.start(0, dir.resolve("server-pki"),
                SimulatorOptions.defaults().withTick(Duration.ofMillis(100)))) {
            Path pki = dir.resolve("pki");
            new PkiDirectory(pki).addTrusted(sim.certificate());
            OpcUaDriverFactory factory = new OpcUaDriverFactory();
            try (OpcUaDriver boiler = device(sim, "sign-and-encrypt").point("gas", "node", "ns=2;s=Boiler1.GasCounter").create(factory, TestContexts.in(dir));
                 OpcUaDriver kiln = device(sim, "sign-and-encrypt").point("coal", "node", "ns=2;s=Kiln1.CoalCounter").create(factory, TestContexts.in(dir))) {
                Samples.collectUntil(boiler, Duration.ofSeconds(15), s -> Samples.hasGood(s, "gas"));
                Samples.collectUntil(kiln, Duration.ofSeconds(15), s -> Samples.hasGood(s, "coal"));
                assertThat(sim.sessionCount()).isEqualTo(1);
                assertThat(factory.openSessions()).isEqualTo(1);

                sim.stop();
                Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                    try {
                        boiler.read(Instant.now());
                        throw new AssertionError("still reading");
                    } catch (DeviceUnavailableException e) {
                        assertThat(e.getMessage()).contains("lost; reconnecting");
                    }
                });

                sim.restart();
                long restarted = System.nanoTime();
                Samples.collectUntil(boiler, RESUME_BOUND, s -> Samples.hasGood(s, "gas"));
                List<Sample> coal = Samples.collectUntil(kiln, RESUME_BOUND, s -> Samples.hasGood(s, "coal"));
                Duration resumedAfter = Duration.ofNanos(System.nanoTime() - restarted);
                System.out.println("samples resumed " + resumedAfter.toMillis() + " ms after the server restarted");
                assertThat(coal).anyMatch(Sample::isGood);
                assertThat(sim.sessionCount()).isEqualTo(1);
                // and it stays one: nothing retries in the background
                Samples.collectUntil(boiler, Duration.ofSeconds(5), s -> s.size() >= 5);
                assertThat(sim.sessionCount()).isEqualTo(1);
            }
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> sim.sessionCount() == 0);
            assertThat(factory.openSessions()).isZero();
        }
    }

    private DeviceFixture device(OpcUaSimulator sim, String mode) {
        return new DeviceFixture().connection("endpoint", sim.endpointUrl())
                .connection("security-policy", "basic256sha256").connection("security-mode", mode)
                .connection("publishing-interval", "200ms").connection("sampling-interval", "100ms");
    }
}
