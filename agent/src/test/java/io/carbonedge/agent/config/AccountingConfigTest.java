package io.carbonedge.agent.config;

import io.carbonedge.agent.totals.Carrier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

/** The {@code accounting:} section and the point/device accounting fields, as a technician writes them. */
class AccountingConfigTest {

    private static final String AGENT = """
            gateway-id: gw
            data-dir: data
            uplinks:
              - name: park
                uri: coap://127.0.0.1:5683/carbonedge
            """;

    @TempDir
    Path dir;

    private void write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private void meter(String extraDevice, String extraPoints) throws IOException {
        write("devices/meter.yaml", """
                id: meter
                protocol: modbus
                %s
                connection:
                  host: 10.0.0.5
                points:
                  - id: import_kwh
                    kind: counter
                    unit: kWh
                    carrier: electricity-import
                    register: 0x000A
                    type: uint32
                %s
                """.formatted(extraDevice, extraPoints));
    }

    private List<ConfigError> errors() {
        InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class, () -> new ConfigLoader().load(dir));
        assertThat(e).as("the configuration should have been refused").isNotNull();
        return e.errors();
    }

    @Test
    void factorsNcvAndRatedPowerAreRead() throws Exception {
        write("agent.yaml", AGENT + """
                accounting:
                  grid-factor: mee-2023-north-china
                  electricity-basis: equal-value
                  electricity-kgce-per-kwh: 0.2996
                  ncv:
                    natural-gas: 38931
                  co2-factors:
                    heat: 105
                """);
        meter("rated-power: 400\nserial-point: sn", """
                  - id: sn
                    kind: state
                    register: 0x0100
                  - id: power_kw
                    kind: gauge
                    unit: kW
                    integrate: electricity-import
                    register: 0x016A
                    type: int32
                """);
        AgentConfig config = new ConfigLoader().load(dir);
        var factors = config.accounting().factors();
        assertThat(factors.of(Carrier.ELECTRICITY_IMPORT).kgcePerUnit()).isEqualTo(0.2996);
        assertThat(factors.of(Carrier.ELECTRICITY_IMPORT).kgCo2PerUnit()).isEqualTo(0.6361);
        assertThat(factors.of(Carrier.ELECTRICITY_IMPORT).source()).isEqualTo("gb2589-2020:equal-value;mee-2023-north-china");
        assertThat(factors.of(Carrier.NATURAL_GAS).kgcePerUnit()).isCloseTo(1.32838, within(1e-5));
        assertThat(factors.of(Carrier.HEAT).kgCo2PerUnit()).isEqualTo(105);
        assertThat(factors.of(Carrier.HEAT).source()).isEqualTo("gb2589-2020;co2=config");
        DeviceConfig meter = config.devices().get(0);
        assertThat(meter.ratedPowerKw()).isEqualTo(400);
        assertThat(meter.serialPoint()).isEqualTo("sn");
        assertThat(meter.accounting().get("power_kw").integrated()).isTrue();
        assertThat(meter.carriers()).containsEntry("power_kw", Carrier.ELECTRICITY_IMPORT);
        meter.driver().close();
    }

    @Test
    void equalValueWithoutItsCoefficientIsRefused() throws Exception {
        write("agent.yaml", AGENT + "accounting:\n  electricity-basis: equal-value\n");
        meter("", "");
        assertThat(errors()).singleElement().satisfies(e -> assertThat(e.toString())
                .contains("agent.yaml:7:").contains("electricity-basis").contains("electricity-kgce-per-kwh"));
    }

    @Test
    void integrateOnACounterAndAnUnconvertibleUnitAreRefused() throws Exception {
        write("agent.yaml", AGENT);
        meter("serial-point: nope", """
                  - id: gas
                    kind: counter
                    unit: kWh
                    carrier: natural-gas
                    register: 0x0200
                  - id: other
                    kind: counter
                    unit: kWh
                    integrate: electricity-import
                    register: 0x0300
                """);
        assertThat(errors()).extracting(Object::toString).anySatisfy(e -> assertThat(e).contains("serial-point"))
                .anySatisfy(e -> assertThat(e).contains("natural-gas counter is accounted in m3"))
                .anySatisfy(e -> assertThat(e).contains("only a gauge"));
    }
}
