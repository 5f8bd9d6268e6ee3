package io.carbonedge.agent.cli;

import io.carbonedge.agent.MutableClock;
import io.carbonedge.agent.config.AgentConfig;
import io.carbonedge.agent.config.ConfigLoader;
import io.carbonedge.agent.store.BufferDatabase;
import io.carbonedge.agent.store.BufferWriter;
import io.carbonedge.driver.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TotalsCommandTest {

    @TempDir
    Path dir;

    private String run(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        int code = cli.execute(args);
        return code + "\n" + out;
    }

    @Test
    void printsADaysIntervalsDayTotalAndSiteFigures() throws Exception {
        Files.writeString(dir.resolve("agent.yaml"), """
                gateway-id: gw
                data-dir: data
                uplinks:
                  - name: park
                    uri: coap://127.0.0.1:5683/carbonedge
                """);
        Files.createDirectories(dir.resolve("devices"));
        Files.writeString(dir.resolve("devices/meter.yaml"), """
                id: meter
                protocol: modbus
                interval: 1m
                connection:
                  host: 127.0.0.1
                points:
                  - id: import_kwh
                    kind: counter
                    unit: kWh
                    carrier: electricity-import
                    register: 0x000A
                    type: uint32
                """);
        AgentConfig config = new ConfigLoader().load(dir);
        config.devices().forEach(d -> d.driver().close());
        Instant day = Instant.parse("2026-02-28T16:00:00Z");   // 2026-03-01 00:00 Shanghai
        MutableClock clock = new MutableClock(day);
        try (BufferWriter writer = BufferWriter.open(BufferDatabase.open(config.dataDir()), config, clock)) {
            writer.accept("meter", List.of(Sample.good("import_kwh", day, 1000)));
            writer.accept("meter", List.of(Sample.good("import_kwh", day.plusSeconds(900), 1100)));
            await().until(() -> writer.lastSeq() == 2 && writer.isIdle());
            clock.set(day.plusSeconds(86_400 + 180));
            writer.accept("meter", List.of(Sample.bad("import_kwh", clock.instant(), "tick")));
            await().until(() -> writer.lastSeq() == 3 && writer.isIdle());
        }

        String day1 = run("totals", "--config", dir.toString(), "--day", "2026-03-01");
        assertThat(day1).startsWith("0\n").contains("2026-03-01, 15-minute intervals (zone Asia/Shanghai)")
                .containsPattern("00:00 +meter/import_kwh +electricity-import +100\\.000 kWh +12\\.290 +53\\.660")
                .containsPattern("kgco2 +53\\.6600 kg");
        assertThat(run("totals", "--config", dir.toString(), "--month", "2026-03"))
                .contains("2026-03-01 meter/import_kwh").contains("(not closed yet)");
        assertThat(run("totals", "--config", dir.toString(), "--day", "2026-03-01", "--csv").lines().toList())
                .startsWith("0", TotalsCsv.HEADER)
                .contains("interval,2026-03-01T00:00+08:00,meter,import_kwh,electricity-import,100.0,kWh,12.29,53.66,"
                        + "0.06666666666666667,0,false")
                .anyMatch(line -> line.startsWith("day,2026-03-01T00:00+08:00,meter,import_kwh,electricity-import,"))
                .anyMatch(line -> line.startsWith("day,2026-03-01T00:00+08:00,site,kgco2,,53.66,kg,,,,0,"));
        assertThat(run("totals", "--config", dir.toString(), "--day", "March")).startsWith("2\n")
                .contains("expected --day YYYY-MM-DD");
    }
}
