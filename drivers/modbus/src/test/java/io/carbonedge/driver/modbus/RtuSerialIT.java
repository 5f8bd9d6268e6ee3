package io.carbonedge.driver.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.carbonedge.driver.Driver;
import io.carbonedge.driver.Sample;
import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Modbus RTU on a real serial port API (jSerialComm) over a pseudo-terminal pair made by socat,
 * with {@link ScriptedBusServer} as the slave on the other end: CRC errors, noise and a silent unit.
 */
class RtuSerialIT {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final Pattern PTY = Pattern.compile("PTY is (\\S+)");

    private Process socat;
    private String masterSide;
    private Thread slaveThread;
    private ScriptedBusServer slave;

    @BeforeEach
    void startLine() throws Exception {
        ExternalProgram.require("/usr/bin/socat", "socat");
        Path dir = Files.createTempDirectory("rtu-line");
        String masterLink = dir.resolve("ttyMaster").toString();
        String slaveLink = dir.resolve("ttySlave").toString();
        socat = new ProcessBuilder("/usr/bin/socat", "-d", "-d", "pty,raw,echo=0,link=" + masterLink,
                "pty,raw,echo=0,link=" + slaveLink).start();
        BufferedReader err = new BufferedReader(new InputStreamReader(socat.getErrorStream(), StandardCharsets.UTF_8));
        List<String> ptys = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ptys.size() < 2 && System.nanoTime() < deadline) {
            String line = err.readLine();
            if (line == null) {
                break;
            }
            Matcher m = PTY.matcher(line);
            if (m.find()) {
                ptys.add(m.group(1));
            }
        }
        assertThat(ptys).as("socat's two pseudo-terminals").hasSize(2);
        Thread drain = new Thread(() -> {
            try {
                err.transferTo(java.io.Writer.nullWriter());
            } catch (java.io.IOException ignored) {
                // socat stopped
            }
        }, "socat-stderr");
        drain.setDaemon(true);
        drain.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(Path.of(masterLink)) && Files.exists(Path.of(slaveLink)));
        masterSide = masterLink; // a symbolic link, as /dev/serial/by-id/... names are
        slave = ScriptedBusServer.streamOnly(true);
        String slaveSide = slaveLink;
        slaveThread = new Thread(() -> {
            try (FileInputStream in = new FileInputStream(slaveSide); FileOutputStream out = new FileOutputStream(slaveSide)) {
                slave.serve(in, out);
            } catch (Exception e) {
                // line closed
            }
        }, "rtu-slave");
        slaveThread.setDaemon(true);
        slaveThread.start();
    }

    @AfterEach
    void stopLine() throws Exception {
        if (socat != null) {
            socat.destroy();
            socat.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** 19200 8N1: a pseudo-terminal refuses a second open with parity set, a real line would not mind. */
    private DeviceFixture device(int unit) {
        return new DeviceFixture()
                .connection("transport", "rtu").connection("port", masterSide)
                .connection("baud", 19200).connection("parity", "none").connection("unit-id", unit)
                .timeout(Duration.ofMillis(300));
    }

    @Test
    void readsSeveralUnitsOnOneLineDespiteCrcErrorsNoiseAndASilentUnit() throws Exception {
        slave.unit(1)[0x10] = 0x42F6;
        slave.unit(1)[0x11] = 0xE979;
        slave.unit(2)[3] = 1234;
        slave.behave(2, ScriptedBusServer.Behaviour.NOISY);
        slave.behave(3, ScriptedBusServer.Behaviour.SILENT);
        DeviceFixture first = device(1).point("f", "register", 0x10, "type", "float32");
        DeviceFixture second = device(2).point("i", "register", 3, "scale", 0.1);
        DeviceFixture third = device(3).point("x", "register", 0);
        ModbusDriverFactory factory = new ModbusDriverFactory(); // one bus for the three devices
        try (Driver one = first.create(factory); Driver two = second.create(factory); Driver three = third.create(factory)) {
            assertThat(first.errors()).isEmpty();
            for (int i = 0; i < 5; i++) {
                assertThat(one.read(NOW)).containsExactly(Sample.good("f", NOW, (double) 123.456f));
                assertThat(two.read(NOW)).containsExactly(Sample.good("i", NOW, 123.4));
            }
            assertThatThrownBy(() -> three.read(NOW)).hasMessage("no response within 300 ms");
            assertThatThrownBy(() -> three.read(NOW)).hasMessageContaining("backing off");
            assertThat(one.read(NOW)).containsExactly(Sample.good("f", NOW, (double) 123.456f));
        }
    }

    @Test
    void aMissingSerialPortIsAPlainDeviceFailure() {
        DeviceFixture missing = new DeviceFixture()
                .connection("transport", "rtu").connection("port", "/dev/ttyNOPE0")
                .point("p", "register", 0);
        try (Driver driver = missing.create()) {
            assertThatThrownBy(() -> driver.read(NOW)).hasMessageContaining("serial port /dev/ttyNOPE0");
        }
    }
}
