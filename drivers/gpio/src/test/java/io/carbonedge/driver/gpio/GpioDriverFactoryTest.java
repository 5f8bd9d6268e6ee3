package io.carbonedge.driver.gpio;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonedge.driver.DriverFactory;
import io.carbonedge.driver.PointKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class GpioDriverFactoryTest {

    private static final Path STATE = Path.of("/tmp/never-written");
    private final GpioDriverFactory factory = new GpioDriverFactory();

    private S0Meter meterOf(MeterFixture fixture) {
        return ((S0PulseDriver) fixture.create(factory)).meter();
    }

    private static String field(String error) {
        return error.substring(0, error.indexOf(':'));
    }

    @Test
    void isFoundByServiceLoaderUnderItsProtocol() {
        assertThat(ServiceLoader.load(DriverFactory.class).stream().map(ServiceLoader.Provider::get))
                .anySatisfy(found -> {
                    assertThat(found).isInstanceOf(GpioDriverFactory.class);
                    assertThat(found.protocol()).isEqualTo("gpio");
                });
    }

    @Test
    void everyFieldIsRead() {
        MeterFixture fixture = new MeterFixture("water-main")
                .connection("pin", 22).connection("pull", "down").connection("edge", "rising")
                .connection("debounce", "35ms").connection("state-dir", "/data/gpio")
                .point("volume", PointKind.COUNTER, "pulses-per-unit", 100, "offset", 1234.5);

        S0Meter meter = meterOf(fixture);

        assertThat(fixture.errors()).isEmpty();
        assertThat(meter).isEqualTo(new S0Meter("water-main", "volume", 22, Pull.DOWN, Edge.RISING,
                Duration.ofMillis(35), 100, 1234.5, Path.of("/data/gpio")));
        assertThat(meter.stateFile()).isEqualTo(Path.of("/data/gpio/water-main.pulses"));
        assertThat(meter.valueAfter(250)).isEqualTo(1237.0);
    }

    @Test
    void defaultsSuitAnActiveLowS0OutputOnAPulledUpInput() {
        MeterFixture fixture = new MeterFixture("m").connection("pin", 17)
                .point("energy", PointKind.COUNTER, "pulses-per-unit", 1000);

        S0Meter meter = meterOf(fixture);

        assertThat(fixture.errors()).isEmpty();
        assertThat(meter.pull()).isEqualTo(Pull.UP);
        assertThat(meter.edge()).isEqualTo(Edge.FALLING);
        assertThat(meter.debounce()).isEqualTo(Duration.ofMillis(20));
        assertThat(meter.offset()).isZero();
        assertThat(meter.stateDir()).isEqualTo(Path.of("/var/lib/carbonedge/gpio"));
    }

    @Test
    void aMissingPinAndPulseConstantAreReported() {
        MeterFixture fixture = new MeterFixture("m").point("energy", PointKind.COUNTER);
        fixture.create(factory);

        assertThat(fixture.errors()).containsExactly(
                "pin: a whole number (missing)",
                "pulses-per-unit: the meter's pulse constant, e.g. 1000 for 1000 imp/kWh (missing)");
    }

    @Test
    void outOfRangeAndUnknownValuesAreReported() {
        MeterFixture fixture = MeterFixture.s0("m", 28, STATE)
                .connection("pull", "high").connection("edge", "both").connection("debounce", "2s")
                .connection("state-dir", "relative/dir")
                .pointField("pulses-per-unit", 0).pointField("offset", -1);
        fixture.create(factory);

        assertThat(fixture.errors()).extracting(GpioDriverFactoryTest::field)
                .containsExactly("pin", "pull", "edge", "debounce", "state-dir", "pulses-per-unit", "offset");
        assertThat(fixture.errors()).contains(
                "pin: a whole number from 0 to 27",
                "debounce: at most 1s (S0 pulses last 30 to 120 ms), e.g. 20ms",
                "state-dir: an absolute directory, e.g. /var/lib/carbonedge/gpio",
                "pulses-per-unit: a positive number, e.g. 1000 for 1000 imp/kWh");
    }

    @Test
    void aPulseMeterHasExactlyOneCounterPoint() {
        MeterFixture gauge = new MeterFixture("m").connection("pin", 17)
                .point("power", PointKind.GAUGE, "pulses-per-unit", 1000);
        gauge.create(factory);
        MeterFixture two = MeterFixture.s0("m", 17, STATE).point("more", PointKind.COUNTER, "pulses-per-unit", 1);
        two.create(factory);
        MeterFixture none = new MeterFixture("m").connection("pin", 17);
        none.create(factory);

        assertThat(gauge.errors()).containsExactly("kind: counter: a gpio (S0 pulse) point counts pulses");
        assertThat(two.errors()).containsExactly("points: exactly one counter point for a gpio (S0 pulse) device, got 2");
        assertThat(none.errors()).containsExactly("points: exactly one counter point for a gpio (S0 pulse) device, got 0");
    }

    @Test
    void creatingADriverTouchesNoHardware() {
        MeterFixture.s0("m", 17, STATE).create(factory).close();

        assertThat(factory.contextUsers()).isZero();
        assertThat(STATE).doesNotExist();
    }
}
