package io.carbonedge.driver.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The status LED on a GPIO output (BCM numbering), lit when the pin is high. */
final class Pi4jLedOutput implements LedOutput {

    private static final Logger log = LoggerFactory.getLogger(Pi4jLedOutput.class);

    private final SharedContext shared;
    private final Context context;
    private final DigitalOutput output;

    private Pi4jLedOutput(SharedContext shared, Context context, DigitalOutput output) {
        this.shared = shared;
        this.context = context;
        this.output = output;
    }

    /**
     * Claims the pin as an output, dark.
     *
     * @throws RuntimeException what Pi4J throws when there is no GPIO or the pin is taken
     */
    static Pi4jLedOutput open(SharedContext shared, int pin) {
        Context context = shared.acquire();
        try {
            DigitalOutput output = context.create(DigitalOutput.newConfigBuilder(context)
                    .id(idOf(pin))
                    .name("status LED")
                    .address(pin)
                    .initial(DigitalState.LOW)
                    .shutdown(DigitalState.LOW));
            return new Pi4jLedOutput(shared, context, output);
        } catch (RuntimeException e) {
            shared.release();
            throw e;
        }
    }

    /** The Pi4J id of the LED's output. */
    static String idOf(int pin) {
        return "gpio-led-" + pin;
    }

    @Override
    public void set(boolean on) {
        output.state(on ? DigitalState.HIGH : DigitalState.LOW);
    }

    @Override
    public void close() {
        try {
            output.state(DigitalState.LOW);
            context.shutdown(output.id());
        } catch (RuntimeException e) {
            log.debug("status LED did not close cleanly", e);
        }
        shared.release();
    }
}
