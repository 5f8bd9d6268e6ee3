package io.carbonedge.agent.packaging;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Installs the built .deb on this machine with dpkg (CI runs as root on a throwaway machine),
 * checks what an installer expects, upgrades over a technician's edit, removes and purges it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DebianPackageIT {

    private static Path deb;

    @BeforeAll
    static void onlyAsRootWithDpkg() throws Exception {
        boolean root = "0".equals(run("id", "-u").strip());
        boolean dpkg = new File("/usr/bin/dpkg").canExecute();
        if (System.getenv("CI") != null) {
            assertThat(root && dpkg).as("CI must run as root with dpkg to test the package").isTrue();
        }
        assumeTrue(root && dpkg, "needs root and dpkg");
        try (var files = Files.list(Path.of("target"))) {
            deb = files.filter(p -> p.getFileName().toString().matches("carbonedge_.*_all\\.deb")).findFirst().orElseThrow();
        }
        run("dpkg", "--purge", "carbonedge");
    }

    @AfterAll
    static void purge() throws Exception {
        if (deb != null) {
            run("dpkg", "--purge", "carbonedge");
        }
    }

    @Test
    @Order(1)
    void installsFilesUserAndPermissions() throws Exception {
        String out = run("dpkg", "-i", deb.toString());
        assertThat(run("dpkg-query", "-W", "-f=${Status}", "carbonedge")).as(out).isEqualTo("install ok installed");

        assertThat(Path.of("/usr/bin/carbonedge")).isExecutable();
        assertThat(Path.of("/usr/share/carbonedge/carbonedge.jar")).isRegularFile();
        assertThat(Path.of("/lib/systemd/system/carbonedge.service")).isRegularFile();
        assertThat(run("getent", "passwd", "carbonedge")).contains("/var/lib/carbonedge").contains("nologin");
        assertThat(run("id", "-nG", "carbonedge")).contains("dialout");
        assertThat(owner(Path.of("/var/lib/carbonedge"))).isEqualTo("carbonedge");
        assertThat(owner(Path.of("/etc/carbonedge/secrets"))).isEqualTo("carbonedge");
        assertThat(mode(Path.of("/etc/carbonedge/secrets"))).isEqualTo("rwx------");
        assertThat(Files.readString(Path.of("/var/lib/dpkg/info/carbonedge.conffiles")))
                .contains("/etc/carbonedge/agent.yaml", "/etc/carbonedge/profiles/acrel-adl400.yaml", "/etc/default/carbonedge");
    }

    @Test
    @Order(2)
    void theInstalledConfigurationChecksAndTheUnitVerifies() throws Exception {
        Process check = new ProcessBuilder("/usr/bin/carbonedge", "check", "--config", "/etc/carbonedge")
                .redirectErrorStream(true).start();
        String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor()).as(out).isZero();
        assertThat(out).contains("configuration OK");

        assertThat(run("systemd-analyze", "verify", "/lib/systemd/system/carbonedge.service")).doesNotContain("carbonedge.service:");
        String security = run("systemd-analyze", "security", "--offline=true", "/lib/systemd/system/carbonedge.service");
        Matcher level = Pattern.compile("Overall exposure level for carbonedge.service: ([0-9.]+)").matcher(security);
        assertThat(level.find()).as(security).isTrue();
        assertThat(Double.parseDouble(level.group(1))).isLessThanOrEqualTo(2.0);
    }

    @Test
    @Order(3)
    void anUpgradeKeepsTheTechniciansEditsAndTheData() throws Exception {
        Path agentYaml = Path.of("/etc/carbonedge/agent.yaml");
        Files.writeString(agentYaml, Files.readString(agentYaml).replace("gateway-id: plant-07-gw1", "gateway-id: edited-gw"));
        Files.writeString(Path.of("/var/lib/carbonedge/buffer.db"), "data");
        run("dpkg", "-i", deb.toString());
        assertThat(Files.readString(agentYaml)).contains("gateway-id: edited-gw");
        assertThat(Path.of("/var/lib/carbonedge/buffer.db")).exists();
    }

    @Test
    @Order(4)
    void removeKeepsDataAndPurgeRemovesIt() throws Exception {
        run("dpkg", "-r", "carbonedge");
        assertThat(Path.of("/usr/bin/carbonedge")).doesNotExist();
        assertThat(Path.of("/var/lib/carbonedge/buffer.db")).exists();
        assertThat(Path.of("/etc/carbonedge/agent.yaml")).exists();

        run("dpkg", "-P", "carbonedge");
        assertThat(Path.of("/var/lib/carbonedge")).doesNotExist();
        assertThat(Path.of("/etc/carbonedge/agent.yaml")).doesNotExist();
        assertThat(run("getent", "passwd", "carbonedge")).isEmpty();
    }

    private static String owner(Path p) throws IOException {
        return Files.readAttributes(p, PosixFileAttributes.class).owner().getName();
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(120, TimeUnit.SECONDS);
        return out;
    }
}
