package io.carbonedge.agent.uplink;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Batches one uplink's platform refused for good (REJECTED): sets them aside in the outbox with
 * the platform's reason (logged once per reason, counted in the status), and hands one back to the
 * worker when a person asked for it to be sent again ({@code carbonedge parked resend}). Used on the
 * worker's thread only.
 */
final class Parking {

    private static final Logger LOG = LoggerFactory.getLogger(UplinkWorker.class);
    /** How often to look for batches a person asked to send again (and recount the parked ones). */
    private static final Duration LOOK_PERIOD = Duration.ofSeconds(1);

    private final String uplink;
    private final Outbox outbox;
    private final BatchSource source;
    private final UplinkHealth health;
    private final Clock clock;
    private long lastLook = System.nanoTime() - LOOK_PERIOD.toNanos();
    private String lastReason;

    Parking(String uplink, Outbox outbox, BatchSource source, UplinkHealth health, Clock clock) {
        this.uplink = uplink;
        this.outbox = outbox;
        this.source = source;
        this.health = health;
        this.clock = clock;
    }

    /** Sets a refused batch aside (durably, with the watermark past it) and logs it once per reason. */
    void park(Batch batch, String reason) {
        String why = reason == null ? "no reason given" : reason;
        outbox.park(new ParkedBatch(uplink, batch.stream(), batch.firstSeq(), batch.lastSeq(), batch.count(), why,
                clock.instant()));
        if (!why.equals(lastReason)) {
            LOG.error("Uplink {}: the platform refused {} seq {}..{} ({} records) for good: {}. Parked them (kept "
                            + "in the buffer, counted in status) and going on with the next batch; further batches "
                            + "refused for the same reason are parked without another line", uplink,
                    SenmlProfile.streamName(batch.stream()), batch.firstSeq(), batch.lastSeq(), batch.count(), why);
            lastReason = why;
        }
        health.parked(batch.stream(), batch.lastSeq());
    }

    /**
     * At most once per {@link #LOOK_PERIOD}: recounts the parked batches (a person may have dropped
     * some) and returns the one a person asked to send again, read as it was parked.
     */
    Optional<Batch> resendAsked() {
        if (System.nanoTime() - lastLook < LOOK_PERIOD.toNanos()) {
            return Optional.empty();
        }
        lastLook = System.nanoTime();
        health.parkedNow(outbox.parkedCount(uplink));
        Optional<ParkedBatch> asked = outbox.resendRequested(uplink);
        if (asked.isEmpty()) {
            return Optional.empty();
        }
        ParkedBatch parked = asked.get();
        Optional<Batch> again = source.again(parked);
        if (again.isEmpty()) {
            outbox.refusedAgain(parked, "cannot send it again: its records are no longer in the buffer as parked");
            LOG.error("Uplink {}: parked batch {} ({}) cannot be sent again: its records are no longer in the buffer "
                    + "as they were parked", uplink, parked.id(), describe(parked));
        } else {
            LOG.info("Uplink {}: sending parked batch {} ({}, {} records) again, as asked", uplink, parked.id(),
                    describe(parked), parked.records());
        }
        return again;
    }

    /** The platform answered a parked batch sent again: delivered, or it stays parked with the new reason. */
    void settleResend(ParkedBatch parked, SendResult result) {
        if (result.outcome() == Outcome.DELIVERED) {
            outbox.resent(parked);
            LOG.info("Uplink {}: parked batch {} ({}) delivered on resend; it is no longer parked", uplink,
                    parked.id(), describe(parked));
        } else {
            String why = result.reason() == null ? "no reason given" : result.reason();
            outbox.refusedAgain(parked, why);
            LOG.error("Uplink {}: the platform refused parked batch {} ({}) again: {}. It stays parked", uplink,
                    parked.id(), describe(parked), why);
        }
        health.parkedNow(outbox.parkedCount(uplink));
    }

    private static String describe(ParkedBatch parked) {
        return SenmlProfile.streamName(parked.stream()) + " seq " + parked.firstSeq() + ".." + parked.lastSeq();
    }
}
