package io.carbonedge.driver.gpio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The LED on a real scheduled thread, switching Pi4J's mock output. */
class StatusLedOnPi4jTest {

    private static final int LED_PIN = 22;

    @TempDir
    Path state;

    private final MockBoard board = new MockBoard();

    @Test
    void blinksTheMockOutputAndDarkensItOnClose() {
        StatusLed led = board.factory.statusLed(OptionalInt.of(LED_PIN));
        Context context = board.contexts().get(0);
        DigitalOutput output = context.registry().get(Pi4jLedOutput.idOf(LED_PIN), DigitalOutput.class);
        List<DigitalState> seen = new CopyOnWriteArrayList<>();
        output.addListener(event -> seen.add(event.state()));

        assertThat(led.isEnabled()).isTrue();
        led.show(LedState.UPLINK_DOWN);
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() >= 6);
        led.close();

        assertThat(seen.subList(0, 6)).containsExactly(DigitalState.HIGH, DigitalState.LOW, DigitalState.HIGH,
                DigitalState.LOW, DigitalState.HIGH, DigitalState.LOW);
        assertThat(context.isShutdown()).isTrue();
    }

    @Test
    void theLedAndTheMetersShareOneContext() throws Exception {
        StatusLed led = board.factory.statusLed(OptionalInt.of(LED_PIN));
        var meter = MeterFixture.s0("m", 17, state).create(board.factory);
        meter.read(Instant.now());

        assertThat(board.contexts()).hasSize(1);
        assertThat(board.factory.contextUsers()).isEqualTo(2);
        led.close();
        meter.close();
        assertThat(board.contexts().get(0).isShutdown()).isTrue();
    }

    @Test
    void noPinMeansNoLedAndABadPinIsRefused() {
        assertThat(board.factory.statusLed(OptionalInt.empty()).isEnabled()).isFalse();
        assertThat(board.contexts()).isEmpty();
        assertThatThrownBy(() -> board.factory.statusLed(OptionalInt.of(28)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("status LED pin must be a GPIO from 0 to 27, got 28");
    }

    @Test
    void aPinThatCannotBeOpenedLeavesTheLedDarkAndTheAgentRunning() {
        GpioDriverFactory noGpio = new GpioDriverFactory(() -> {
            throw new IllegalStateException("Couldn't identify gpiochip!");
        }, System::nanoTime);

        StatusLed led = noGpio.statusLed(OptionalInt.of(LED_PIN));

        assertThat(led.isEnabled()).isFalse();
        led.show(LedState.RUNNING);
        assertThat(noGpio.contextUsers()).isZero();
    }
}
