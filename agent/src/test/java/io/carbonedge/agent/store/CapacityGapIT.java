package io.carbonedge.agent.store;

import io.carbonedge.agent.Agent;
import io.carbonedge.agent.config.AgentConfig;
import io.carbonedge.agent.config.PayloadFormat;
import io.carbonedge.agent.config.StoreConfig;
import io.carbonedge.agent.config.UplinkConfig;
import io.carbonedge.agent.receiver.PlatformReceiver;
import io.carbonedge.driver.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A buffer over its size cap drops the oldest unforwarded readings, and the platform is told how many. */
class CapacityGapIT {

    @TempDir
    Path dir;

    @Test
    void theGapRecordArrivesAndCountsMatch() throws Exception {
        PlatformReceiver first = PlatformReceiver.start("127.0.0.1", 0, dir.resolve("receiver"));
        int port = first.port();
        first.close();   // the platform is down while the gateway prunes
        PlatformReceiver receiver = null;
        try {
            AgentConfig base = BufferWriterTest.config(dir.resolve("agent"));
            UplinkConfig park = new UplinkConfig("park", URI.create("coap://127.0.0.1:" + port + "/carbonedge"),
                    PayloadFormat.SENML_CBOR, 2000, Duration.ofSeconds(5), Duration.ofMillis(100), Duration.ofSeconds(1));
            AgentConfig config = new AgentConfig("gw", dir.resolve("agent"), base.poll(),
                    new StoreConfig(Duration.ofMillis(10), 5000, Duration.ofDays(365), 1L << 20, 200_000), List.of(park),
                    base.accounting(), List.of());
            // a long outage filled the buffer: 60,000 readings nobody has acknowledged (about 2 MB)
            BufferDatabase db = BufferDatabase.open(config.dataDir());
            Instant start = Instant.now().minusSeconds(100_000);
            try (BufferWriter writer = BufferWriter.open(db, config.withDataDir(config.dataDir()), Clock.systemUTC())) {
                List<Sample> samples = new ArrayList<>();
                for (int i = 0; i < 60_000; i++) {
                    samples.add(Sample.good("power_kw", start.plusSeconds(i), i));
                }
                for (int i = 0; i < samples.size(); i += 1000) {
                    writer.accept("meter", samples.subList(i, i + 1000));
                }
                await().until(() -> writer.lastSeq() == 60_000);
            }

            // the agent starts, prunes to its cap; then the platform comes back and gets the rest and the gap
            try (Agent agent = Agent.start(config, Clock.systemUTC())) {
                await().atMost(Duration.ofSeconds(60)).until(() -> query(db.file(), "SELECT count(*) FROM gap") > 0);
                receiver = PlatformReceiver.start("127.0.0.1", port, dir.resolve("receiver"));
                assertThat(agent.stopPollingAndDrain(Duration.ofSeconds(120))).isTrue();
            }
            long lostInBuffer = query(db.file(), "SELECT sum(readings) FROM gap WHERE reason = 'capacity'");
            assertThat(lostInBuffer).isPositive();
            // every reading either reached the platform (some before the cap pruned them as forwarded history)
            // or is counted in a gap record
            assertThat(receiver.readingCount() + lostInBuffer).isEqualTo(60_000);
            assertThat(query(dir.resolve("receiver/receiver.db"),
                    "SELECT sum(value) FROM site_figure WHERE figure = 'readings-lost-capacity'")).isEqualTo(lostInBuffer);
        } finally {
            if (receiver != null) {
                receiver.close();
            }
        }
    }

    private static long query(Path file, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
