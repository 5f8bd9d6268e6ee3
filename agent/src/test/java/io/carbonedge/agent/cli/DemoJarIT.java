package io.carbonedge.agent.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's first command: the shaded jar runs the demo from another directory and ends with a summary. */
class DemoJarIT {

    @TempDir
    Path dir;

    @Test
    void theDemoRunsFromTheShadedJarAndForwardsEveryReading() throws IOException, InterruptedException {
        Path jar = Path.of("target", "carbonedge.jar").toAbsolutePath();
        assertThat(jar).exists();
        Path log = dir.resolve("demo.log");
        Process demo = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-jar", jar.toString(), "demo", "--for", "8s", "--every", "2s", "--data", dir.resolve("data").toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertThat(demo.waitFor(60, TimeUnit.SECONDS)).as("demo ends by itself").isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);

        assertThat(demo.exitValue()).as(output).isZero();
        assertThat(output).contains("grid-meter", "pv-inverter", "gas-boiler", "cement-kiln", "online", "== summary ==", "duplicates dropped: 0")
                .doesNotContain("Exception", "ERROR");
        assertThat(output).containsPattern("gateway demo-gw: [1-9][0-9]* readings of 19 points"); // grid meter 4, PV inverter 4, boiler 6, kiln 5
        assertThat(dir.resolve("Californium3.properties")).doesNotExist();
    }
}
