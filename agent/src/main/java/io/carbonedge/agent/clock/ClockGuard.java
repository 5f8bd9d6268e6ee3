package io.carbonedge.agent.clock;

import io.carbonedge.agent.health.ClockState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Whether the wall clock can be trusted to stamp readings. A gateway without a real-time clock
 * boots at 1970 or at the time it last shut down, and steps forward when NTP synchronises; until
 * then readings are held (see the buffer writer), and afterwards re-stamped by the step, so none
 * lands in 1970 or in the wrong interval.
 *
 * <p>The clock is trusted when it is past a floor (the agent's build time, and the newest reading
 * already in the buffer) and, where systemd-timesyncd runs, it has said it is synchronised. A
 * jump (wall time moving more than two seconds away from elapsed time) is logged once and shown
 * in {@code status}.
 */
public final class ClockGuard {

    private static final Logger log = LoggerFactory.getLogger(ClockGuard.class);
    private static final long JUMP_MS = 2000;
    private static final Path TIMESYNC_DIR = Path.of("/run/systemd/timesync");

    private final Clock wall;
    private final LongSupplier nanos;
    private final Instant floor;
    private final BooleanSupplier synchronisedSignal;
    private long lastWallMs;
    private long lastNanos;
    private Boolean trusted;
    private Instant lastJump;
    private double lastJumpSeconds;

    public ClockGuard(Clock wall, LongSupplier nanos, Instant floor, BooleanSupplier synchronisedSignal) {
        this.wall = wall;
        this.nanos = nanos;
        this.floor = floor;
        this.synchronisedSignal = synchronisedSignal;
        this.lastWallMs = wall.millis();
        this.lastNanos = nanos.getAsLong();
    }

    /** The system clock, trusted once past {@code floor} and, under systemd-timesyncd, synchronised. */
    public static ClockGuard system(Instant floor) {
        return new ClockGuard(Clock.systemUTC(), System::nanoTime, floor,
                () -> !Files.isDirectory(TIMESYNC_DIR) || Files.exists(TIMESYNC_DIR.resolve("synchronized")));
    }

    /** For tests and tools that bring their own clock: always trusted, never re-stamps. */
    public static ClockGuard trusting(Clock clock) {
        return new ClockGuard(clock, () -> clock.millis() * 1_000_000, Instant.EPOCH, () -> true);
    }

    /** Checks for a jump since the last call and whether the clock is trusted now. */
    public synchronized boolean trusted() {
        detectJump();
        boolean now = !wall.instant().isBefore(floor) && synchronisedSignal.getAsBoolean();
        if (trusted == null || now != trusted) {
            if (!now) {
                log.warn("the clock ({}) is not trusted yet (before {} or not synchronised): readings are held "
                        + "and will be re-stamped once it is", wall.instant(), floor);
            } else if (trusted != null) {
                log.info("the clock is trusted again ({})", wall.instant());
            }
            trusted = now;
        }
        return now;
    }

    private void detectJump() {
        long wallMs = wall.millis();
        long nowNanos = nanos.getAsLong();
        long drift = (wallMs - lastWallMs) - (nowNanos - lastNanos) / 1_000_000;
        if (Math.abs(drift) > JUMP_MS) {
            lastJump = Instant.ofEpochMilli(wallMs);
            lastJumpSeconds = drift / 1000.0;
            log.warn("the clock jumped by {} s at {}", lastJumpSeconds, lastJump);
        }
        lastWallMs = wallMs;
        lastNanos = nowNanos;
    }

    /**
     * How far a sample stamped {@code stampedAt} when the monotonic clock read {@code capturedNanos}
     * must move to agree with the wall clock now; zero unless the clock stepped in between.
     */
    public Duration correction(Instant stampedAt, long capturedNanos) {
        long elapsedMs = (nanos.getAsLong() - capturedNanos) / 1_000_000;
        long drift = (wall.millis() - stampedAt.toEpochMilli()) - elapsedMs;
        return Math.abs(drift) > JUMP_MS ? Duration.ofMillis(drift) : Duration.ZERO;
    }

    public long nanos() {
        return nanos.getAsLong();
    }

    public synchronized ClockState state() {
        return new ClockState(Boolean.TRUE.equals(trusted), lastJump, lastJumpSeconds);
    }
}
