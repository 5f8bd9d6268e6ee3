package io.carbonedge.driver.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.DigitalStateChangeListener;
import com.pi4j.io.gpio.digital.PullResistance;
import io.carbonedge.driver.DeviceUnavailableException;
import io.carbonedge.driver.Driver;
import io.carbonedge.driver.Sample;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the pulses of one S0 meter on a GPIO input and reads them as a counter:
 * {@code offset + pulses / pulses-per-unit}.
 *
 * <p>Pulses are counted by a listener on the input, so none is missed between polls. Each read
 * saves the count to the meter's state file before it returns the value, so every value the
 * agent ever stored is at most the saved count: after a crash or a power cut the count continues
 * from the last read and the counter never decreases. Pulses that arrived after the last read
 * and before a crash are lost (at most one poll interval's worth); a clean {@link #close()}
 * saves them too. Pulses that arrive while the agent is not running are never seen.
 */
final class S0PulseDriver implements Driver {

    private static final Logger log = LoggerFactory.getLogger(S0PulseDriver.class);

    private final S0Meter meter;
    private final SharedContext shared;
    private final LongSupplier nanoClock;
    private final PulseCountFile file;

    private Context context;
    private DigitalInput input;
    private DigitalStateChangeListener listener;
    private PulseFilter filter;
    private long savedCount;
    private String saveFailure;

    S0PulseDriver(S0Meter meter, SharedContext shared, LongSupplier nanoClock) {
        this.meter = meter;
        this.shared = shared;
        this.nanoClock = nanoClock;
        this.file = new PulseCountFile(meter.stateFile());
    }

    S0Meter meter() {
        return meter;
    }

    /** The Pi4J id of the input, unique per pin. */
    String inputId() {
        return "gpio-in-" + meter.pin();
    }

    @Override
    public List<Sample> read(Instant now) throws DeviceUnavailableException {
        open();
        filter.settle(nanoClock.getAsLong());
        long count = filter.count();
        if (count != savedCount) {
            try {
                file.save(count);
                savedCount = count;
                saveRecovered();
            } catch (IOException e) {
                String reason = "cannot save the pulse count to " + file.path() + ": " + e.getMessage();
                saveFailed(reason);
                return List.of(Sample.bad(meter.pointId(), now, reason));
            }
        }
        return List.of(Sample.good(meter.pointId(), now, meter.valueAfter(savedCount)));
    }

    private void open() throws DeviceUnavailableException {
        if (input != null) {
            return;
        }
        long start = loadCount();
        Context ctx;
        try {
            ctx = shared.acquire();
        } catch (RuntimeException e) {
            throw new DeviceUnavailableException("no GPIO on this machine: " + message(e), e);
        }
        try {
            DigitalInput in = ctx.create(DigitalInput.newConfigBuilder(ctx)
                    .id(inputId())
                    .name(meter.deviceId())
                    .address(meter.pin())
                    .pull(pullResistance())
                    .debounce(0L)); // our own filter debounces, the same way on every provider
            PulseFilter pulses = new PulseFilter(start, isActive(in.state()), nanoClock.getAsLong(),
                    meter.debounce().toNanos());
            DigitalStateChangeListener onChange = event -> {
                if (event.state() != DigitalState.UNKNOWN) {
                    pulses.onLevel(isActive(event.state()), nanoClock.getAsLong());
                }
            };
            in.addListener(onChange);
            context = ctx;
            input = in;
            listener = onChange;
            filter = pulses;
            savedCount = start;
        } catch (RuntimeException e) {
            shared.release();
            throw new DeviceUnavailableException("cannot open GPIO " + meter.pin() + ": " + message(e)
                    + " (on a Raspberry Pi, the agent's user needs the group gpio; two devices cannot share a pin)", e);
        }
        log.info("{}: counting pulses on GPIO {} from {} (saved in {})", meter.deviceId(), meter.pin(), start, file.path());
    }

    private long loadCount() throws DeviceUnavailableException {
        try {
            OptionalLong saved = file.load();
            return saved.orElse(0);
        } catch (PulseCountFile.Unreadable e) {
            try {
                var aside = file.moveAside(System.currentTimeMillis());
                log.error("{}: {}; moved it to {} and counting from 0 (the accounting sees a meter reset)",
                        meter.deviceId(), e.getMessage(), aside);
                return 0;
            } catch (IOException moveFailed) {
                throw new DeviceUnavailableException(e.getMessage() + " and it cannot be moved aside: "
                        + moveFailed.getMessage(), moveFailed);
            }
        } catch (IOException e) {
            throw new DeviceUnavailableException("cannot read the pulse count in " + file.path() + ": " + e.getMessage(), e);
        }
    }

    private boolean isActive(DigitalState state) {
        return meter.edge().isActive(state == DigitalState.HIGH);
    }

    private PullResistance pullResistance() {
        return switch (meter.pull()) {
            case UP -> PullResistance.PULL_UP;
            case DOWN -> PullResistance.PULL_DOWN;
            case NONE -> PullResistance.OFF;
        };
    }

    private void saveFailed(String reason) {
        if (saveFailure == null) {
            log.warn("{}: {}; the counter is held until the count can be saved (pulses are still counted)",
                    meter.deviceId(), reason);
        }
        saveFailure = reason;
    }

    private void saveRecovered() {
        if (saveFailure != null) {
            log.info("{}: pulse count saved again in {}", meter.deviceId(), file.path());
            saveFailure = null;
        }
    }

    /** Saves the count, stops listening and gives back the GPIO input. Never throws. */
    @Override
    public void close() {
        if (input == null) {
            return;
        }
        filter.settle(nanoClock.getAsLong());
        long count = filter.count();
        if (count != savedCount) {
            try {
                file.save(count);
                savedCount = count;
            } catch (IOException e) {
                log.warn("{}: {} pulses since the last save are lost: cannot save to {}: {}",
                        meter.deviceId(), count - savedCount, file.path(), e.getMessage());
            }
        }
        try {
            input.removeListener(listener);
            context.shutdown(inputId());
        } catch (RuntimeException e) {
            log.debug("{}: GPIO {} did not close cleanly", meter.deviceId(), meter.pin(), e);
        }
        shared.release();
        input = null;
        listener = null;
        context = null;
        filter = null;
    }

    private static String message(RuntimeException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
