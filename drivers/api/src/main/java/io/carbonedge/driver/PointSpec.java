package io.carbonedge.driver;

import java.util.Objects;

/**
 * The protocol-independent description of a point: what the agent knows about it without
 * knowing how it is read.
 *
 * @param id   unique within its device, e.g. {@code import_kwh}
 * @param kind counter, gauge or state
 * @param unit the unit of the value after scaling, e.g. {@code kWh}, {@code kW}; may be empty
 */
public record PointSpec(String id, PointKind kind, String unit) {

    public PointSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(unit, "unit");
    }
}
