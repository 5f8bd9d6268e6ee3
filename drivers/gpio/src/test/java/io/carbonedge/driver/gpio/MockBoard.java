package io.carbonedge.driver.gpio;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link GpioDriverFactory} on Pi4J's mock plugin (it outranks every real provider on the test
 * class path) with a hand-turned clock, and a hand on the wires: a test sets an input's level
 * through {@link MockDigitalInput#mockState}, which calls the driver's listener on the spot.
 */
final class MockBoard {

    private final List<Context> contexts = new CopyOnWriteArrayList<>();
    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
    final GpioDriverFactory factory = new GpioDriverFactory(this::newContext, nanos::get);

    private Context newContext() {
        Context context = Pi4J.newAutoContext();
        contexts.add(context);
        return context;
    }

    /** Every context the factory made, oldest first. */
    List<Context> contexts() {
        return contexts;
    }

    /** The input of an open meter on {@code pin}. */
    MockDigitalInput input(int pin) {
        return contexts.get(contexts.size() - 1).registry().get("gpio-in-" + pin, MockDigitalInput.class);
    }

    void advance(Duration time) {
        nanos.addAndGet(time.toNanos());
    }

    /** Sets the wire of {@code pin} high or low, now. */
    void level(int pin, boolean high) {
        input(pin).mockState(high ? DigitalState.HIGH : DigitalState.LOW);
    }

    /**
     * Gives {@code count} clean active-low pulses (the S0 output pulls a pulled-up line low):
     * 50 ms low, then 100 ms high.
     */
    void pulses(int pin, int count) {
        for (int i = 0; i < count; i++) {
            level(pin, false);
            advance(Duration.ofMillis(50));
            level(pin, true);
            advance(Duration.ofMillis(100));
        }
    }
}
