package io.carbonedge.agent.health;

import io.carbonedge.agent.poll.SampleSink;
import io.carbonedge.driver.Sample;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the newest sample of every point on its way to the buffer, for live views and
 * status. Passes every batch on unchanged.
 */
public final class LatestSamples implements SampleSink {

    private final SampleSink next;
    private final Map<String, Map<String, Sample>> latest = new ConcurrentHashMap<>();

    public LatestSamples(SampleSink next) {
        this.next = next;
    }

    @Override
    public void accept(String deviceId, List<Sample> samples) {
        next.accept(deviceId, samples);
        Map<String, Sample> points = latest.computeIfAbsent(deviceId, d -> new ConcurrentHashMap<>());
        for (Sample sample : samples) {
            points.put(sample.pointId(), sample);
        }
    }

    /** The newest sample of a point, or {@code null}. */
    public Sample of(String deviceId, String pointId) {
        return latest.getOrDefault(deviceId, Map.of()).get(pointId);
    }
}
