package io.carbonedge.driver.modbus.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class ModbusSimulatorIT {

    @Test
    void portZeroPicksAFreePortThatAcceptsConnections() throws IOException {
        try (ModbusSimulator first = ModbusSimulator.start(0); ModbusSimulator second = ModbusSimulator.start(0)) {
            assertThat(first.port()).isPositive().isNotEqualTo(second.port());
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), first.port())) {
                assertThat(socket.isConnected()).isTrue();
            }
        }
    }

    @Test
    void aPortInUseIsRefusedAndFreedOnClose() throws IOException {
        int port;
        try (ModbusSimulator simulator = ModbusSimulator.start(0)) {
            port = simulator.port();
            assertThatThrownBy(() -> ModbusSimulator.start(port)).isInstanceOf(IOException.class);
        }
        try (ModbusSimulator again = ModbusSimulator.start(port)) {
            assertThat(again.port()).isEqualTo(port);
        }
    }

    @Test
    void aUnitIsTheSameBankEachTime() throws IOException {
        try (ModbusSimulator simulator = ModbusSimulator.start(0)) {
            assertThat(simulator.unit(1)).isSameAs(simulator.unit(1)).isNotSameAs(simulator.unit(2));
        }
    }
}
