package io.carbonedge.driver.modbus;

import java.io.IOException;
import java.util.Arrays;

/**
 * Modbus RTU framing on a {@link ByteLine}: unit id, PDU, CRC-16 (low byte first). Before each
 * request whatever arrived unasked is thrown away. The answer is found by scanning the bytes that
 * arrive for a frame from the right unit with the right function code, a plausible length and a
 * good CRC; anything else (noise, a corrupted answer, another unit's late answer) is skipped one
 * byte at a time, so a bad frame never leaves the line out of step.
 */
final class RtuChannel implements FrameChannel {

    private final ByteLine line;
    private long skipped;

    RtuChannel(ByteLine line) {
        this.line = line;
    }

    @Override
    public byte[] exchange(int unitId, byte[] pdu, int timeoutMillis) throws IOException {
        line.discardInput();
        byte[] frame = Arrays.copyOf(new byte[] {(byte) unitId}, 1 + pdu.length + 2);
        System.arraycopy(pdu, 0, frame, 1, pdu.length);
        int crc = crc(frame, 0, 1 + pdu.length);
        frame[frame.length - 2] = (byte) crc;
        frame[frame.length - 1] = (byte) (crc >>> 8);
        line.write(frame);

        int function = pdu[0] & 0xFF;
        byte[] buffer = new byte[512];
        int filled = 0;
        boolean sawBadFrame = false;
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            int keepFrom = Math.max(0, filled - 4);
            for (int start = 0; start + 5 <= filled; start++) {
                int length = frameLength(buffer, start, filled, unitId, function);
                if (length == 0) {
                    keepFrom = Math.min(keepFrom, start); // may still complete
                } else if (length > 0) {
                    int expected = crc(buffer, start, length - 2);
                    int actual = (buffer[start + length - 2] & 0xFF) | (buffer[start + length - 1] & 0xFF) << 8;
                    if (expected == actual) {
                        skipped += start > 0 ? 1 : 0;
                        return Arrays.copyOfRange(buffer, start + 1, start + length - 2);
                    }
                    if (!sawBadFrame) {
                        skipped++;
                    }
                    sawBadFrame = true;
                }
            }
            if (keepFrom > 0) {
                System.arraycopy(buffer, keepFrom, buffer, 0, filled - keepFrom);
                filled -= keepFrom;
            }
            long remaining = (deadline - System.nanoTime()) / 1_000_000L;
            if (remaining <= 0 || filled == buffer.length) {
                throw new NoResponseException(sawBadFrame
                        ? "no valid response within " + timeoutMillis + " ms (answer with bad CRC discarded)"
                        : "no response within " + timeoutMillis + " ms");
            }
            filled += line.read(buffer, filled, buffer.length - filled, (int) remaining);
        }
    }

    /**
     * The length of the frame at {@code start} if it could answer the request: -1 when it cannot
     * (wrong unit, function or length), 0 when more bytes are needed to tell.
     */
    private static int frameLength(byte[] buffer, int start, int filled, int unitId, int function) {
        if ((buffer[start] & 0xFF) != unitId) {
            return -1;
        }
        int answerFunction = buffer[start + 1] & 0xFF;
        int length;
        if (answerFunction == (function | 0x80)) {
            length = 5;
        } else if (answerFunction == function) {
            length = 3 + (buffer[start + 2] & 0xFF) + 2;
        } else {
            return -1;
        }
        return filled - start >= length ? length : 0;
    }

    /** CRC-16/MODBUS (polynomial 0xA001 reflected, initial 0xFFFF). */
    static int crc(byte[] bytes, int offset, int length) {
        int crc = 0xFFFF;
        for (int i = offset; i < offset + length; i++) {
            crc ^= bytes[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
        }
        return crc;
    }

    @Override
    public long skippedFrames() {
        return skipped;
    }

    @Override
    public void close() {
        line.close();
    }
}
