package io.carbonedge.agent.health;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carbonedge.agent.poll.DeviceStatus;
import io.carbonedge.agent.store.BufferStats;
import io.carbonedge.agent.uplink.UplinkStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;


/** Writes the agent's health to the {@link StatusFile} every few seconds. */
public final class StatusPublisher implements AutoCloseable {

    /** What the status is made of, read afresh for every write. */
    public interface Sources {
        String gatewayId();

        Collection<DeviceStatus> devices();

        List<UplinkStatus> uplinks();

        BufferStats buffer() throws Exception;

        ClockState clock();
    }

    private static final Logger log = LoggerFactory.getLogger(StatusPublisher.class);

    private final StatusFile file;
    private final Sources sources;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final Instant started;
    private boolean failing;

    public StatusPublisher(StatusFile file, Sources sources, Clock clock, Duration every) {
        this.file = file;
        this.sources = sources;
        this.clock = clock;
        this.started = clock.instant();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "status");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::publish, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Writes the status now; also called on every tick. */
    public void publish() {
        try {
            file.write(snapshot());
            failing = false;
        } catch (Exception e) {
            if (!failing) {
                failing = true;
                log.warn("cannot write {}: {}", file.path(), e.getMessage());
            }
        }
    }

    ObjectNode snapshot() throws Exception {
        ObjectNode root = StatusFile.object();
        root.put("gateway", sources.gatewayId());
        root.put("written", clock.instant().toString());
        root.put("started", started.toString());
        root.put("pid", ProcessHandle.current().pid());
        ArrayNode devices = root.putArray("devices");
        for (DeviceStatus d : sources.devices()) {
            ObjectNode n = devices.addObject();
            n.put("id", d.deviceId());
            n.put("state", d.state().name().toLowerCase(Locale.ROOT));
            n.put("reason", d.reason());
            n.put("lastGoodPoll", d.lastGoodPoll() == null ? null : d.lastGoodPoll().toString());
            n.put("polls", d.polls());
            n.put("goodPolls", d.goodPolls());
        }
        ArrayNode uplinks = root.putArray("uplinks");
        for (UplinkStatus u : sources.uplinks()) {
            ObjectNode n = uplinks.addObject();
            n.put("name", u.name());
            n.put("state", u.state().name().toLowerCase(Locale.ROOT));
            ObjectNode backlog = n.putObject("backlog");
            u.backlog().forEach((stream, count) -> backlog.put(stream.name().toLowerCase(Locale.ROOT), count));
            ObjectNode acked = n.putObject("acknowledged");
            u.acknowledged().forEach((stream, seq) -> acked.put(stream.name().toLowerCase(Locale.ROOT), seq));
            n.put("lastAcknowledgedAt", u.lastAcknowledgedAt() == null ? null : u.lastAcknowledgedAt().toString());
            n.put("lastError", u.lastError());
            n.put("parked", u.parked());
        }
        BufferStats buffer = sources.buffer();
        ObjectNode store = root.putObject("buffer");
        store.put("readings", buffer.readings());
        store.put("lastSeq", buffer.lastSeq());
        store.put("totals", buffer.totals());
        store.put("bytes", buffer.fileBytes());
        ClockState c = sources.clock();
        ObjectNode clockNode = root.putObject("clock");
        clockNode.put("synchronized", c.synchronizedNow());
        clockNode.put("lastJump", c.lastJump() == null ? null : c.lastJump().toString());
        clockNode.put("lastJumpSeconds", c.lastJumpSeconds());
        return root;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        publish();
    }

}
