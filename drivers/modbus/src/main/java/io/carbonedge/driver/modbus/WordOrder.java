package io.carbonedge.driver.modbus;

/**
 * How a device lays out the bytes of a value that spans registers, named by where the bytes of
 * the big-endian value {@code A B C D} end up: {@code abcd} is big-endian, {@code cdab} swaps the
 * registers, {@code badc} swaps the bytes inside each register, {@code dcba} is little-endian.
 *
 * <p>The two swaps apply to any number of registers, so 64-bit values and strings use the same
 * four names.
 */
public enum WordOrder {
    ABCD(false, false),
    CDAB(true, false),
    BADC(false, true),
    DCBA(true, true);

    private final boolean registersReversed;
    private final boolean bytesSwapped;

    WordOrder(boolean registersReversed, boolean bytesSwapped) {
        this.registersReversed = registersReversed;
        this.bytesSwapped = bytesSwapped;
    }

    /** Whether the device sends the least significant register first. */
    public boolean registersReversed() {
        return registersReversed;
    }

    /** Whether the device sends the low byte of each register first. */
    public boolean bytesSwapped() {
        return bytesSwapped;
    }
}
