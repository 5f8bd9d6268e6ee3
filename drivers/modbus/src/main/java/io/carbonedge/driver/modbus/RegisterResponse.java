package io.carbonedge.driver.modbus;

/** The device's answer to one read: the registers, or an exception code. */
sealed interface RegisterResponse {

    /** The registers read, unsigned 16-bit values in device order. */
    record Registers(int[] words) implements RegisterResponse {
    }

    /** The device refused this read, e.g. code 2 for an address it does not have. */
    record Refused(int exceptionCode) implements RegisterResponse {
    }
}
