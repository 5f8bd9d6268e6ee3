package io.carbonedge.agent.uplink;

import io.carbonedge.agent.store.IntervalTotal;
import io.carbonedge.agent.store.Reading;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An {@link Outbox} over lists, for tests; records every watermark move. Thread-safe. */
public final class InMemoryOutbox implements Outbox {

    private final List<Reading> readings = new ArrayList<>();
    private final List<IntervalTotal> totals = new ArrayList<>();
    private final Map<String, Long> watermarks = new HashMap<>();
    private final List<String> acknowledgements = new ArrayList<>();
    private final List<ParkedBatch> parked = new ArrayList<>();

    public synchronized void addReadings(List<Reading> batch) {
        readings.addAll(batch);
    }

    public synchronized void addTotals(List<IntervalTotal> batch) {
        totals.addAll(batch);
    }

    /** "uplink stream seq" for every acknowledge call, in order. */
    public synchronized List<String> acknowledgements() {
        return List.copyOf(acknowledgements);
    }

    @Override
    public synchronized long acknowledged(String uplink, Stream stream) {
        return watermarks.getOrDefault(uplink + ' ' + stream, 0L);
    }

    @Override
    public synchronized void acknowledge(String uplink, Stream stream, long seq) {
        acknowledgements.add(uplink + ' ' + stream + ' ' + seq);
        watermarks.merge(uplink + ' ' + stream, seq, Math::max);
    }

    @Override
    public synchronized List<Reading> readingsAfter(long after, int limit) {
        return readings.stream().filter(r -> r.seq() > after).limit(limit).toList();
    }

    @Override
    public synchronized List<IntervalTotal> totalsAfter(long after, int limit) {
        return totals.stream().filter(t -> t.seq() > after).limit(limit).toList();
    }

    @Override
    public synchronized long latest(Stream stream) {
        List<Long> seqs = stream == Stream.READINGS ? readings.stream().map(r -> r.seq()).toList()
                : totals.stream().map(t -> t.seq()).toList();
        return seqs.isEmpty() ? 0 : seqs.get(seqs.size() - 1);
    }

    @Override
    public synchronized void park(ParkedBatch batch) {
        parked.add(batch);
        acknowledge(batch.uplink(), batch.stream(), batch.lastSeq());
    }

    @Override
    public synchronized List<ParkedBatch> parked(String uplink) {
        return parked.stream().filter(p -> p.uplink().equals(uplink)).toList();
    }

    @Override
    public synchronized long parkedCount(String uplink) {
        return parked(uplink).size();
    }
}
