package io.carbonedge.agent.receiver;

import io.carbonedge.agent.config.PayloadFormat;
import io.carbonedge.agent.uplink.SenmlDecoder;
import io.carbonedge.agent.uplink.SenmlFormatException;
import io.carbonedge.driver.Quality;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchReaderTest {

    private static final String BN = "\"bn\":\"urn:carbonedge:gw:";

    @Test
    void readsReadingsWithBaseTimeAndBaseUnitResolved() throws Exception {
        ReceivedBatch batch = read("[{" + BN + "readings:\",\"bt\":1772352000,\"bu\":\"kW\","
                + "\"n\":\"m/p\",\"v\":1.5,\"t\":0.25,\"seq\":9},"
                + "{\"n\":\"m/q\",\"t\":1,\"seq\":10,\"q\":\"bad\",\"qr\":\"timeout\"}]");
        assertThat(batch.totals()).isEmpty();
        assertThat(batch.readings()).containsExactly(
                new ReceivedReading("gw", 9, "m", "p", "kW", Instant.parse("2026-03-01T08:00:00.250Z"), 1.5,
                        Quality.GOOD, null),
                new ReceivedReading("gw", 10, "m", "q", "kW", Instant.parse("2026-03-01T08:00:01Z"), Double.NaN,
                        Quality.BAD, "timeout"));
    }

    @Test
    void joinsTheThreeRecordsOfATotal() throws Exception {
        String ext = ",\"t\":1772352000,\"seq\":4,\"car\":\"natural-gas\",\"len\":900,\"rev\":1}";
        ReceivedBatch batch = read("[{" + BN + "totals:\",\"n\":\"b/g/amount\",\"u\":\"m3\",\"v\":3" + ext
                + ",{\"n\":\"b/g/kgce\",\"u\":\"kg\",\"v\":3.6" + ext + ",{\"n\":\"b/g/kgco2\",\"u\":\"kg\",\"v\":6.4" + ext
                + "]");
        assertThat(batch.totals()).containsExactly(new ReceivedTotal("gw", 4, "b", "g", "natural-gas", "m3",
                Instant.parse("2026-03-01T08:00:00Z"), Duration.ofMinutes(15), 3, 3.6, 6.4, 1));
    }

    @Test
    void refusesWhatDoesNotFollowTheContract() {
        assertThatThrownBy(() -> read("[{" + BN + "totals:\",\"n\":\"b/g/amount\",\"u\":\"m3\",\"v\":3,"
                + "\"t\":1772352000,\"seq\":4,\"car\":\"coal\",\"len\":900,\"rev\":0}]"))
                .hasMessageContaining("lacks one of amount, kgce, kgco2");
        assertThatThrownBy(() -> read("[{" + BN + "events:\",\"n\":\"m/p\",\"v\":1,\"t\":1772352000,\"seq\":1}]"))
                .hasMessageContaining("unknown stream events");
        assertThatThrownBy(() -> read("[{" + BN + "readings:\",\"n\":\"m/p\",\"v\":1,\"t\":-5,\"seq\":1}]"))
                .hasMessageContaining("absolute");
        assertThatThrownBy(() -> read("[{" + BN + "readings:\",\"n\":\"m/p\",\"v\":1,\"t\":1772352000}]"))
                .hasMessageContaining("seq missing");
        assertThatThrownBy(() -> read("[{" + BN + "readings:\",\"n\":\"p\",\"v\":1,\"t\":1772352000,\"seq\":1}]"))
                .hasMessageContaining("<device>/<point>");
        assertThatThrownBy(() -> read("[{\"bn\":\"urn:carbonedge:gw\",\"n\":\"x\",\"t\":1772352000,\"seq\":1}]"))
                .hasMessageContaining("<gateway>:<stream>:<name>");
    }

    private static ReceivedBatch read(String json) throws SenmlFormatException {
        return new BatchReader().read(new SenmlDecoder().decode(json.getBytes(StandardCharsets.UTF_8),
                PayloadFormat.SENML_JSON));
    }
}
