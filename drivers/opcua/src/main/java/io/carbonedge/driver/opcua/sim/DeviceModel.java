package io.carbonedge.driver.opcua.sim;

import java.time.Instant;
import java.util.List;

/** A simulated plant device: a folder of variables whose values follow the model over time. */
public interface DeviceModel {

    /** The folder name under Objects, also the prefix of the string node ids ({@code Boiler1.GasFlow}). */
    String folder();

    /** The variables, in a fixed order. */
    List<SimulatedValue> variables();

    /** Advances the model to {@code now} (integrating counters) and returns the values in variable order. */
    double[] advance(Instant now);
}
