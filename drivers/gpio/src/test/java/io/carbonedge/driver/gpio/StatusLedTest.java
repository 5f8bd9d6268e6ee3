package io.carbonedge.driver.gpio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusLedTest {

    /** A change of the LED: lit or dark, at a time in milliseconds on the manual clock. */
    private record Change(long atMillis, boolean on) {
    }

    private final ManualStepTimer timer = new ManualStepTimer();
    private final List<Change> changes = new ArrayList<>();
    private boolean closed;
    private RuntimeException failWith;

    private final LedOutput output = new LedOutput() {
        @Override
        public void set(boolean on) {
            if (failWith != null) {
                throw failWith;
            }
            changes.add(new Change(timer.nowMillis(), on));
        }

        @Override
        public void close() {
            closed = true;
        }
    };

    private final StatusLed led = new StatusLed(output, timer);

    private static List<Change> at(Object... millisAndOn) {
        List<Change> expected = new ArrayList<>();
        for (int i = 0; i < millisAndOn.length; i += 2) {
            expected.add(new Change(((Number) millisAndOn[i]).longValue(), (Boolean) millisAndOn[i + 1]));
        }
        return expected;
    }

    @Test
    void runningIsASlowHeartbeat() {
        led.show(LedState.RUNNING);
        timer.advance(Duration.ofMillis(4050));

        assertThat(changes).containsExactlyElementsOf(at(0, true, 100, false, 2000, true, 2100, false, 4000, true));
    }

    @Test
    void uplinkDownIsAFastBlink() {
        led.show(LedState.UPLINK_DOWN);
        timer.advance(Duration.ofMillis(1000));

        assertThat(changes).containsExactlyElementsOf(at(0, true, 125, false, 250, true, 375, false, 500, true,
                625, false, 750, true, 875, false, 1000, true));
    }

    @Test
    void aDeviceFaultIsADoubleBlink() {
        led.show(LedState.DEVICE_FAULT);
        timer.advance(Duration.ofMillis(1850));

        assertThat(changes).containsExactlyElementsOf(at(0, true, 150, false, 350, true, 500, false,
                1500, true, 1650, false, 1850, true));
    }

    @Test
    void aNewStateStartsItsPatternAtOnceAndTheSameStateChangesNothing() {
        led.show(LedState.RUNNING);
        timer.advance(Duration.ofMillis(1000));
        led.show(LedState.RUNNING);
        timer.advance(Duration.ofMillis(500));
        led.show(LedState.UPLINK_DOWN);
        timer.advance(Duration.ofMillis(300));

        assertThat(changes).containsExactlyElementsOf(at(0, true, 100, false, 1500, true, 1625, false, 1750, true));
        assertThat(led.state()).isEqualTo(LedState.UPLINK_DOWN);
        assertThat(timer.pending()).isEqualTo(1);
    }

    @Test
    void offIsDarkAndSchedulesNothing() {
        led.show(LedState.DEVICE_FAULT);
        led.show(LedState.OFF);
        timer.advance(Duration.ofSeconds(10));

        assertThat(changes).containsExactlyElementsOf(at(0, true, 0, false));
        assertThat(timer.pending()).isZero();
    }

    @Test
    void closingStopsTheTimerAndGivesBackThePin() {
        led.show(LedState.RUNNING);
        led.close();
        led.close();
        led.show(LedState.DEVICE_FAULT);
        timer.advance(Duration.ofSeconds(10));

        assertThat(changes).containsExactlyElementsOf(at(0, true));
        assertThat(closed).isTrue();
        assertThat(timer.isShutdown()).isTrue();
        assertThat(led.state()).isEqualTo(LedState.OFF);
    }

    @Test
    void aFailingPinDoesNotStopThePattern() {
        failWith = new IllegalStateException("pin gone");
        led.show(LedState.UPLINK_DOWN);
        timer.advance(Duration.ofMillis(300));
        failWith = null;
        timer.advance(Duration.ofMillis(200));

        assertThat(changes).containsExactlyElementsOf(at(375, false, 500, true));
    }

    @Test
    void aDisabledLedDoesNothing() {
        StatusLed none = StatusLed.disabled();
        none.show(LedState.DEVICE_FAULT);
        none.close();

        assertThat(none.isEnabled()).isFalse();
        assertThat(none.state()).isEqualTo(LedState.OFF);
    }

    @Test
    void patternsRepeatWithTheirPeriod() {
        assertThat(LedState.RUNNING.pattern().period()).isEqualTo(Duration.ofSeconds(2));
        assertThat(LedState.DEVICE_FAULT.pattern().period()).isEqualTo(Duration.ofMillis(1500));
        assertThat(LedState.DEVICE_FAULT.pattern().isOnAt(Duration.ofMillis(1500 * 7 + 400))).isTrue();
        assertThat(LedState.DEVICE_FAULT.pattern().isOnAt(Duration.ofMillis(1500 * 7 + 250))).isFalse();
        assertThat(LedState.OFF.pattern().isOnAt(Duration.ofMillis(42))).isFalse();
    }
}
