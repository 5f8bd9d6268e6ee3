package io.carbonedge.driver.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonedge.driver.Driver;
import io.carbonedge.driver.Sample;
import io.carbonedge.driver.modbus.sim.ModbusSimulator;
import io.carbonedge.driver.modbus.sim.SunSpecLayout;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Against independently written peers: pymodbus as the server our driver reads, and mbpoll as
 * the master reading our simulator.
 */
class ModbusInteropIT {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    @Test
    void readsEveryTableAndTwoUnitsFromAPymodbusServer() throws Exception {
        Path python = ExternalProgram.requirePythonModule("pymodbus", "python3-pymodbus");
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Process server = new ProcessBuilder(python.toString(), script("pymodbus_server.py"), String.valueOf(port))
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.equals("ready")) {
                // pymodbus' start-up chatter
            }
            assertThat(line).as("pymodbus server started").isEqualTo("ready");
            Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "pymodbus-output");
            drain.setDaemon(true);
            drain.start();

            ModbusDriverFactory factory = new ModbusDriverFactory();
            DeviceFixture one = new DeviceFixture()
                    .connection("host", "127.0.0.1").connection("port", port).connection("unit-id", 1)
                    .point("h2", "register", 2)
                    .point("h9", "register", 9, "scale", 0.1)
                    .point("f", "register", 20, "type", "float32")
                    .point("u64", "register", 30, "type", "uint64", "order", "ghefcdab")
                    .point("coil0", "table", "coil", "register", 0)
                    .point("coil1", "table", "coil", "register", 1)
                    .point("coil7", "table", "coil", "register", 7)
                    .point("di2", "table", "discrete-input", "register", 2)
                    .point("ni", "table", "input", "register", 5, "type", "int16", "not-implemented", "sunspec")
                    .point("missing", "register", 150);
            DeviceFixture two = new DeviceFixture()
                    .connection("host", "127.0.0.1").connection("port", port).connection("unit-id", 2)
                    .point("h0", "register", 0);
            try (Driver first = one.create(factory); Driver second = two.create(factory)) {
                List<Sample> samples = first.read(NOW);
                assertThat(samples).containsExactly(
                        Sample.good("h2", NOW, 222), Sample.good("h9", NOW, 99.9),
                        Sample.good("f", NOW, (double) 123.456f), Sample.good("u64", NOW, 1234567890123.0),
                        Sample.good("coil0", NOW, 1), Sample.good("coil1", NOW, 0), Sample.good("coil7", NOW, 1),
                        Sample.good("di2", NOW, 1),
                        Sample.bad("ni", NOW, "not implemented (0x8000)"),
                        Sample.bad("missing", NOW, "modbus exception 2 (illegal data address)"));
                assertThat(second.read(NOW)).containsExactly(Sample.good("h0", NOW, 4242));
                assertThat(first.read(NOW)).isEqualTo(samples);
            }
        } finally {
            server.destroy();
            server.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void mbpollReadsTheSunSpecSimulatorAsWeLaidItOut() throws Exception {
        Path mbpoll = ExternalProgram.require("/usr/bin/mbpoll", "mbpoll");
        try (ModbusSimulator simulator = ModbusSimulator.start(0)) {
            SunSpecLayout pv = new SunSpecLayout(simulator.unit(1), 40000, "SN-1", 1);
            pv.setPower(1234);
            int inverter = 40000 + 2 + 2 + SunSpecLayout.COMMON_LENGTH;
            // -0: references are protocol addresses; -1: one poll; -r first; -c count
            String marker = run(mbpoll.toString(), "-m", "tcp", "-a", "1", "-0", "-1", "-r", "40000", "-c", "4",
                    "-p", String.valueOf(simulator.port()), "127.0.0.1");
            assertThat(marker).contains("[40000]: \t21365", "[40001]: \t28243", "[40002]: \t1", "[40003]: \t66");
            String power = run(mbpoll.toString(), "-m", "tcp", "-a", "1", "-0", "-1", "-r", String.valueOf(inverter), "-c", "1",
                    "-p", String.valueOf(simulator.port()), "127.0.0.1");
            assertThat(power).contains("[" + inverter + "]: \t103");
            String watts = run(mbpoll.toString(), "-m", "tcp", "-a", "1", "-0", "-1", "-r", String.valueOf(inverter + 14), "-c", "2",
                    "-p", String.valueOf(simulator.port()), "127.0.0.1");
            assertThat(watts).contains("[" + (inverter + 14) + "]: \t1234", "[" + (inverter + 15) + "]: \t0");
        }
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static String script(String name) throws URISyntaxException {
        return Path.of(ModbusInteropIT.class.getResource("/peers/" + name).toURI()).toString();
    }
}
