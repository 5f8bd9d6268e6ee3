package io.carbonedge.agent.uplink;

import io.carbonedge.agent.store.IntervalTotal;
import io.carbonedge.agent.store.Reading;

import java.util.List;

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

    /** The uplink's parked batches, oldest first. */
    List<ParkedBatch> parked(String uplink);

    /** How many batches of the uplink are parked. */
    long parkedCount(String uplink);
}
