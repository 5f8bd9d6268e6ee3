package io.carbonedge.bench;

import io.carbonedge.driver.ConfigSection;
import io.carbonedge.driver.DeviceSpec;
import io.carbonedge.driver.DeviceUnavailableException;
import io.carbonedge.driver.Driver;
import io.carbonedge.driver.DriverContext;
import io.carbonedge.driver.PointKind;
import io.carbonedge.driver.PointSpec;
import io.carbonedge.driver.Sample;
import io.carbonedge.driver.opcua.OpcUaDriverFactory;
import io.carbonedge.driver.opcua.sim.OpcUaSimulator;
import io.carbonedge.driver.opcua.sim.SimulatorOptions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Values per second through the OPC UA subscription path with 5,000 monitored items, and the
 * client's heap and RSS while it runs. The server (the Milo simulator, 5,000 variables changing
 * every 100 ms) runs in a child JVM so that the numbers are the gateway's alone.
 *
 * <pre>
 * java -Xmx64m -cp CLASSPATH io.carbonedge.bench.OpcUaSubscriptionBench [items=5000] [seconds=30]
 * </pre>
 *
 * The driver is polled once a second, as the agent polls a device; items are sampled every
 * 100 ms and published every 500 ms, so at most 50,000 values/s can arrive.
 */
public final class OpcUaSubscriptionBench {

    private OpcUaSubscriptionBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("serve")) {
            serve(Integer.parseInt(args[1]));
            return;
        }
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        if (System.getProperty("logback.configurationFile") != null) {
            command.add("-Dlogback.configurationFile=" + System.getProperty("logback.configurationFile"));
        }
        command.addAll(List.of(OpcUaSubscriptionBench.class.getName(), "serve", String.valueOf(items)));
        Process server = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(server.getInputStream()));
            String url = out.lines().filter(l -> l.startsWith("opc.tcp://")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("server did not start"));
            Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
            drain.setDaemon(true);
            drain.start();
            run(url, items, seconds);
        } finally {
            server.destroy();
        }
    }

    private static void serve(int items) throws Exception {
        Path pki = Files.createTempDirectory("bench-server-pki");
        OpcUaSimulator sim = OpcUaSimulator.start(0, pki, SimulatorOptions.defaults().withBenchPoints(items)
                .withModels().withTick(Duration.ofMillis(100)));
        System.out.println(sim.endpointUrl());
        System.out.flush();
        Thread.currentThread().join();
    }

    private static void run(String url, int items, int seconds) throws Exception {
        Path pki = Files.createTempDirectory("bench-client-pki");
        List<PointSpec> specs = new ArrayList<>();
        List<ConfigSection> sections = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            specs.add(new PointSpec(String.format("p%05d", i), PointKind.GAUGE, ""));
            sections.add(new FixedSection(Map.of("node", String.format("ns=2;s=Bench.P%05d", i))));
        }
        ConfigSection connection = new FixedSection(Map.of("endpoint", url, "publishing-interval", "500ms",
                "sampling-interval", "100ms", "pki-dir", pki.toString()));
        DeviceSpec device = new DeviceSpec("bench", "opcua", Duration.ofSeconds(1), Duration.ofSeconds(30), specs);
        try (Driver driver = new OpcUaDriverFactory().create(new DriverContext(pki, pki), device, connection, sections)) {
            long warmupEnd = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (System.nanoTime() < warmupEnd) {
                poll(driver);
                Thread.sleep(1000);
            }
            long values = 0;
            long maxHeap = 0;
            long maxRss = 0;
            long start = System.nanoTime();
            for (int s = 0; s < seconds; s++) {
                Thread.sleep(1000);
                values += poll(driver);
                maxHeap = Math.max(maxHeap, usedHeap());
                maxRss = Math.max(maxRss, rssKb());
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            System.out.printf("items=%d seconds=%.1f values=%d values/s=%.0f max-heap-used=%.1f MB heap-max=%.0f MB max-rss=%.1f MB%n",
                    items, elapsed, values, values / elapsed, maxHeap / 1048576.0,
                    Runtime.getRuntime().maxMemory() / 1048576.0, maxRss / 1024.0);
        }
    }

    private static int poll(Driver driver) {
        try {
            List<Sample> samples = driver.read(Instant.now());
            return samples.size();
        } catch (DeviceUnavailableException e) {
            System.out.println("unavailable: " + e.getMessage());
            return 0;
        }
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long rssKb() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("VmRSS:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")))
                    .findFirst().orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }

    /** A configuration map with fixed values, standing in for a device file. */
    private record FixedSection(Map<String, String> values) implements ConfigSection {
        public boolean has(String f) { return values.containsKey(f); }
        public String text(String f) { return values.getOrDefault(f, ""); }
        public Optional<String> optionalText(String f) { return Optional.ofNullable(values.get(f)); }
        public String text(String f, String fallback) { return values.getOrDefault(f, fallback); }
        public long integer(String f, long min, long max) { return Long.parseLong(values.get(f)); }
        public long integer(String f, long min, long max, long fallback) { return has(f) ? Long.parseLong(values.get(f)) : fallback; }
        public double number(String f, double min, double max, double fallback) { return has(f) ? Double.parseDouble(values.get(f)) : fallback; }
        public boolean flag(String f, boolean fallback) { return has(f) ? Boolean.parseBoolean(values.get(f)) : fallback; }
        public Duration duration(String f, Duration fallback) {
            String v = values.get(f);
            return v == null ? fallback : Duration.ofMillis(Long.parseLong(v.replace("ms", "")));
        }
        public <E extends Enum<E>> E choice(String f, Class<E> type, E fallback) { return fallback; }
        public ConfigSection section(String f) { return new FixedSection(Map.of()); }
        public Optional<ConfigSection> optionalSection(String f) { return Optional.empty(); }
        public List<ConfigSection> sections(String f) { return List.of(); }
        public void reportError(String f, String expected) { throw new IllegalArgumentException(f + ": " + expected); }
        public String location() { return "bench"; }
    }
}
