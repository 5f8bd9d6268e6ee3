package io.carbonedge.agent.uplink;

import io.carbonedge.agent.store.IntervalTotal;
import io.carbonedge.agent.store.Reading;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An {@link Outbox} over lists, for tests; records every watermark move. Thread-safe. */
public final class InMemoryOutbox implements Outbox {

    private final List<Reading> readings = new ArrayList<>();
    private final List<IntervalTotal> totals = new ArrayList<>();
    private final Map<String, Long> watermarks = new HashMap<>();
    private final List<String> acknowledgements = new ArrayList<>();
    private final List<ParkedBatch> parked = new ArrayList<>();
    private final Set<Long> resendRequested = new HashSet<>();
    private long lastParkedId;

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
        ParkedBatch stored = new ParkedBatch(++lastParkedId, batch.uplink(), batch.stream(), batch.firstSeq(),
                batch.lastSeq(), batch.records(), batch.reason(), batch.parkedAt());
        parked.add(stored);
        acknowledge(batch.uplink(), batch.stream(), batch.lastSeq());
    }

    /** What {@code carbonedge parked resend ID} does to the buffer. */
    public synchronized void requestResend(long id) {
        resendRequested.add(id);
    }

    @Override
    public synchronized Optional<ParkedBatch> resendRequested(String uplink) {
        return parked(uplink).stream().filter(p -> resendRequested.contains(p.id())).findFirst();
    }

    @Override
    public synchronized void resent(ParkedBatch batch) {
        resendRequested.remove(batch.id());
        parked.removeIf(p -> p.id() == batch.id());
    }

    @Override
    public synchronized void refusedAgain(ParkedBatch batch, String reason) {
        resendRequested.remove(batch.id());
        parked.replaceAll(p -> p.id() != batch.id() ? p : new ParkedBatch(p.id(), p.uplink(), p.stream(),
                p.firstSeq(), p.lastSeq(), p.records(), reason, p.parkedAt()));
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
