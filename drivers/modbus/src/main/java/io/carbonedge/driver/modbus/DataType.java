package io.carbonedge.driver.modbus;

import java.nio.ByteBuffer;

/**
 * How the bytes of one or more registers make a number. Each type reads from and writes to a
 * big-endian buffer; {@link RegisterCodec} puts the device's bytes into that order first, so a
 * new type (int64, float64) is one more constant here and nothing else.
 */
public enum DataType {
    INT16(1) {
        @Override
        double read(ByteBuffer bigEndian) {
            return bigEndian.getShort();
        }

        @Override
        void write(ByteBuffer bigEndian, double value) {
            bigEndian.putShort((short) Math.round(value));
        }
    },
    UINT16(1) {
        @Override
        double read(ByteBuffer bigEndian) {
            return Short.toUnsignedInt(bigEndian.getShort());
        }

        @Override
        void write(ByteBuffer bigEndian, double value) {
            bigEndian.putShort((short) Math.round(value));
        }
    },
    INT32(2) {
        @Override
        double read(ByteBuffer bigEndian) {
            return bigEndian.getInt();
        }

        @Override
        void write(ByteBuffer bigEndian, double value) {
            bigEndian.putInt((int) Math.round(value));
        }
    },
    UINT32(2) {
        @Override
        double read(ByteBuffer bigEndian) {
            return Integer.toUnsignedLong(bigEndian.getInt());
        }

        @Override
        void write(ByteBuffer bigEndian, double value) {
            bigEndian.putInt((int) Math.round(value));
        }
    },
    FLOAT32(2) {
        @Override
        double read(ByteBuffer bigEndian) {
            return bigEndian.getFloat();
        }

        @Override
        void write(ByteBuffer bigEndian, double value) {
            bigEndian.putFloat((float) value);
        }
    };

    private final int registerCount;

    DataType(int registerCount) {
        this.registerCount = registerCount;
    }

    /** How many 16-bit registers one value occupies. */
    public int registerCount() {
        return registerCount;
    }

    /** Reads one value from the buffer's position, most significant byte first. */
    abstract double read(ByteBuffer bigEndian);

    /**
     * Writes one value at the buffer's position, most significant byte first. Whole-number types
     * round and keep the low bits, as a device's register would (a uint16 of 65536 becomes 0).
     */
    abstract void write(ByteBuffer bigEndian, double value);
}
