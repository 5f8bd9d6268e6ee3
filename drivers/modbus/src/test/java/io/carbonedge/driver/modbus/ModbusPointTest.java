package io.carbonedge.driver.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModbusPointTest {

    private static ModbusPoint uint32(double scale) {
        return new ModbusPoint("p", Table.HOLDING, 10, DataType.UINT32, WordOrder.ABCD, scale);
    }

    @Test
    void decimalScalesGiveTheNearestDoubleToTheDecimalValue() {
        int[] words = RegisterCodec.encode(DataType.UINT32, WordOrder.ABCD, 9_876_543);

        assertThat(uint32(0.01).valueFrom(words, 10)).isEqualTo(98765.43);
        assertThat(uint32(0.001).valueFrom(words, 10)).isEqualTo(9876.543);
        assertThat(uint32(-0.1).valueFrom(words, 10)).isEqualTo(-987654.3);
    }

    @Test
    void otherScalesMultiply() {
        int[] words = RegisterCodec.encode(DataType.UINT32, WordOrder.ABCD, 1000);

        assertThat(uint32(1.0).valueFrom(words, 10)).isEqualTo(1000.0);
        assertThat(uint32(2.5).valueFrom(words, 10)).isEqualTo(2500.0);
        assertThat(uint32(0.4).valueFrom(words, 10)).isEqualTo(400.0);
    }

    @Test
    void readsAtItsOffsetWithinTheResponse() {
        int[] response = {0, 0, 0x0001, 0xE240};

        assertThat(uint32(0.01).valueFrom(response, 8)).isEqualTo(1234.56);
    }
}
