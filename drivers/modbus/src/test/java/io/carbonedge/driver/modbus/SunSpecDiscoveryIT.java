package io.carbonedge.driver.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonedge.driver.Driver;
import io.carbonedge.driver.Sample;
import io.carbonedge.driver.modbus.sim.ModbusSimulator;
import io.carbonedge.driver.modbus.sim.SunSpecLayout;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** SunSpec discovery against a simulated inverter with models 1, 103 and 160. */
class SunSpecDiscoveryIT {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private static DeviceFixture sunSpecDevice(int port) {
        return new DeviceFixture()
                .connection("host", "127.0.0.1").connection("port", port)
                .point("serial", "sunspec-model", "common", "sunspec-point", "SN")
                .point("power_kw", "sunspec-model", "inverter", "sunspec-point", "W", "scale", 0.001)
                .point("energy_kwh", "sunspec-model", "103", "sunspec-point", "WH", "scale", 0.001)
                .point("state", "sunspec-model", "inverter", "sunspec-point", "St")
                .point("mppt2_w", "sunspec-model", "mppt", "sunspec-point", "DCW", "module", 2)
                .point("mppt3_w", "sunspec-model", "160", "sunspec-point", "DCW", "module", 3);
    }

    @ParameterizedTest(name = "base {0}")
    @ValueSource(ints = {40000, 0, 50000})
    void findsTheModelsAtEachBaseAndMapsPointsByTheChain(int base) throws Exception {
        try (ModbusSimulator simulator = ModbusSimulator.start(0)) {
            SunSpecLayout pv = new SunSpecLayout(simulator.unit(1), base, "SN-0042", 2);
            pv.setPower(4321);
            pv.setEnergyWh(123_456_700);
            pv.setModulePower(2, 1500.5);
            DeviceFixture device = sunSpecDevice(simulator.port());
            try (Driver driver = device.create()) {
                assertThat(device.errors()).isEmpty();
                assertThat(((ModbusDriver) driver).plan().requests()).as("planned after discovery only").isEmpty();
                List<Sample> samples = driver.read(NOW);
                assertThat(samples).containsExactly(
                        Sample.good("serial", NOW, DataType.fingerprint("SN-0042")),
                        Sample.good("power_kw", NOW, 4.321),
                        Sample.good("energy_kwh", NOW, 123_456.7),
                        Sample.good("state", NOW, 4),
                        Sample.good("mppt2_w", NOW, 1500.5),
                        Sample.bad("mppt3_w", NOW, "model 160 has 2 module(s), no module 3"));
                pv.setPower(40_000); // W_SF becomes 1
                pv.powerNotImplemented();
                assertThat(driver.read(NOW).get(1)).isEqualTo(Sample.bad("power_kw", NOW, "not implemented (0x8000)"));
            }
        }
    }

    @Test
    void aDeviceWithoutTheMarkerGivesReasonsAndItsFixedPointsStillRead() throws Exception {
        try (ModbusSimulator simulator = ModbusSimulator.start(0)) {
            simulator.unit(1).setWords(io.carbonedge.driver.modbus.Table.HOLDING, 5, 77);
            DeviceFixture device = new DeviceFixture()
                    .connection("host", "127.0.0.1").connection("port", simulator.port())
                    .point("power", "sunspec-model", "inverter", "sunspec-point", "W")
                    .point("fixed", "register", 5);
            try (Driver driver = device.create()) {
                assertThat(driver.read(NOW)).containsExactly(
                        Sample.bad("power", NOW, "no SunSpec marker 'SunS' at [40000, 0, 50000]"),
                        Sample.good("fixed", NOW, 77));
                SunSpecLayout late = new SunSpecLayout(simulator.unit(1), 50000, "X", 1);
                late.setPower(12);
                assertThat(driver.read(NOW).get(0)).as("looked for again").isEqualTo(Sample.good("power", NOW, 12));
            }
        }
    }

    @Test
    void unknownSunSpecNamesAreReportedWithoutADevice() {
        DeviceFixture device = new DeviceFixture()
                .connection("host", "127.0.0.1")
                .point("a", "sunspec-model", "battery", "sunspec-point", "W")
                .point("b", "sunspec-model", "inverter", "sunspec-point", "Watts")
                .point("c", "sunspec-model", "inverter", "sunspec-point", "W", "register", 40084);
        device.create().close();
        assertThat(device.errors()).extracting(e -> e.substring(0, e.indexOf(':')))
                .containsExactly("sunspec-model", "sunspec-point", "register");
    }
}
