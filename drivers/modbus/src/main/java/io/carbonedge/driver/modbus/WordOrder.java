package io.carbonedge.driver.modbus;

/**
 * How a device lays out the bytes of a value that spans registers, named by where the bytes of
 * the big-endian value end up. For 32-bit values ({@code A B C D}, A most significant):
 * <ul>
 *   <li>{@code abcd} big-endian, the default: 123.456 as float32 is {@code 42F6 E979};</li>
 *   <li>{@code cdab} registers swapped ("word swap"): {@code E979 42F6};</li>
 *   <li>{@code badc} bytes swapped inside each register: {@code F642 79E9};</li>
 *   <li>{@code dcba} little-endian: {@code 79E9 F642}.</li>
 * </ul>
 * The 64-bit names say the same for eight bytes; 1234567890123 as uint64 is
 * {@code 0000 011F 71FB 04CB} in {@code abcdefgh}, {@code 04CB 71FB 011F 0000} in
 * {@code ghefcdab}, {@code 0000 1F01 FB71 CB04} in {@code badcfehg} and {@code CB04 FB71 1F01 0000}
 * in {@code hgfedcba}. For a 64-bit type the four-letter names
 * mean the same swaps as their eight-letter twins.
 */
public enum WordOrder {
    ABCD(false, false),
    CDAB(true, false),
    BADC(false, true),
    DCBA(true, true),
    ABCDEFGH(false, false),
    GHEFCDAB(true, false),
    BADCFEHG(false, true),
    HGFEDCBA(true, true);

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

    /** Whether this is one of the eight-letter names, meant for 64-bit types only. */
    public boolean is64BitName() {
        return name().length() == 8;
    }
}
