package io.carbonedge.driver.modbus;

import java.util.Objects;

/**
 * Where and how one point is read.
 *
 * @param id       the point's id within its device
 * @param table    holding or input registers
 * @param register the first register, 0..65535 (protocol addresses, not 4xxxx numbers)
 * @param type     how the registers make a number
 * @param order    how the device orders bytes across registers
 * @param scale    the value is the raw number times this
 */
public record ModbusPoint(String id, Table table, int register, DataType type, WordOrder order, double scale) {

    public ModbusPoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(order, "order");
        if (register < 0 || register > 0xFFFF) {
            throw new IllegalArgumentException("register out of range: " + register);
        }
    }

    /** How many registers the point occupies. */
    public int registerCount() {
        return type.registerCount();
    }

    /** The last register the point occupies; may exceed 65535 only for an invalid point. */
    public int lastRegister() {
        return register + registerCount() - 1;
    }

    /**
     * Decodes and scales the point's value from a response that starts at {@code firstRegister}.
     * A scale such as 0.01 divides by 100 instead, so 9876543 becomes 98765.43 rather than
     * 98765.43000000001.
     */
    public double valueFrom(int[] words, int firstRegister) {
        double raw = RegisterCodec.decode(type, order, words, register - firstRegister);
        double divisor = 1 / scale;
        double wholeDivisor = Math.rint(divisor);
        if (Math.abs(wholeDivisor) >= 2 && Math.abs(divisor - wholeDivisor) < 1e-9 * Math.abs(divisor)) {
            return raw / wholeDivisor;
        }
        return raw * scale;
    }
}
