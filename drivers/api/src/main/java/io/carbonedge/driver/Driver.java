package io.carbonedge.driver;

import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Reads the points of one device. Created by a {@link DriverFactory} from validated
 * configuration; used by one polling thread at a time, so implementations need no locking.
 *
 * <p>A driver knows nothing of storage, totals or uplinks: it turns the device's answers into
 * {@link Sample}s and nothing else.
 */
public interface Driver extends AutoCloseable {

    /**
     * Reads every point of the device. A point that cannot be read (an exception response, a
     * sentinel value) comes back as a {@link Quality#BAD} sample with a reason; the batch as a
     * whole fails only when the device cannot be reached at all.
     *
     * <p>The driver connects lazily and reconnects by itself after a failure.
     *
     * @param now the time to stamp on samples that carry no device timestamp
     * @return one sample per configured point, in configuration order (drivers that receive
     *         pushed values, such as subscriptions, may return any number)
     * @throws DeviceUnavailableException when the device cannot be reached
     */
    List<Sample> read(Instant now) throws DeviceUnavailableException;

    /**
     * The value at which a counter point wraps to zero, after scaling, when the device's encoding
     * fixes it (a uint32 register in 0.01 kWh wraps at 2^32 × 0.01 = 42,949,672.96 kWh); empty
     * when unknown (floating point, or a gauge). Accounting uses it to tell a rollover from a
     * meter reset.
     */
    default OptionalDouble rolloverAt(String pointId) {
        return OptionalDouble.empty();
    }

    /** Releases connections. Never throws; a driver may be closed more than once. */
    @Override
    void close();
}
