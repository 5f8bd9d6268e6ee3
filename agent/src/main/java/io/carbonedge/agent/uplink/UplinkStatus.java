package io.carbonedge.agent.uplink;

import java.time.Instant;
import java.util.Map;

/**
 * A snapshot of one uplink for {@code carbonedge status} and health checks.
 *
 * @param name               the uplink's name from the configuration
 * @param state              UP until a batch fails, DOWN until one is delivered again
 * @param backlog            per stream, how many records wait for this uplink: measured when the
 *                           uplink goes down or comes back up, otherwise from the batches read (then
 *                           a lower bound while a large backlog drains)
 * @param acknowledged       per stream, the highest sequence the platform acknowledged
 * @param lastAcknowledgedAt when the last batch was delivered, or {@code null} when none yet
 * @param lastError          the last failure in words, or {@code null} when none yet
 * @param parked             how many batches the platform refused for good (4.xx) and are parked,
 *                           kept in the buffer; {@link Outbox#parked(String)} lists them
 */
public record UplinkStatus(String name, State state, Map<Stream, Long> backlog, Map<Stream, Long> acknowledged,
                           Instant lastAcknowledgedAt, String lastError, long parked) {

    public UplinkStatus {
        backlog = Map.copyOf(backlog);
        acknowledged = Map.copyOf(acknowledged);
    }

    /** Whether the platform is taking batches. */
    public enum State {
        UP,
        DOWN
    }
}
