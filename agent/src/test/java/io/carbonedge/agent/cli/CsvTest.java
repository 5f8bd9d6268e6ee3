package io.carbonedge.agent.cli;

import io.carbonedge.agent.store.Reading;
import io.carbonedge.driver.Quality;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTest {

    @Test
    void quotesOnlyFieldsThatNeedIt() {
        assertThat(Csv.field("grid-meter")).isEqualTo("grid-meter");
        assertThat(Csv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.field("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    @Test
    void anExportedReadingIsOneRowWithItsReasonQuoted() {
        Reading bad = new Reading(42, "boiler", "flow_temp", "Cel", Instant.parse("2026-03-01T00:00:01.750Z"), Double.NaN,
                Quality.BAD, "timeout, after 1000 ms");
        assertThat(ExportCommand.csv(bad))
                .isEqualTo("42,boiler,flow_temp,2026-03-01T00:00:01.750Z,,Cel,bad,\"timeout, after 1000 ms\"");
    }
}
