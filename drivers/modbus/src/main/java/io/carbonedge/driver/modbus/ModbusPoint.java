package io.carbonedge.driver.modbus;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Where and how one point is read.
 *
 * @param id             the point's id within its device
 * @param table          holding, input, coil or discrete-input
 * @param register       the first register (or bit), 0..65535 (protocol addresses, not 4xxxx numbers)
 * @param type           how the registers make a number
 * @param order          how the device orders bytes across registers
 * @param scale          the value is the raw number times this (times 10^scale factor), plus offset
 * @param offset         added after scaling
 * @param bit            for {@code bool} in a register table, the bit 0..15 (0 = least significant); -1 otherwise
 * @param length         how many registers (or bits) the point spans: the type's count, or {@code length:} for strings
 * @param scaleRegister  the register (same table) holding a SunSpec-style int16 power-of-ten scale factor; -1 for none
 * @param notImplemented raw register patterns that mean "no value" (a sentinel), compared before scaling
 */
public record ModbusPoint(String id, Table table, int register, DataType type, WordOrder order, double scale,
                          double offset, int bit, int length, int scaleRegister, List<Long> notImplemented) {

    public ModbusPoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(order, "order");
        notImplemented = List.copyOf(notImplemented);
        if (register < 0 || register > 0xFFFF) {
            throw new IllegalArgumentException("register out of range: " + register);
        }
        if (length < 1) {
            throw new IllegalArgumentException("length must be positive: " + length);
        }
    }

    /** A plain numeric point: no offset, bit, scale register or sentinel. */
    public ModbusPoint(String id, Table table, int register, DataType type, WordOrder order, double scale) {
        this(id, table, register, type, order, scale, 0, -1, Math.max(1, type.registerCount()), -1, List.of());
    }

    /** How many registers (or bits) the point occupies. */
    public int registerCount() {
        return length;
    }

    /** The last register the point occupies; may exceed 65535 only for an invalid point. */
    public int lastRegister() {
        return register + registerCount() - 1;
    }

    /**
     * The value at which the point wraps to zero, after scaling: 2^bits x scale for unsigned
     * whole numbers with a fixed scale; empty for signed, floating-point, bits, strings, and points
     * scaled by a scale-factor register (whose factor is known only at run time).
     */
    public OptionalDouble rolloverAt() {
        if (!type.isUnsignedInteger() || bit >= 0 || scaleRegister >= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(scaled(type.modulus(), 0));
    }

    /**
     * Decodes and scales the point's value from a response that starts at {@code firstRegister}.
     * A scale such as 0.01 divides by 100 instead, so 9876543 becomes 98765.43 rather than
     * 98765.43000000001.
     */
    public double valueFrom(int[] words, int firstRegister) {
        return scaled(raw(words, register - firstRegister), 0);
    }

    /** The unscaled value at {@code words[at]}. */
    double raw(int[] words, int at) {
        if (bit >= 0) {
            return RegisterCodec.bit(words, at, bit);
        }
        return RegisterCodec.decode(type, order, words, at, length);
    }

    /** The sentinel the registers at {@code words[at]} hold, if any, for the BAD reason. */
    OptionalDouble sentinel(int[] words, int at) {
        if (notImplemented.isEmpty() || !type.isInteger()) {
            return OptionalDouble.empty();
        }
        long raw = RegisterCodec.rawBits(type, order, words, at);
        return notImplemented.contains(raw) ? OptionalDouble.of(raw) : OptionalDouble.empty();
    }

    /** {@code raw x scale x 10^powerOfTen + offset}, dividing for scales like 0.01 to stay exact. */
    double scaled(double raw, int powerOfTen) {
        double value = raw;
        double divisor = 1 / scale;
        double wholeDivisor = Math.rint(divisor);
        if (Math.abs(wholeDivisor) >= 2 && Math.abs(divisor - wholeDivisor) < 1e-9 * Math.abs(divisor)) {
            value = value / wholeDivisor;
        } else if (scale != 1.0) {
            value = value * scale;
        }
        if (powerOfTen > 0) {
            value = value * Math.pow(10, powerOfTen);
        } else if (powerOfTen < 0) {
            value = value / Math.pow(10, -powerOfTen);
        }
        return value + offset;
    }
}
