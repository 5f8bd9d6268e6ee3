package io.carbonedge.driver.modbus.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carbonedge.driver.modbus.DataType;
import io.carbonedge.driver.modbus.Table;
import io.carbonedge.driver.modbus.WordOrder;
import org.junit.jupiter.api.Test;

class RegisterBankTest {

    private final RegisterBank bank = new RegisterBank();

    @Test
    void unwrittenRegistersReadAsZero() {
        assertThat(bank.words(Table.HOLDING, 65_000, 3)).containsExactly(0, 0, 0);
    }

    @Test
    void typedWritesLandAsTheDeviceWouldEncodeThem() {
        bank.set(Table.INPUT, 0x0034, DataType.FLOAT32, WordOrder.CDAB, 123.456f);
        bank.set(Table.HOLDING, 0x0034, DataType.UINT32, WordOrder.ABCD, 123456);

        assertThat(bank.words(Table.INPUT, 0x0034, 2)).containsExactly(0xE979, 0x42F6);
        assertThat(bank.words(Table.HOLDING, 0x0034, 2)).containsExactly(0x0001, 0xE240);
        assertThat(bank.get(Table.INPUT, 0x0034, DataType.FLOAT32, WordOrder.CDAB)).isEqualTo((double) 123.456f);
    }

    @Test
    void theLastRegistersAreWritableButNotBeyond() {
        bank.set(Table.HOLDING, 65534, DataType.UINT32, WordOrder.ABCD, 7);

        assertThat(bank.get(Table.HOLDING, 65534, DataType.UINT32, WordOrder.ABCD)).isEqualTo(7);
        assertThatThrownBy(() -> bank.set(Table.HOLDING, 65535, DataType.UINT32, WordOrder.ABCD, 7))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnmappedRangeRefusesEveryReadThatTouchesIt() {
        bank.markUnmapped(Table.HOLDING, 100, 10); // 100..109

        assertThat(bank.isMapped(Table.HOLDING, 90, 10)).isTrue();
        assertThat(bank.isMapped(Table.HOLDING, 90, 11)).isFalse();
        assertThat(bank.isMapped(Table.HOLDING, 109, 1)).isFalse();
        assertThat(bank.isMapped(Table.HOLDING, 110, 5)).isTrue();
        assertThat(bank.isMapped(Table.INPUT, 100, 10)).as("other table").isTrue();
        assertThat(bank.isMapped(Table.INPUT, 65535, 2)).as("past the end").isFalse();
    }
}
