package io.carbonedge.agent.uplink;

import io.carbonedge.agent.store.IntervalTotal;
import io.carbonedge.agent.store.Reading;

import java.util.List;
import java.util.Optional;

/**
 * What the uplink needs of the buffer: what is there to send after a watermark, and a place to
 * move the watermark once the platform has it (or has refused it for good). Implemented by the
 * SQLite store; safe to call from the uplink's own thread while the poll loop appends.
 */
public interface Outbox {

    /** The highest sequence this uplink has delivered or parked in the stream (0 when none). */
    long acknowledged(String uplink, Stream stream);

    /** Moves the watermark; durable when this returns. Never moves it backwards. */
    void acknowledge(String uplink, Stream stream, long seq);

    /** Readings with {@code seq > after}, in sequence order, at most {@code limit}. */
    List<Reading> readingsAfter(long after, int limit);

    /** Interval totals with {@code seq > after}, in sequence order, at most {@code limit}. */
    List<IntervalTotal> totalsAfter(long after, int limit);

    /** The highest sequence in the stream (0 when it is empty). */
    long latest(Stream stream);

    /**
     * Records a refused batch and moves the uplink's watermark past it, both or neither; durable
     * when this returns. The batch's records are not deleted.
     */
    void park(ParkedBatch batch);

    /** The uplink's parked batches (waiting for a person or to be sent again), oldest first. */
    List<ParkedBatch> parked(String uplink);

    /** How many batches of the uplink are parked (waiting for a person or to be sent again). */
    long parkedCount(String uplink);

    /** The oldest parked batch of the uplink that a person asked to send again, if any. */
    Optional<ParkedBatch> resendRequested(String uplink);

    /** A parked batch sent again got through: it is no longer parked. The watermark does not move. */
    void resent(ParkedBatch batch);

    /** The platform refused a parked batch again: parked again, with its new reason. */
    void refusedAgain(ParkedBatch batch, String reason);
}
