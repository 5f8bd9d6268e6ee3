package io.carbonedge.driver.modbus;

import io.carbonedge.driver.Sample;
import java.time.Instant;
import java.util.OptionalDouble;

/** Turns one point's registers in a poll's answers into a sample, with its scale factor and sentinels. */
final class PointDecoder {

    private static final int SUNSPEC_SF_NOT_IMPLEMENTED = 0x8000;
    private static final int MAX_POWER_OF_TEN = 10;

    private PointDecoder() {
    }

    static Sample sample(ModbusPoint point, ResponseImage image, Instant now) {
        ResponseImage.Slice slice = image.find(point.table(), point.register(), point.registerCount());
        if (slice.failure() != null) {
            return Sample.bad(point.id(), now, slice.failure());
        }
        OptionalDouble sentinel = point.sentinel(slice.words(), slice.at());
        if (sentinel.isPresent()) {
            return Sample.bad(point.id(), now, "not implemented (0x" + Long.toHexString((long) sentinel.getAsDouble())
                    .toUpperCase() + ")");
        }
        if (point.type() == DataType.STRING && RegisterCodec.text(point.order(), slice.words(), slice.at(),
                point.registerCount()).isEmpty()) {
            return Sample.bad(point.id(), now, "empty string");
        }
        int powerOfTen = 0;
        if (point.scaleRegister() >= 0) {
            ResponseImage.Slice factor = image.find(point.table(), point.scaleRegister(), 1);
            if (factor.failure() != null) {
                return Sample.bad(point.id(), now, "scale factor at " + point.scaleRegister() + ": " + factor.failure());
            }
            int word = factor.words()[factor.at()];
            if (word == SUNSPEC_SF_NOT_IMPLEMENTED) {
                return Sample.bad(point.id(), now, "scale factor at " + point.scaleRegister() + " not implemented");
            }
            powerOfTen = (short) word;
            if (Math.abs(powerOfTen) > MAX_POWER_OF_TEN) {
                return Sample.bad(point.id(), now, "scale factor " + powerOfTen + " at " + point.scaleRegister()
                        + " out of range -10..10");
            }
        }
        double value = point.scaled(point.raw(slice.words(), slice.at()), powerOfTen);
        if (!Double.isFinite(value)) {
            return Sample.bad(point.id(), now, "not a finite number: " + value);
        }
        return Sample.good(point.id(), now, value);
    }
}
