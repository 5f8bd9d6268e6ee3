package io.carbonedge.agent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.carbonedge.agent.health.StatusFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code carbonedge status}: the running agent's health, from the status file it rewrites every few seconds. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the running agent's health: devices online or offline with the reason and last good poll, "
                + "each uplink's backlog and last acknowledgement, clock state, buffer size. Exit 1 when the agent is not running.")
final class StatusCommand implements Callable<Integer> {

    /**
     * A status older than this means the agent is not running (it writes every 5 s); so does a
     * status whose process is gone (stopped or killed since).
     */
    private static final Duration STALE = Duration.ofSeconds(20);

    @Mixin
    DataDirOption location;

    @Option(names = "--json", description = "Print the status file as it is.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Optional<Path> found = location.dataDir(spec.commandLine().getErr());
        if (found.isEmpty()) {
            return Main.INVALID;
        }
        Path dir = found.get();
        PrintWriter out = spec.commandLine().getOut();
        StatusFile file = new StatusFile(dir);
        Optional<JsonNode> status = file.read();
        if (status.isEmpty()) {
            out.println("no status in " + file.path() + ": the agent has not run with this data directory");
            out.flush();
            return Main.RUNTIME_FAILURE;
        }
        JsonNode s = status.get();
        if (json) {
            out.println(s.toPrettyString());
            out.flush();
            return Main.OK;
        }
        Instant written = Instant.parse(s.path("written").asText());
        long age = Duration.between(written, Instant.now()).toSeconds();
        long pid = s.path("pid").asLong();
        boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        boolean running = alive && age <= STALE.toSeconds();
        out.printf("gateway %s: %s (pid %d%s, status written %d s ago)%n", s.path("gateway").asText(),
                running ? "running" : "NOT RUNNING", pid, alive ? "" : " is gone", age);
        JsonNode clock = s.path("clock");
        out.printf("clock: %s; last jump: %s%n", clock.path("synchronized").asBoolean() ? "trusted" : "NOT TRUSTED (readings held)",
                clock.path("lastJump").isNull() ? "none" : clock.path("lastJumpSeconds").asDouble() + " s at " + clock.path("lastJump").asText());
        out.println("devices:");
        for (JsonNode d : s.path("devices")) {
            out.printf("  %-20s %-8s %s last good poll %s%n", d.path("id").asText(), d.path("state").asText(),
                    d.path("reason").asText().isEmpty() ? "" : d.path("reason").asText() + ";",
                    d.path("lastGoodPoll").isNull() ? "never" : d.path("lastGoodPoll").asText());
        }
        out.println("uplinks:");
        for (JsonNode u : s.path("uplinks")) {
            out.printf("  %-20s %-5s backlog %s, acknowledged %s, last ack %s%s%s%n", u.path("name").asText(),
                    u.path("state").asText(), u.path("backlog"), u.path("acknowledged"),
                    u.path("lastAcknowledgedAt").isNull() ? "never" : u.path("lastAcknowledgedAt").asText(),
                    u.path("parked").asLong() == 0 ? "" : "; " + u.path("parked").asLong()
                            + " batches refused and parked (carbonedge parked)",
                    u.path("lastError").isNull() ? "" : "; last error: " + u.path("lastError").asText());
        }
        JsonNode b = s.path("buffer");
        out.printf("buffer: %d readings (last seq %d), %d totals, %d KiB%n", b.path("readings").asLong(),
                b.path("lastSeq").asLong(), b.path("totals").asLong(), b.path("bytes").asLong() / 1024);
        out.flush();
        return running ? Main.OK : Main.RUNTIME_FAILURE;
    }
}
