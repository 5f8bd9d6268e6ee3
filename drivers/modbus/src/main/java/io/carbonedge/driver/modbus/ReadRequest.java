package io.carbonedge.driver.modbus;

import java.util.List;
import java.util.Objects;

/**
 * One Modbus read of consecutive registers, and the points it serves.
 *
 * @param table         holding or input registers
 * @param firstRegister the first register read
 * @param registerCount how many registers are read
 * @param pointIndexes  the positions, in configuration order, of the points inside this range
 */
public record ReadRequest(Table table, int firstRegister, int registerCount, List<Integer> pointIndexes) {

    public ReadRequest {
        Objects.requireNonNull(table, "table");
        pointIndexes = List.copyOf(pointIndexes);
        if (registerCount < 1) {
            throw new IllegalArgumentException("registerCount must be positive: " + registerCount);
        }
    }

    /** The last register read. */
    public int lastRegister() {
        return firstRegister + registerCount - 1;
    }
}
