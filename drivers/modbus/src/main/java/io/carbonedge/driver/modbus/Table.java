package io.carbonedge.driver.modbus;

/** Which table a point lives in; each is read with its own function code. */
public enum Table {
    /** Holding registers, read with function code 3. */
    HOLDING(3, 125),
    /** Input registers, read with function code 4. */
    INPUT(4, 125),
    /** Coils (read/write bits), read with function code 1. */
    COIL(1, 2000),
    /** Discrete inputs (read-only bits), read with function code 2. */
    DISCRETE_INPUT(2, 2000);

    private final int functionCode;
    private final int maxPerRead;

    Table(int functionCode, int maxPerRead) {
        this.functionCode = functionCode;
        this.maxPerRead = maxPerRead;
    }

    /** The Modbus function code that reads this table. */
    public int functionCode() {
        return functionCode;
    }

    /** The protocol's limit for one read: 125 registers or 2000 bits. */
    public int maxPerRead() {
        return maxPerRead;
    }

    /** Whether the table holds single bits rather than 16-bit registers. */
    public boolean isBits() {
        return this == COIL || this == DISCRETE_INPUT;
    }
}
