package io.carbonedge.driver.modbus;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * How the bytes of one or more registers make a number. Each type reads from and writes to a
 * big-endian buffer; {@link RegisterCodec} puts the device's bytes into that order first.
 *
 * <p>{@link #BOOL} is one coil or discrete input, or one bit of a register ({@code bit: 0..15}).
 * {@link #STRING} spans {@code length} registers of ASCII (two characters a register, the first
 * in the high byte, trailing NULs and spaces dropped); since a sample carries a number, its value
 * is a stable 53-bit fingerprint of the text (see {@link #fingerprint}), so a change of a serial
 * number shows as a change of value.
 */
public enum DataType {
    BOOL(1, false),
    INT16(1, false) {
        @Override
        double read(ByteBuffer bigEndian) {
            return bigEndian.getShort();
        }
    },
    UINT16(1, true) {
        @Override
        double read(ByteBuffer bigEndian) {
            return Short.toUnsignedInt(bigEndian.getShort());
        }
    },
    INT32(2, false) {
        @Override
        double read(ByteBuffer bigEndian) {
            return bigEndian.getInt();
        }
    },
    UINT32(2, true) {
        @Override
        double read(ByteBuffer bigEndian) {
            return Integer.toUnsignedLong(bigEndian.getInt());
        }
    },
    INT64(4, false) {
        @Override
        double read(ByteBuffer bigEndian) {
            return bigEndian.getLong();
        }
    },
    UINT64(4, true) {
        @Override
        double read(ByteBuffer bigEndian) {
            long bits = bigEndian.getLong();
            double high = (double) (bits >>> 1) * 2.0;
            return high + (bits & 1L);
        }
    },
    FLOAT32(2, false) {
        @Override
        double read(ByteBuffer bigEndian) {
            return bigEndian.getFloat();
        }

        @Override
        void write(ByteBuffer bigEndian, double value) {
            bigEndian.putFloat((float) value);
        }
    },
    FLOAT64(4, false) {
        @Override
        double read(ByteBuffer bigEndian) {
            return bigEndian.getDouble();
        }

        @Override
        void write(ByteBuffer bigEndian, double value) {
            bigEndian.putDouble(value);
        }
    },
    /** {@code length} registers of text; the register count comes from the point. */
    STRING(0, false);

    private final int registerCount;
    private final boolean unsignedInteger;

    DataType(int registerCount, boolean unsignedInteger) {
        this.registerCount = registerCount;
        this.unsignedInteger = unsignedInteger;
    }

    /** How many 16-bit registers one value occupies; 0 for {@link #STRING}, whose length varies. */
    public int registerCount() {
        return registerCount;
    }

    /** Whether the type is an unsigned whole number, which wraps to zero at 2^bits. */
    public boolean isUnsignedInteger() {
        return unsignedInteger;
    }

    /** Whether the type is a whole number held in registers (not bool, float or string). */
    public boolean isInteger() {
        return this == INT16 || this == UINT16 || this == INT32 || this == UINT32 || this == INT64 || this == UINT64;
    }

    /** The value at which an unsigned type wraps: 2^16, 2^32 or 2^64. */
    public double modulus() {
        return Math.pow(2, 16.0 * registerCount);
    }

    /** Reads one value from the buffer's position, most significant byte first. */
    double read(ByteBuffer bigEndian) {
        if (this == STRING) {
            return fingerprint(text(bigEndian));
        }
        throw new UnsupportedOperationException(name() + " is decoded bit by bit");
    }

    /**
     * Writes one value at the buffer's position, most significant byte first. Whole-number types
     * round and keep the low bits, as a device's register would (a uint16 of 65536 becomes 0).
     */
    void write(ByteBuffer bigEndian, double value) {
        long whole = wrap(value);
        switch (registerCount) {
            case 1 -> bigEndian.putShort((short) whole);
            case 2 -> bigEndian.putInt((int) whole);
            case 4 -> bigEndian.putLong(whole);
            default -> throw new UnsupportedOperationException("cannot encode " + name() + " from a number");
        }
    }

    private long wrap(double value) {
        double rounded = Math.rint(value);
        if (this == UINT64 && rounded >= 0x1p63) {
            return (long) (rounded - 0x1p64);
        }
        if (registerCount < 4) {
            double modulus = modulus();
            rounded = rounded % modulus;
        }
        return (long) rounded;
    }

    /** The text of the remaining bytes: ASCII, up to the first NUL, trailing spaces dropped. */
    static String text(ByteBuffer bigEndian) {
        byte[] bytes = new byte[bigEndian.remaining()];
        bigEndian.get(bytes);
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.ISO_8859_1).stripTrailing();
    }

    /**
     * A stable number for a text: the 64-bit FNV-1a hash of its ISO-8859-1 bytes, kept to its low
     * 53 bits so that a double holds it exactly. The same text always gives the same number, on
     * every gateway and release; the empty text gives 0.
     */
    public static double fingerprint(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.ISO_8859_1)) {
            hash ^= b & 0xFF;
            hash *= 0x100000001b3L;
        }
        return hash & ((1L << 53) - 1);
    }
}
