package io.carbonedge.driver.gpio;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import io.carbonedge.driver.ConfigSection;
import io.carbonedge.driver.DeviceSpec;
import io.carbonedge.driver.Driver;
import io.carbonedge.driver.DriverContext;
import io.carbonedge.driver.DriverFactory;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes drivers for S0 pulse meters wired to GPIO inputs ({@code protocol: gpio}), and the
 * status LED. All of them share one Pi4J context, made when the first one opens its pin and shut
 * down when the last one closes; use one factory per process.
 *
 * <p>Connection fields: {@code pin} (required, BCM number 0-27), {@code pull} (up | down | none,
 * default up), {@code edge} (falling | rising, default falling), {@code debounce} (default 20ms,
 * at most 1s), {@code state-dir} (default /var/lib/carbonedge/gpio). Exactly one point, a counter,
 * with {@code pulses-per-unit} (required, e.g. 1000 for 1000 imp/kWh) and {@code offset} (the
 * meter's reading when counting started, default 0).
 */
public final class GpioDriverFactory implements DriverFactory {

    /** The protocol name, as written in a device file. */
    public static final String PROTOCOL = "gpio";

    /** The highest GPIO (BCM number) on the Raspberry Pi's 40-pin header; the lowest is 0. */
    public static final int HIGHEST_PIN = GpioConfigReader.MAX_PIN;

    private static final Logger log = LoggerFactory.getLogger(GpioDriverFactory.class);

    private final SharedContext context;
    private final LongSupplier nanoClock;

    /** Uses Pi4J's auto context: the GPIO character device on a Raspberry Pi. */
    public GpioDriverFactory() {
        this(Pi4J::newAutoContext, System::nanoTime);
    }

    GpioDriverFactory(Supplier<Context> contexts, LongSupplier nanoClock) {
        this.context = new SharedContext(contexts);
        this.nanoClock = nanoClock;
    }

    @Override
    public String protocol() {
        return PROTOCOL;
    }

    @Override
    public Driver create(DriverContext files, DeviceSpec device, ConfigSection connection,
                         List<ConfigSection> points) {
        return new S0PulseDriver(GpioConfigReader.meter(device, connection, points), context, nanoClock);
    }

    /**
     * The status LED on the given GPIO (BCM number, lit when high), blinking on its own daemon
     * thread; a disabled LED when {@code pin} is empty or the pin cannot be opened (logged once:
     * a missing LED never stops the agent). Close it when the agent stops.
     *
     * @throws IllegalArgumentException when the pin is outside 0 to {@link #HIGHEST_PIN}
     */
    public StatusLed statusLed(OptionalInt pin) {
        if (pin.isEmpty()) {
            return StatusLed.disabled();
        }
        int bcm = pin.getAsInt();
        if (bcm < 0 || bcm > HIGHEST_PIN) {
            throw new IllegalArgumentException("status LED pin must be a GPIO from 0 to " + HIGHEST_PIN + ", got " + bcm);
        }
        try {
            return new StatusLed(Pi4jLedOutput.open(context, bcm), new ScheduledStepTimer());
        } catch (RuntimeException e) {
            log.warn("status LED on GPIO {} stays dark: {}", bcm, e.getMessage());
            return StatusLed.disabled();
        }
    }

    /** How many drivers and LEDs hold the Pi4J context now. */
    int contextUsers() {
        return context.users();
    }
}
