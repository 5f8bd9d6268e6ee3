package io.carbonedge.driver;

import java.time.Instant;
import java.util.Objects;

/**
 * One value of one point at one moment, as a driver returned it.
 *
 * @param pointId the point's id within its device
 * @param time    when the value was read (or the device's own timestamp, where it has one)
 * @param value   the value in the point's unit after scaling; {@code NaN} when there is none
 * @param quality how far the value can be trusted
 * @param reason  why the quality is not {@link Quality#GOOD} ("exception 2: illegal data address"),
 *                or {@code null} when it is
 */
public record Sample(String pointId, Instant time, double value, Quality quality, String reason) {

    public Sample {
        Objects.requireNonNull(pointId, "pointId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(quality, "quality");
    }

    public static Sample good(String pointId, Instant time, double value) {
        return new Sample(pointId, time, value, Quality.GOOD, null);
    }

    public static Sample bad(String pointId, Instant time, String reason) {
        return new Sample(pointId, time, Double.NaN, Quality.BAD, reason);
    }

    public boolean isGood() {
        return quality == Quality.GOOD;
    }
}
