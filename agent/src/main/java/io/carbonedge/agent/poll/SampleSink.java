package io.carbonedge.agent.poll;

import io.carbonedge.driver.Sample;

import java.util.List;

/** Where pollers hand the samples of one read of one device. Called from many threads. */
public interface SampleSink {

    /** Takes the samples; blocks briefly if the sink is full rather than lose them. */
    void accept(String deviceId, List<Sample> samples);
}
