package io.carbonedge.agent.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class StatusCommandTest {

    @TempDir
    Path dir;

    private void writeStatus(long pid, Instant written) throws Exception {
        Files.writeString(dir.resolve("status.json"), """
                {"gateway": "plant-07-gw1", "written": "%s", "started": "%s", "pid": %d,
                 "devices": [{"id": "grid-meter", "state": "offline", "reason": "timeout after 1000 ms",
                              "lastGoodPoll": "2026-11-24T08:00:00Z", "polls": 12, "goodPolls": 10}],
                 "uplinks": [{"name": "park", "state": "down", "backlog": {"readings": 42, "totals": 0},
                              "acknowledged": {"readings": 1000, "totals": 3}, "lastAcknowledgedAt": null,
                              "lastError": "no response within 10000 ms", "parked": 2}],
                 "buffer": {"readings": 1042, "lastSeq": 1042, "totals": 3, "bytes": 65536},
                 "clock": {"synchronized": true, "lastJump": null, "lastJumpSeconds": 0.0}}
                """.formatted(written, written, pid));
    }

    @Test
    void aFreshStatusOfALiveProcessIsRunningWithItsDevicesUplinksAndParkedCount() throws Exception {
        writeStatus(ProcessHandle.current().pid(), Instant.now());
        CommandRun cli = new CommandRun();

        assertThat(cli.run("status", "--data", dir.toString())).isEqualTo(Main.OK);
        assertThat(cli.out()).startsWith("gateway plant-07-gw1: running (pid " + ProcessHandle.current().pid())
                .contains("grid-meter").contains("timeout after 1000 ms")
                .contains("park").contains("no response within 10000 ms").contains("2 batches refused and parked");
    }

    @Test
    void aStatusWhoseProcessIsGoneIsNotRunningEvenWhenFresh() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        writeStatus(finished.pid(), Instant.now());
        CommandRun cli = new CommandRun();

        assertThat(cli.run("status", "--data", dir.toString())).isEqualTo(Main.RUNTIME_FAILURE);
        assertThat(cli.out()).startsWith("gateway plant-07-gw1: NOT RUNNING (pid " + finished.pid() + " is gone");
    }

    @Test
    void aStaleStatusIsNotRunning() throws Exception {
        writeStatus(ProcessHandle.current().pid(), Instant.now().minusSeconds(60));
        CommandRun cli = new CommandRun();

        assertThat(cli.run("status", "--data", dir.toString())).isEqualTo(Main.RUNTIME_FAILURE);
        assertThat(cli.out()).startsWith("gateway plant-07-gw1: NOT RUNNING (pid ");
    }
}
