package io.carbonedge.driver.gpio;

import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's status LED: blinks the pattern of the {@link LedState} last shown, on its own
 * thread, until closed. Get one from {@link GpioDriverFactory#statusLed}; a gateway without an
 * LED gets {@link #disabled()}, on which every call does nothing.
 *
 * <p>Thread-safe: the agent may call {@link #show} from any thread, as often as it likes;
 * showing the state already shown changes nothing.
 */
public final class StatusLed implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StatusLed.class);

    private final LedOutput output;
    private final StepTimer timer;
    private LedState state = LedState.OFF;
    private long generation;
    private int nextStep;
    private StepTimer.Cancellable pending;
    private boolean failing;
    private boolean closed;

    StatusLed(LedOutput output, StepTimer timer) {
        this.output = output;
        this.timer = timer;
    }

    /** An LED that is not there: for gateways with no LED pin configured. */
    public static StatusLed disabled() {
        return new StatusLed(null, null);
    }

    /** Whether this LED drives a pin. */
    public boolean isEnabled() {
        return output != null;
    }

    /** Starts blinking the pattern of {@code next} from its beginning, unless it is already shown. */
    public synchronized void show(LedState next) {
        Objects.requireNonNull(next, "next");
        if (output == null || closed || next == state) {
            return;
        }
        state = next;
        generation++;
        nextStep = 0;
        cancelPending();
        runStep(generation);
    }

    /** The state last shown ({@link LedState#OFF} before the first and after closing). */
    public synchronized LedState state() {
        return state;
    }

    private synchronized void runStep(long forGeneration) {
        if (closed || forGeneration != generation) {
            return;
        }
        List<BlinkPattern.Step> steps = state.pattern().steps();
        if (steps.isEmpty()) {
            set(false);
            return;
        }
        BlinkPattern.Step step = steps.get(nextStep);
        nextStep = (nextStep + 1) % steps.size();
        set(step.on());
        pending = timer.schedule(() -> runStep(forGeneration), step.length());
    }

    private void set(boolean on) {
        try {
            output.set(on);
            if (failing) {
                log.info("status LED works again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("status LED cannot be switched: {}", e.getMessage());
                failing = true;
            }
        }
    }

    private void cancelPending() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }

    /** Stops blinking, darkens the LED and gives back its pin. Never throws; may be called again. */
    @Override
    public synchronized void close() {
        if (output == null || closed) {
            return;
        }
        closed = true;
        state = LedState.OFF;
        cancelPending();
        timer.shutdown();
        output.close();
    }
}
