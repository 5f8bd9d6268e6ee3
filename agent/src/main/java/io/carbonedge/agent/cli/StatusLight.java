package io.carbonedge.agent.cli;

import io.carbonedge.agent.Agent;
import io.carbonedge.agent.poll.DeviceStatus;
import io.carbonedge.agent.uplink.UplinkStatus;
import io.carbonedge.driver.DriverFactory;
import io.carbonedge.driver.gpio.GpioDriverFactory;
import io.carbonedge.driver.gpio.LedState;
import io.carbonedge.driver.gpio.StatusLed;

import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's status LED, on the GPIO pin named by {@code CARBONEDGE_STATUS_LED_PIN} (set in
 * {@code /etc/default/carbonedge}: it belongs to the board, not to the plant's configuration).
 * Shows the most urgent of: a device fault, an uplink down, running.
 */
final class StatusLight implements AutoCloseable {

    static final String PIN_VARIABLE = "CARBONEDGE_STATUS_LED_PIN";

    private final StatusLed led;
    private final ScheduledExecutorService timer;

    private StatusLight(StatusLed led, Agent agent) {
        this.led = led;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "status-led");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> led.show(stateOf(agent)), 0, 1, TimeUnit.SECONDS);
    }

    /**
     * The light, when a pin is set and the GPIO driver is present; otherwise nothing happens.
     *
     * @param factories the same factories the configuration was loaded with, so the LED and the pulse
     *                  meters share one GPIO context
     */
    static StatusLight start(Map<String, String> env, Map<String, DriverFactory> factories, Agent agent) {
        OptionalInt pin = pin(env.get(PIN_VARIABLE));
        DriverFactory gpio = factories.get(GpioDriverFactory.PROTOCOL);
        StatusLed led = pin.isPresent() && gpio instanceof GpioDriverFactory g ? g.statusLed(pin) : StatusLed.disabled();
        return new StatusLight(led, agent);
    }

    private static OptionalInt pin(String text) {
        if (text == null || text.isBlank()) {
            return OptionalInt.empty();
        }
        try {
            int pin = Integer.parseInt(text.strip());
            return pin >= 0 && pin <= GpioDriverFactory.HIGHEST_PIN ? OptionalInt.of(pin) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    static LedState stateOf(Agent agent) {
        if (agent.devices().values().stream().anyMatch(d -> d.state() == DeviceStatus.State.OFFLINE)) {
            return LedState.DEVICE_FAULT;
        }
        if (agent.uplinks().stream().anyMatch(u -> u.state() == UplinkStatus.State.DOWN)) {
            return LedState.UPLINK_DOWN;
        }
        return LedState.RUNNING;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        led.close();
    }
}
