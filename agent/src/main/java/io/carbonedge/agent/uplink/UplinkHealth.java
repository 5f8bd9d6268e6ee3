package io.carbonedge.agent.uplink;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * What one uplink's worker knows about itself: up or down, the watermarks, how much is waiting,
 * the last error. Logs once per state change: down with the reason, up again with how long it was
 * down and what is still to send. Thread-safe: the worker writes, anyone reads {@link #snapshot()}.
 */
final class UplinkHealth {

    private static final Logger LOG = LoggerFactory.getLogger(UplinkWorker.class);

    private final String name;
    private final Clock clock;
    private final Map<Stream, Long> acknowledged = new EnumMap<>(Stream.class);
    private final Map<Stream, Long> head = new EnumMap<>(Stream.class);
    private UplinkStatus.State state = UplinkStatus.State.UP;
    private Instant downSince;
    private Instant lastAcknowledgedAt;
    private String lastError;
    private long parked;

    UplinkHealth(String name, Clock clock) {
        this.name = name;
        this.clock = clock;
    }

    /** The watermark as read from the buffer at start. */
    synchronized void loaded(Stream stream, long seq) {
        acknowledged.put(stream, seq);
    }

    /** The highest sequence known to exist in the stream. */
    synchronized long head(Stream stream) {
        return Math.max(acknowledged.getOrDefault(stream, 0L), head.getOrDefault(stream, 0L));
    }

    /** A sequence exists in the stream. */
    synchronized void seen(Stream stream, long seq) {
        head.merge(stream, seq, Math::max);
    }

    synchronized boolean isDown() {
        return state == UplinkStatus.State.DOWN;
    }

    synchronized void delivered(Stream stream, long seq) {
        acknowledged.put(stream, seq);
        lastAcknowledgedAt = clock.instant();
        answered();
    }

    /** How many batches are parked, as the buffer says (a person may have dealt with some). */
    synchronized void parkedNow(long count) {
        parked = count;
    }

    /** The platform refused a batch for good; the watermark moved past it. */
    synchronized void parked(Stream stream, long seq) {
        acknowledged.put(stream, seq);
        parked++;
        answered();
    }

    /** The platform answered: it is reachable. */
    private void answered() {
        if (state == UplinkStatus.State.DOWN) {
            state = UplinkStatus.State.UP;
            LOG.info("Uplink {} up again after {} down; {} readings and {} totals still to send", name,
                    words(Duration.between(downSince, clock.instant())), backlog(Stream.READINGS),
                    backlog(Stream.TOTALS));
        }
    }

    synchronized void failed(String reason) {
        lastError = reason;
        if (state == UplinkStatus.State.UP) {
            state = UplinkStatus.State.DOWN;
            downSince = clock.instant();
            LOG.warn("Uplink {} down: {}", name, reason);
        }
    }

    synchronized UplinkStatus snapshot() {
        Map<Stream, Long> backlog = new EnumMap<>(Stream.class);
        Map<Stream, Long> acked = new EnumMap<>(Stream.class);
        for (Stream s : Stream.values()) {
            acked.put(s, acknowledged.getOrDefault(s, 0L));
            backlog.put(s, backlog(s));
        }
        return new UplinkStatus(name, state, backlog, acked, lastAcknowledgedAt, lastError, parked);
    }

    private long backlog(Stream stream) {
        long ack = acknowledged.getOrDefault(stream, 0L);
        return Math.max(0, head.getOrDefault(stream, ack) - ack);
    }

    /** 0.4s, 12.0s, 3m12s, 2h05m, 3d04h. */
    static String words(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        if (s < 86400) {
            return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
        }
        return String.format(Locale.ROOT, "%dd%02dh", s / 86400, s % 86400 / 3600);
    }
}
