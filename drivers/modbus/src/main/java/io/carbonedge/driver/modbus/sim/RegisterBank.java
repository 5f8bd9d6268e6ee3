package io.carbonedge.driver.modbus.sim;

import io.carbonedge.driver.modbus.DataType;
import io.carbonedge.driver.modbus.RegisterCodec;
import io.carbonedge.driver.modbus.Table;
import io.carbonedge.driver.modbus.WordOrder;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The holding and input registers of one simulated unit. Every register 0..65535 reads as 0
 * until written, except ranges marked {@linkplain #markUnmapped unmapped}, which the unit
 * refuses with exception 2 (illegal data address), as a real meter refuses addresses it lacks.
 *
 * <p>Storage is sparse: 256-register pages are allocated on first write. All methods are
 * thread-safe, and a multi-register value is never read half-written.
 */
public final class RegisterBank {

    private static final int PAGE_SIZE = 256;
    private static final int REGISTERS = 0x10000;

    private final Map<Table, short[][]> pages = new EnumMap<>(Table.class);
    private final List<UnmappedRange> unmapped = new ArrayList<>();

    RegisterBank() {
        for (Table table : Table.values()) {
            pages.put(table, new short[REGISTERS / PAGE_SIZE][]);
        }
    }

    /**
     * Writes a raw (unscaled) value as a device encodes it, e.g.
     * {@code set(Table.HOLDING, 0x000A, DataType.UINT32, WordOrder.ABCD, 123456)} for 1234.56 kWh
     * on a meter that counts in 0.01 kWh. Whole-number types round and keep the low bits.
     */
    public synchronized void set(Table table, int register, DataType type, WordOrder order, double rawValue) {
        setWords(table, register, RegisterCodec.encode(type, order, rawValue));
    }

    /** Writes consecutive registers as they are (unsigned 16-bit values). */
    public synchronized void setWords(Table table, int register, int... words) {
        checkRange(register, words.length);
        for (int i = 0; i < words.length; i++) {
            int address = register + i;
            short[] page = pages.get(table)[address / PAGE_SIZE];
            if (page == null) {
                page = new short[PAGE_SIZE];
                pages.get(table)[address / PAGE_SIZE] = page;
            }
            page[address % PAGE_SIZE] = (short) words[i];
        }
    }

    /** Reads back a raw value, decoded as a client would. */
    public synchronized double get(Table table, int register, DataType type, WordOrder order) {
        return RegisterCodec.decode(type, order, words(table, register, type.registerCount()), 0);
    }

    /** Makes the unit refuse any read that touches these registers. */
    public synchronized void markUnmapped(Table table, int register, int count) {
        checkRange(register, count);
        unmapped.add(new UnmappedRange(table, register, register + count - 1));
    }

    /** Whether a read of these registers would be answered, rather than refused. */
    synchronized boolean isMapped(Table table, int register, int count) {
        if (register < 0 || count < 1 || register + count > REGISTERS) {
            return false;
        }
        int last = register + count - 1;
        return unmapped.stream().noneMatch(r -> r.table() == table && r.first() <= last && register <= r.last());
    }

    /** A consistent copy of consecutive registers. */
    synchronized int[] words(Table table, int register, int count) {
        checkRange(register, count);
        int[] words = new int[count];
        for (int i = 0; i < count; i++) {
            int address = register + i;
            short[] page = pages.get(table)[address / PAGE_SIZE];
            words[i] = page == null ? 0 : Short.toUnsignedInt(page[address % PAGE_SIZE]);
        }
        return words;
    }

    private static void checkRange(int register, int count) {
        if (register < 0 || count < 0 || register + count > REGISTERS) {
            throw new IllegalArgumentException("registers " + register + "+" + count + " outside 0..65535");
        }
    }

    private record UnmappedRange(Table table, int first, int last) {
    }
}
