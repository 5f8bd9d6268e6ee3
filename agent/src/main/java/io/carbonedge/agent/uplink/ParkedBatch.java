package io.carbonedge.agent.uplink;

import java.time.Instant;
import java.util.Objects;

/**
 * A batch a platform refused for good (4.xx other than 4.08/4.29): set aside so that it no longer
 * blocks the batches behind it, with the platform's reason, and kept (the records stay in the
 * buffer) until someone looks at it ({@code carbonedge parked}: list, resend, drop). Listed by
 * {@link Outbox#parked(String)}.
 *
 * @param id       its number in the buffer, 0 before it is stored
 * @param uplink   the uplink that was refused
 * @param stream   readings or totals
 * @param firstSeq the first sequence of the batch
 * @param lastSeq  the last sequence of the batch
 * @param records  how many records the batch held
 * @param reason   the platform's answer ("4.00 BAD_REQUEST: record 3: unknown unit")
 * @param parkedAt when it was parked
 */
public record ParkedBatch(long id, String uplink, Stream stream, long firstSeq, long lastSeq, int records,
                          String reason, Instant parkedAt) {

    public ParkedBatch {
        Objects.requireNonNull(uplink, "uplink");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(parkedAt, "parkedAt");
        if (firstSeq > lastSeq) {
            throw new IllegalArgumentException("firstSeq " + firstSeq + " > lastSeq " + lastSeq);
        }
    }

    /** A batch just refused, not stored yet. */
    public ParkedBatch(String uplink, Stream stream, long firstSeq, long lastSeq, int records, String reason,
                       Instant parkedAt) {
        this(0, uplink, stream, firstSeq, lastSeq, records, reason, parkedAt);
    }
}
