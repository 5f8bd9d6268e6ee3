package io.carbonedge.bench;

import io.carbonedge.agent.store.BufferDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How fast a backlog drains over a link with a real round trip (a {@link DelayedLink} on loopback):
 * block-wise CoAP sends one 1 KB block per round trip, so the drain is bounded by the round trip,
 * not by the agent. Prints readings/s and readings per round trip for each round trip given.
 *
 * <pre>java -Xmx64m -cp bench/target/carbonedge-bench.jar io.carbonedge.bench.DelayedLinkBench [readings] [batch] [rtt-ms,...]</pre>
 */
public final class DelayedLinkBench {

    private DelayedLinkBench() {
    }

    public static void main(String[] args) throws Exception {
        int readings = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        String[] roundTrips = (args.length > 2 ? args[2] : "20,50,100").split(",");
        Path dir = Files.createTempDirectory("bench-backlog");
        try {
            BufferDatabase backlog = BufferBench.fill(dir, readings);
            System.out.printf("backlog of %d readings, %d per batch, plain CoAP%n", readings, batch);
            for (String ms : roundTrips) {
                Duration rtt = Duration.ofMillis(Long.parseLong(ms.strip()));
                double rate = BufferBench.drain(backlog, readings, batch, "rtt-" + rtt.toMillis(), null, rtt);
                System.out.printf("  round trip %4d ms: %8.0f readings/s = %5.1f readings per round trip%n",
                        rtt.toMillis(), rate, rate * rtt.toNanos() / 1e9);
            }
        } finally {
            TempDirs.delete(dir);
        }
    }
}
