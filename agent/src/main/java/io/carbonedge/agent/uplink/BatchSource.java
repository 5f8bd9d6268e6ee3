package io.carbonedge.agent.uplink;

import io.carbonedge.agent.config.UplinkConfig;
import io.carbonedge.agent.store.IntervalTotal;
import io.carbonedge.agent.store.Reading;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads batches for one uplink from the {@link Outbox} and encodes them: the next one after
 * everything already taken (delivered, parked or in hand), totals before readings, so the worker
 * can read a batch while the one before is on its way; and a parked batch again, as it was parked.
 * Used on the worker's thread only.
 */
final class BatchSource {

    private static final List<Stream> ORDER = List.of(Stream.TOTALS, Stream.READINGS);

    private final UplinkConfig config;
    private final Outbox outbox;
    private final SenmlEncoder encoder;
    private final UplinkHealth health;
    /** The highest seq of each stream read into a batch so far. */
    private final Map<Stream, Long> taken = new EnumMap<>(Stream.class);

    BatchSource(String gatewayId, UplinkConfig config, Outbox outbox, UplinkHealth health) {
        this.config = config;
        this.outbox = outbox;
        this.encoder = new SenmlEncoder(gatewayId);
        this.health = health;
    }

    /** The next batch after everything already taken, totals before readings, or null. */
    Batch next() {
        for (Stream stream : ORDER) {
            Long after = taken.get(stream);
            if (after == null) {
                after = outbox.acknowledged(config.name(), stream);
                health.loaded(stream, after);
            }
            Batch batch = read(stream, after, config.batchSize(), null);
            if (batch != null) {
                taken.put(stream, batch.lastSeq());
                health.seen(stream, batch.lastSeq());
                return batch;
            }
            taken.put(stream, after);
        }
        return null;
    }

    /** A parked batch read again, or empty when its records are no longer in the buffer as they were parked. */
    Optional<Batch> again(ParkedBatch parked) {
        Batch batch = read(parked.stream(), parked.firstSeq() - 1, parked.records(), parked);
        return batch != null && batch.firstSeq() == parked.firstSeq() && batch.lastSeq() == parked.lastSeq()
                ? Optional.of(batch) : Optional.empty();
    }

    /** Measures how much is waiting in each stream (one look-up each). */
    void refreshHeads() {
        for (Stream stream : ORDER) {
            health.seen(stream, outbox.latest(stream));
        }
    }

    private Batch read(Stream stream, long after, int limit, ParkedBatch parked) {
        if (stream == Stream.READINGS) {
            List<Reading> rows = outbox.readingsAfter(after, limit);
            return rows.isEmpty() ? null : new Batch(stream, rows.get(0).seq(), rows.get(rows.size() - 1).seq(),
                    rows.size(), encoder.readings(rows, config.format()), parked);
        }
        List<IntervalTotal> rows = outbox.totalsAfter(after, limit);
        return rows.isEmpty() ? null : new Batch(stream, rows.get(0).seq(), rows.get(rows.size() - 1).seq(),
                rows.size(), encoder.totals(rows, config.format()), parked);
    }
}
