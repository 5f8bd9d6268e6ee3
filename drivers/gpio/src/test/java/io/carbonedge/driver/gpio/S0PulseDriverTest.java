package io.carbonedge.driver.gpio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pi4j.context.Context;
import io.carbonedge.driver.DeviceUnavailableException;
import io.carbonedge.driver.Driver;
import io.carbonedge.driver.Quality;
import io.carbonedge.driver.Sample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S0PulseDriverTest {

    private static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");
    private static final int PIN = 17;

    @TempDir
    Path state;

    private final MockBoard board = new MockBoard();
    private Driver driver;

    @AfterEach
    void closeDriver() {
        if (driver != null) {
            driver.close();
        }
    }

    /** Opens the meter (the first read claims the pin) and sets its line idle (high, pulled up). */
    private Driver openIdle(MockBoard on, MeterFixture fixture) throws DeviceUnavailableException {
        Driver opened = fixture.create(on.factory);
        opened.read(NOW);
        int pin = ((S0PulseDriver) opened).meter().pin();
        on.level(pin, true);
        on.advance(Duration.ofMillis(100));
        return opened;
    }

    private static double value(Driver driver) throws DeviceUnavailableException {
        List<Sample> samples = driver.read(NOW);
        assertThat(samples).singleElement().satisfies(s -> assertThat(s.quality()).isEqualTo(Quality.GOOD));
        return samples.get(0).value();
    }

    @Test
    void pulsesBetweenReadsAddUpToTheCounterValue() throws Exception {
        driver = openIdle(board, MeterFixture.s0("grid", PIN, state).pointField("offset", 12.5));
        assertThat(value(driver)).isEqualTo(12.5);

        board.pulses(PIN, 1500);
        assertThat(value(driver)).isEqualTo(14.0);

        board.pulses(PIN, 250);
        List<Sample> samples = driver.read(NOW);
        assertThat(samples).containsExactly(Sample.good("energy", NOW, 14.25));
    }

    @Test
    void contactBounceIsNotCounted() throws Exception {
        driver = openIdle(board, MeterFixture.s0("water", PIN, state).connection("debounce", "20ms"));
        for (int pulse = 0; pulse < 10; pulse++) {
            for (int bounce = 0; bounce < 3; bounce++) { // closes with bounce
                board.level(PIN, false);
                board.advance(Duration.ofMillis(1));
                board.level(PIN, true);
                board.advance(Duration.ofMillis(1));
            }
            board.level(PIN, false);
            board.advance(Duration.ofMillis(40));
            board.level(PIN, true); // opens with a bounce
            board.advance(Duration.ofMillis(2));
            board.level(PIN, false);
            board.advance(Duration.ofMillis(2));
            board.level(PIN, true);
            board.advance(Duration.ofMillis(200));
        }
        board.level(PIN, false); // a 5 ms spike
        board.advance(Duration.ofMillis(5));
        board.level(PIN, true);
        board.advance(Duration.ofMillis(100));

        assertThat(value(driver)).isEqualTo(0.010);
    }

    @Test
    void anActiveHighMeterCountsOnTheRisingEdge() throws Exception {
        driver = MeterFixture.s0("gas", PIN, state).connection("pull", "down").connection("edge", "rising")
                .pointField("pulses-per-unit", 100).create(board.factory);
        driver.read(NOW);
        for (int i = 0; i < 7; i++) {
            board.level(PIN, true);
            board.advance(Duration.ofMillis(50));
            board.level(PIN, false);
            board.advance(Duration.ofMillis(100));
        }

        assertThat(value(driver)).isEqualTo(0.07);
    }

    @Test
    void aRestartContinuesFromTheSavedCount() throws Exception {
        MeterFixture meter = MeterFixture.s0("grid", PIN, state);
        driver = openIdle(board, meter);
        board.pulses(PIN, 1234);
        assertThat(value(driver)).isEqualTo(1.234);
        board.pulses(PIN, 6); // after the last read: saved when the driver closes
        driver.close();

        assertThat(state.resolve("grid.pulses")).hasContent("1240\n");
        MockBoard restarted = new MockBoard();
        driver = openIdle(restarted, meter);
        assertThat(value(driver)).isEqualTo(1.240);
        restarted.pulses(PIN, 10);
        assertThat(value(driver)).isEqualTo(1.250);
    }

    @Test
    void aCrashLosesOnlyThePulsesSinceTheLastReadAndTheCounterNeverDecreases() throws Exception {
        MeterFixture meter = MeterFixture.s0("grid", PIN, state);
        Driver crashed = openIdle(board, meter);
        board.pulses(PIN, 500);
        double lastStored = value(crashed);
        board.pulses(PIN, 3); // counted in memory, never read: the process dies without close()

        MockBoard restarted = new MockBoard();
        driver = openIdle(restarted, meter);

        assertThat(value(driver)).isEqualTo(lastStored).isEqualTo(0.5);
    }

    @Test
    void whileTheCountCannotBeSavedTheCounterIsHeldAndPulsesAreStillCounted() throws Exception {
        Path blocker = Files.createDirectory(state.resolve("grid.pulses.tmp")); // where the new count is written
        driver = openIdle(board, MeterFixture.s0("grid", PIN, state));
        board.pulses(PIN, 5);

        assertThat(driver.read(NOW)).singleElement().satisfies(s -> {
            assertThat(s.quality()).isEqualTo(Quality.BAD);
            assertThat(s.reason()).startsWith("cannot save the pulse count to " + state.resolve("grid.pulses"));
        });
        assertThat(state.resolve("grid.pulses")).doesNotExist();

        Files.delete(blocker);
        board.pulses(PIN, 2);
        assertThat(value(driver)).isEqualTo(0.007);
    }

    @Test
    void anUnreadableCountFileIsMovedAsideAndCountingStartsAgain() throws Exception {
        Files.writeString(state.resolve("grid.pulses"), "not a number");
        driver = openIdle(board, MeterFixture.s0("grid", PIN, state));
        board.pulses(PIN, 2);

        assertThat(value(driver)).isEqualTo(0.002);
        try (var files = Files.list(state)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .hasSize(2)
                    .first().isEqualTo("grid.pulses");
        }
        try (var files = Files.list(state)) {
            assertThat(files.filter(p -> p.getFileName().toString().startsWith("grid.pulses.unreadable-")))
                    .singleElement().satisfies(aside -> assertThat(aside).hasContent("not a number"));
        }
    }

    @Test
    void allMetersShareOneContextThatStopsWithTheLastOne() throws Exception {
        Driver first = openIdle(board, MeterFixture.s0("a", 17, state));
        driver = openIdle(board, MeterFixture.s0("b", 27, state));
        board.pulses(17, 3);
        board.pulses(27, 4);

        assertThat(value(first)).isEqualTo(0.003);
        assertThat(value(driver)).isEqualTo(0.004);
        assertThat(board.contexts()).hasSize(1);
        Context context = board.contexts().get(0);
        assertThat(board.factory.contextUsers()).isEqualTo(2);

        first.close();
        first.close();
        assertThat(board.factory.contextUsers()).isEqualTo(1);
        assertThat(context.isShutdown()).isFalse();
        assertThat(context.registry().exists("gpio-in-17")).isFalse();

        driver.close();
        assertThat(board.factory.contextUsers()).isZero();
        assertThat(context.isShutdown()).isTrue();
    }

    @Test
    void twoMetersOnOnePinAreRefusedPlainly() throws Exception {
        driver = openIdle(board, MeterFixture.s0("a", PIN, state));
        Driver second = MeterFixture.s0("b", PIN, state).create(board.factory);

        assertThatThrownBy(() -> second.read(NOW))
                .isInstanceOf(DeviceUnavailableException.class)
                .hasMessageStartingWith("cannot open GPIO 17: ");
        assertThat(board.factory.contextUsers()).isEqualTo(1);
        second.close();
    }

    @Test
    void aMachineWithoutGpioMakesTheDeviceUnavailableAndIsTriedAgain() throws Exception {
        int[] attempts = {0};
        GpioDriverFactory noGpio = new GpioDriverFactory(() -> {
            attempts[0]++;
            throw new IllegalStateException("Couldn't identify gpiochip!");
        }, System::nanoTime);
        driver = MeterFixture.s0("a", PIN, state).create(noGpio);

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> driver.read(NOW))
                    .isInstanceOf(DeviceUnavailableException.class)
                    .hasMessage("no GPIO on this machine: Couldn't identify gpiochip!");
        }
        assertThat(attempts[0]).isEqualTo(2);
        assertThat(noGpio.contextUsers()).isZero();
    }
}
