package io.carbonedge.driver.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.carbonedge.driver.DriverFactory;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ModbusDriverFactoryTest {

    private static DeviceFixture device() {
        return new DeviceFixture().connection("host", "10.0.0.5");
    }

    private static ReadPlan planOf(DeviceFixture device) {
        return ((ModbusDriver) device.create()).plan();
    }

    @Test
    void isFoundByServiceLoaderUnderItsProtocol() {
        assertThat(ServiceLoader.load(DriverFactory.class).stream().map(ServiceLoader.Provider::get))
                .anySatisfy(factory -> {
                    assertThat(factory).isInstanceOf(ModbusDriverFactory.class);
                    assertThat(factory.protocol()).isEqualTo("modbus");
                });
    }

    @Test
    void aValidDeviceReportsNothingAndPlansItsReads() {
        DeviceFixture device = device()
                .connection("port", 1502).connection("unit-id", 3).connection("max-gap", 8).connection("max-registers", 60)
                .point("total", "register", "0x0000", "type", "uint32", "scale", 0.01)
                .point("import", "register", "0x000A", "type", "uint32", "order", "cdab", "scale", 0.01)
                .point("power", "register", "0x016A", "type", "int32", "scale", 0.001)
                .point("temp", "table", "input", "register", 7, "type", "int16");

        ReadPlan plan = planOf(device);

        assertThat(device.errors()).isEmpty();
        assertThat(plan.requests()).extracting(ReadRequest::table, ReadRequest::firstRegister, ReadRequest::registerCount)
                .containsExactly(
                        tuple(Table.HOLDING, 0, 12),
                        tuple(Table.HOLDING, 0x016A, 2),
                        tuple(Table.INPUT, 7, 1));
    }

    @Test
    void defaultsApplyWhenFieldsAreAbsent() {
        // default max-gap 16 merges 0 and 17 (16 unused registers between them)
        DeviceFixture device = device().point("a", "register", 0).point("b", "register", 17);

        assertThat(planOf(device).requests()).hasSize(1);
        assertThat(device.errors()).isEmpty();
    }

    @Test
    void aMissingHostIsReported() {
        DeviceFixture device = new DeviceFixture().point("a", "register", 0);
        device.create();

        assertThat(device.errors()).containsExactly("host: a value (missing)");
    }

    @Test
    void aUrlInsteadOfAHostIsReported() {
        DeviceFixture device = new DeviceFixture().connection("host", "tcp://10.0.0.5:502").point("a", "register", 0);
        device.create();

        assertThat(device.errors()).singleElement().asString().startsWith("host: a host name or IP address");
    }

    @Test
    void outOfRangeConnectionFieldsAreReported() {
        DeviceFixture device = device()
                .connection("port", 70000).connection("unit-id", 248)
                .connection("max-gap", 126).connection("max-registers", 0)
                .point("a", "register", 0);
        device.create();

        assertThat(device.errors()).extracting(e -> e.substring(0, e.indexOf(':')))
                .containsExactly("port", "unit-id", "max-gap", "max-registers");
    }

    @Test
    void aMissingOrOutOfRangeRegisterIsReported() {
        DeviceFixture device = device().point("a").point("b", "register", 65536).point("c", "register", "0x10000");
        device.create();

        assertThat(device.errors()).containsExactly(
                "register: a whole number (missing)",
                "register: a whole number from 0 to 65535",
                "register: a whole number from 0 to 65535");
    }

    @Test
    void aThirtyTwoBitPointMustEndAtRegister65535() {
        DeviceFixture ok = device().point("a", "register", 65534, "type", "float32");
        ok.create();
        DeviceFixture tooHigh = device().point("a", "register", 65535, "type", "uint32");
        tooHigh.create();

        assertThat(ok.errors()).isEmpty();
        assertThat(tooHigh.errors()).containsExactly("register: at most 65534 for uint32, which spans 2 registers");
    }

    @Test
    void unknownWordsAreReported() {
        DeviceFixture device = device()
                .point("a", "register", 0, "type", "double", "table", "coils", "order", "abdc");
        device.create();

        assertThat(device.errors()).extracting(e -> e.substring(0, e.indexOf(':')))
                .containsExactlyInAnyOrder("type", "table", "order");
    }

    @Test
    void anOrderOnASixteenBitPointIsReportedButAbcdIsAccepted() {
        DeviceFixture device = device()
                .point("a", "register", 0, "type", "int16", "order", "badc")
                .point("b", "register", 1, "type", "uint16", "order", "abcd");
        device.create();

        assertThat(device.errors()).singleElement().asString().startsWith("order: no order for int16");
    }

    @Test
    void aZeroScaleIsReported() {
        DeviceFixture device = device().point("a", "register", 0, "scale", 0);
        device.create();

        assertThat(device.errors()).containsExactly("scale: a non-zero number, e.g. 0.01");
    }

    @Test
    void maxRegistersTooShortForAThirtyTwoBitPointIsReported() {
        DeviceFixture device = device().connection("max-registers", 1)
                .point("a", "register", 0, "type", "float32");
        device.create();

        assertThat(device.errors()).containsExactly("max-registers: at least 2, the length of the longest point");
    }
}
