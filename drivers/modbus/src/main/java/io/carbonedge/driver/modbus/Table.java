package io.carbonedge.driver.modbus;

/** Which register table a point lives in; each is read with its own function code. */
public enum Table {
    /** Holding registers, read with function code 3. */
    HOLDING,
    /** Input registers, read with function code 4. */
    INPUT
}
