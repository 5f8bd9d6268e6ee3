package io.carbonedge.driver.modbus;

import java.nio.ByteBuffer;

/**
 * Turns registers into numbers and back, for any {@link DataType} in any {@link WordOrder}.
 * Registers are unsigned 16-bit values held in {@code int}s, in the order the device sends them.
 */
public final class RegisterCodec {

    private RegisterCodec() {
    }

    /**
     * Decodes the raw (unscaled) value that starts at {@code words[offset]}.
     *
     * @throws IndexOutOfBoundsException when fewer than {@code type.registerCount()} words remain
     */
    public static double decode(DataType type, WordOrder order, int[] words, int offset) {
        int count = type.registerCount();
        ByteBuffer bigEndian = ByteBuffer.allocate(count * 2);
        for (int i = 0; i < count; i++) {
            int word = words[offset + (order.registersReversed() ? count - 1 - i : i)];
            putWord(bigEndian, word, order.bytesSwapped());
        }
        bigEndian.flip();
        return type.read(bigEndian);
    }

    /** Encodes a raw (unscaled) value as the device would send it: the inverse of {@link #decode}. */
    public static int[] encode(DataType type, WordOrder order, double rawValue) {
        int count = type.registerCount();
        ByteBuffer bigEndian = ByteBuffer.allocate(count * 2);
        type.write(bigEndian, rawValue);
        bigEndian.flip();
        int[] words = new int[count];
        for (int i = 0; i < count; i++) {
            int high = bigEndian.get() & 0xFF;
            int low = bigEndian.get() & 0xFF;
            int word = order.bytesSwapped() ? (low << 8) | high : (high << 8) | low;
            words[order.registersReversed() ? count - 1 - i : i] = word;
        }
        return words;
    }

    private static void putWord(ByteBuffer buffer, int word, boolean bytesSwapped) {
        int high = (word >>> 8) & 0xFF;
        int low = word & 0xFF;
        buffer.put((byte) (bytesSwapped ? low : high));
        buffer.put((byte) (bytesSwapped ? high : low));
    }
}
