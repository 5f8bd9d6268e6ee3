package io.carbonedge.driver.modbus.sim;

import com.ghgande.j2mod.modbus.procimg.DigitalIn;
import com.ghgande.j2mod.modbus.procimg.DigitalOut;
import com.ghgande.j2mod.modbus.procimg.FIFO;
import com.ghgande.j2mod.modbus.procimg.File;
import com.ghgande.j2mod.modbus.procimg.IllegalAddressException;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.ProcessImage;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import io.carbonedge.driver.modbus.Table;

/**
 * Shows a {@link RegisterBank} to j2mod's slave as a read-only process image: each read gets a
 * copy of the registers taken under the bank's lock. Coils, discrete inputs, files and FIFOs
 * are not simulated and answer "illegal data address".
 */
final class BankProcessImage implements ProcessImage {

    private static final int REGISTERS = 0x10000;

    private final RegisterBank bank;

    BankProcessImage(RegisterBank bank) {
        this.bank = bank;
    }

    @Override
    public Register[] getRegisterRange(int offset, int count) {
        int[] words = mapped(Table.HOLDING, offset, count);
        Register[] registers = new Register[count];
        for (int i = 0; i < count; i++) {
            registers[i] = new SimpleRegister(words[i]);
        }
        return registers;
    }

    @Override
    public Register getRegister(int ref) {
        return getRegisterRange(ref, 1)[0];
    }

    @Override
    public int getRegisterCount() {
        return REGISTERS;
    }

    @Override
    public InputRegister[] getInputRegisterRange(int offset, int count) {
        int[] words = mapped(Table.INPUT, offset, count);
        InputRegister[] registers = new InputRegister[count];
        for (int i = 0; i < count; i++) {
            registers[i] = new SimpleInputRegister(words[i]);
        }
        return registers;
    }

    @Override
    public InputRegister getInputRegister(int ref) {
        return getInputRegisterRange(ref, 1)[0];
    }

    @Override
    public int getInputRegisterCount() {
        return REGISTERS;
    }

    private int[] mapped(Table table, int offset, int count) {
        if (!bank.isMapped(table, offset, count)) {
            throw new IllegalAddressException();
        }
        return bank.words(table, offset, count);
    }

    @Override
    public DigitalOut[] getDigitalOutRange(int offset, int count) {
        throw new IllegalAddressException();
    }

    @Override
    public DigitalOut getDigitalOut(int ref) {
        throw new IllegalAddressException();
    }

    @Override
    public int getDigitalOutCount() {
        return 0;
    }

    @Override
    public DigitalIn[] getDigitalInRange(int offset, int count) {
        throw new IllegalAddressException();
    }

    @Override
    public DigitalIn getDigitalIn(int ref) {
        throw new IllegalAddressException();
    }

    @Override
    public int getDigitalInCount() {
        return 0;
    }

    @Override
    public File getFile(int ref) {
        throw new IllegalAddressException();
    }

    @Override
    public File getFileByNumber(int ref) {
        throw new IllegalAddressException();
    }

    @Override
    public int getFileCount() {
        return 0;
    }

    @Override
    public FIFO getFIFO(int ref) {
        throw new IllegalAddressException();
    }

    @Override
    public FIFO getFIFOByAddress(int ref) {
        throw new IllegalAddressException();
    }

    @Override
    public int getFIFOCount() {
        return 0;
    }
}
