package io.carbonedge.driver.modbus.sim;

import io.carbonedge.driver.modbus.DataType;
import io.carbonedge.driver.modbus.RegisterCodec;
import io.carbonedge.driver.modbus.Table;
import io.carbonedge.driver.modbus.WordOrder;

/**
 * Lays out a SunSpec inverter in a {@link RegisterBank}: the "SunS" marker at a base address,
 * then model 1 (common), model 103 (three-phase inverter), model 160 (MPPT) with some modules,
 * and the end model, each located only by walking the chain. Values are set through the
 * setters, with SunSpec scale factors:
 *
 * <pre>{@code
 * SunSpecLayout pv = new SunSpecLayout(sim.unit(1), 40000, "SN-0042", 2);
 * pv.setPower(4321.0);          // W = 4321, W_SF = 0
 * pv.setEnergyWh(123_456_000);  // WH = 1234560, WH_SF = 2
 * }</pre>
 */
public final class SunSpecLayout {

    /** Model 1's length: Mn, Md, Opt, Vr, SN, DA and a pad. */
    public static final int COMMON_LENGTH = 66;
    /** Model 103's length. */
    public static final int INVERTER_LENGTH = 50;

    private final RegisterBank bank;
    private final int common;
    private final int inverter;
    private final int mppt;

    /**
     * @param bank    the unit's registers
     * @param base    where the marker goes: 40000, 0 or 50000 on real devices
     * @param serial  model 1's SN
     * @param modules how many MPPT modules model 160 has
     */
    public SunSpecLayout(RegisterBank bank, int base, String serial, int modules) {
        this.bank = bank;
        bank.setWords(Table.HOLDING, base, 0x5375, 0x6E53);
        common = base + 2;
        bank.setWords(Table.HOLDING, common, 1, COMMON_LENGTH);
        text(common + 2, "CarbonEdge", 16);
        text(common + 18, "SIM-103", 16);
        text(common + 42, "1.0.0", 8);
        text(common + 50, serial, 16);
        bank.setWords(Table.HOLDING, common + 66, 1);
        inverter = common + 2 + COMMON_LENGTH;
        bank.setWords(Table.HOLDING, inverter, 103, INVERTER_LENGTH);
        mppt = inverter + 2 + INVERTER_LENGTH;
        int mpptLength = 8 + 20 * modules;
        bank.setWords(Table.HOLDING, mppt, 160, mpptLength);
        bank.setWords(Table.HOLDING, mppt + 8, modules);
        for (int m = 0; m < modules; m++) {
            bank.setWords(Table.HOLDING, mppt + 10 + 20 * m, m + 1);
        }
        bank.setWords(Table.HOLDING, mppt + 2 + mpptLength, 0xFFFF, 0);
        setPower(0);
        setEnergyWh(0);
        setState(4);
    }

    /** Active power W (int16) with W_SF chosen to fit. */
    public void setPower(double watts) {
        int sf = 0;
        while (Math.abs(watts / Math.pow(10, sf)) > 32767) {
            sf++;
        }
        bank.set(Table.HOLDING, inverter + 14, DataType.INT16, WordOrder.ABCD, watts / Math.pow(10, sf));
        bank.set(Table.HOLDING, inverter + 15, DataType.INT16, WordOrder.ABCD, sf);
    }

    /** Lifetime energy WH (acc32) with WH_SF = 2, so whole multiples of 100 Wh are exact. */
    public void setEnergyWh(double wattHours) {
        bank.set(Table.HOLDING, inverter + 24, DataType.UINT32, WordOrder.ABCD, wattHours / 100);
        bank.set(Table.HOLDING, inverter + 26, DataType.INT16, WordOrder.ABCD, 2);
    }

    /** Operating state St (4 = MPPT, producing). */
    public void setState(int state) {
        bank.set(Table.HOLDING, inverter + 38, DataType.UINT16, WordOrder.ABCD, state);
    }

    /** DC power of one MPPT module (from 1), DCW with DCW_SF = -1. */
    public void setModulePower(int module, double watts) {
        bank.set(Table.HOLDING, mppt + 4, DataType.INT16, WordOrder.ABCD, -1);
        bank.set(Table.HOLDING, mppt + 10 + 20 * (module - 1) + 11, DataType.UINT16, WordOrder.ABCD, watts * 10);
    }

    /** Marks W as not implemented (0x8000). */
    public void powerNotImplemented() {
        bank.setWords(Table.HOLDING, inverter + 14, 0x8000);
    }

    private void text(int register, String text, int length) {
        bank.setWords(Table.HOLDING, register, RegisterCodec.encodeText(WordOrder.ABCD, text, length));
    }
}
