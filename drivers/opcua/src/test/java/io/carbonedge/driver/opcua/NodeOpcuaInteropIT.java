package io.carbonedge.driver.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.carbonedge.driver.DeviceUnavailableException;
import io.carbonedge.driver.Sample;
import io.carbonedge.driver.opcua.pki.CertificateEntry;
import io.carbonedge.driver.opcua.pki.PkiDirectory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interoperability with an OPC UA stack written by others: a node-opcua server
 * ({@code src/test/node/server.js}), with its certificates under the test's temporary directory
 * (XDG_CONFIG_HOME and its PKI folder both point there). Needs Node and {@code npm ci} in
 * {@code src/test/node}; skipped without them, except in CI where that is a failure.
 */
class NodeOpcuaInteropIT {

    private static final Path NODE_DIR = Path.of("src/test/node").toAbsolutePath();
    private static final Pattern READY = Pattern.compile("READY \\{\"endpoint\":\"([^\"]+)\",\"namespace\":\"([^\"]+)\"}");

    @TempDir
    static Path dir;
    static Process server;
    static String endpoint;
    static String namespaceUri;

    @BeforeAll
    static void startNodeOpcuaServer() throws Exception {
        boolean ready = Files.isDirectory(NODE_DIR.resolve("node_modules/node-opcua")) && nodeAvailable();
        if (System.getenv("CI") != null && !ready) {
            throw new IllegalStateException("CI: node and " + NODE_DIR.resolve("node_modules/node-opcua")
                    + " are needed (run npm ci in " + NODE_DIR + ")");
        }
        assumeThat(ready).as("node and node-opcua installed (npm ci in src/test/node)").isTrue();
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder("node", "server.js", String.valueOf(port), dir.resolve("node-pki").toString())
                .directory(NODE_DIR.toFile())
                .redirectErrorStream(true);
        builder.environment().put("XDG_CONFIG_HOME", dir.resolve("xdg").toString());
        server = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        Matcher ready2 = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    seen.append(line).append('\n');
                    Matcher m = READY.matcher(line);
                    if (m.find()) {
                        return m;
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            return null;
        }).get(90, TimeUnit.SECONDS);
        if (ready2 == null) {
            throw new IllegalStateException("node-opcua server did not start:\n" + seen);
        }
        endpoint = ready2.group(1).replaceFirst("//[^:/]+:", "//127.0.0.1:");
        namespaceUri = ready2.group(2);
        Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "node-opcua-output");
        drain.setDaemon(true);
        drain.start();
    }

    @AfterAll
    static void stopNodeOpcuaServer() throws Exception {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void subscribesByBrowsePathWithoutSecurity() {
        Path pki = dir.resolve("pki-none");
        try (OpcUaDriver driver = device(pki).connection("publishing-interval", "200ms").connection("sampling-interval", "100ms")
                .point("flow", "browse-path", "Objects/Boiler2/GasFlow")
                .create(pki)) {
            List<Sample> samples = Samples.collectUntil(driver, Duration.ofSeconds(20), s -> Samples.values(s, "flow").size() >= 3);
            assertThat(samples).allMatch(Sample::isGood);
            assertThat(Samples.values(samples, "flow")).allMatch(v -> v >= 350 && v <= 450);
        }
    }

    @Test
    void readsOverBasic256Sha256SignAndEncryptOnceTheServerIsTrusted() throws Exception {
        Path pki = dir.resolve("pki-secure");
        PkiDirectory directory = new PkiDirectory(pki);
        try (OpcUaDriver driver = device(pki).connection("security-policy", "basic256sha256")
                .connection("security-mode", "sign-and-encrypt").connection("mode", "read")
                .point("counter", "node", "nsu=" + namespaceUri + ";s=Boiler2.GasCounter")
                .create(pki)) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThatThrownBy(() -> driver.read(Instant.now()))
                            .isInstanceOf(DeviceUnavailableException.class)
                            .hasMessageContaining("not trusted"));
            CertificateEntry rejected = directory.list().get(0);
            assertThat(rejected.status()).isEqualTo(CertificateEntry.Status.REJECTED);
            directory.trust(rejected.name());
            List<Sample> samples = Samples.collectUntil(driver, Duration.ofSeconds(20), s -> Samples.values(s, "counter").size() >= 2);
            assertThat(samples).allMatch(Sample::isGood);
            List<Double> counter = Samples.values(samples, "counter");
            assertThat(counter.get(counter.size() - 1)).isGreaterThanOrEqualTo(counter.get(0)).isGreaterThan(1000.0);
        }
    }

    private static DeviceFixture device(Path pki) {
        return new DeviceFixture().connection("endpoint", endpoint).connection("pki-dir", pki.toString());
    }

    private static boolean nodeAvailable() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
