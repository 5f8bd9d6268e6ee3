package io.carbonedge.driver.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReadPlanTest {

    private static ModbusPoint holding(int register, DataType type) {
        return new ModbusPoint("h" + register, Table.HOLDING, register, type, WordOrder.ABCD, 1.0);
    }

    private static ModbusPoint input(int register, DataType type) {
        return new ModbusPoint("i" + register, Table.INPUT, register, type, WordOrder.ABCD, 1.0);
    }

    private static ReadRequest request(Table table, int first, int count, Integer... points) {
        return new ReadRequest(table, first, count, List.of(points));
    }

    @Test
    void adjacentPointsShareOneRead() {
        List<ModbusPoint> points = List.of(
                holding(0, DataType.UINT16), holding(1, DataType.UINT32), holding(3, DataType.INT16));

        assertThat(ReadPlan.of(points, 125, 0).requests())
                .containsExactly(request(Table.HOLDING, 0, 4, 0, 1, 2));
    }

    @Test
    void aGapOfExactlyMaxGapIsSpanned() {
        // point at 0..1, then 10 unused registers (2..11), then 12..13
        List<ModbusPoint> points = List.of(holding(0, DataType.UINT32), holding(12, DataType.UINT32));

        assertThat(ReadPlan.of(points, 125, 10).requests())
                .containsExactly(request(Table.HOLDING, 0, 14, 0, 1));
    }

    @Test
    void aGapOneLongerThanMaxGapSplitsTheRead() {
        List<ModbusPoint> points = List.of(holding(0, DataType.UINT32), holding(13, DataType.UINT32));

        assertThat(ReadPlan.of(points, 125, 10).requests()).containsExactly(
                request(Table.HOLDING, 0, 2, 0),
                request(Table.HOLDING, 13, 2, 1));
    }

    @Test
    void aReadNeverExceedsMaxRegisters() {
        // 0..124 is exactly 125 registers; a point at 125 must start a new read
        List<ModbusPoint> points = List.of(
                holding(0, DataType.UINT16), holding(124, DataType.UINT16), holding(125, DataType.UINT16));

        assertThat(ReadPlan.of(points, 125, 125).requests()).containsExactly(
                request(Table.HOLDING, 0, 125, 0, 1),
                request(Table.HOLDING, 125, 1, 2));
    }

    @Test
    void aThirtyTwoBitPointIsNeverSplitAcrossReads() {
        // 123..124 fits in 0..124; 124..125 would make 126 registers
        assertThat(ReadPlan.of(List.of(holding(0, DataType.UINT16), holding(123, DataType.FLOAT32)), 125, 125)
                .requests()).containsExactly(request(Table.HOLDING, 0, 125, 0, 1));
        assertThat(ReadPlan.of(List.of(holding(0, DataType.UINT16), holding(124, DataType.FLOAT32)), 125, 125)
                .requests()).containsExactly(
                        request(Table.HOLDING, 0, 1, 0),
                        request(Table.HOLDING, 124, 2, 1));
    }

    @Test
    void tablesAreReadSeparatelyEvenAtTheSameRegisters() {
        List<ModbusPoint> points = List.of(input(0, DataType.FLOAT32), holding(0, DataType.UINT16),
                input(2, DataType.FLOAT32), holding(1, DataType.UINT16));

        assertThat(ReadPlan.of(points, 125, 16).requests()).containsExactly(
                request(Table.HOLDING, 0, 2, 1, 3),
                request(Table.INPUT, 0, 4, 0, 2));
    }

    @Test
    void unsortedPointsAreMergedByRegisterAndKeepTheirConfigurationIndex() {
        // the Acrel ADL400 layout given in reverse order
        List<ModbusPoint> points = List.of(
                holding(0x016A, DataType.INT32),
                holding(0x0014, DataType.UINT32),
                holding(0x000A, DataType.UINT32),
                holding(0x0000, DataType.UINT32));

        assertThat(ReadPlan.of(points, 125, 16).requests()).containsExactly(
                request(Table.HOLDING, 0x0000, 0x16, 3, 2, 1),
                request(Table.HOLDING, 0x016A, 2, 0));
    }

    @Test
    void overlappingPointsShareRegisters() {
        List<ModbusPoint> points = List.of(holding(10, DataType.UINT32), holding(11, DataType.UINT16),
                holding(10, DataType.UINT16));

        assertThat(ReadPlan.of(points, 125, 0).requests())
                .containsExactly(request(Table.HOLDING, 10, 2, 2, 0, 1));
    }

    @Test
    void maxRegistersOfOneReadsEachRegisterAlone() {
        List<ModbusPoint> points = List.of(holding(0, DataType.UINT16), holding(1, DataType.UINT16));

        assertThat(ReadPlan.of(points, 1, 16).requests()).containsExactly(
                request(Table.HOLDING, 0, 1, 0),
                request(Table.HOLDING, 1, 1, 1));
    }

    @Test
    void noPointsMakeNoReads() {
        assertThat(ReadPlan.of(List.of(), 125, 16).requests()).isEmpty();
    }
}
