package io.carbonedge.driver.modbus;

import java.time.Duration;

/**
 * A serial line's settings.
 *
 * @param baud     bits per second, e.g. 9600
 * @param parity   none, even or odd
 * @param dataBits 7 or 8
 * @param stopBits 1 or 2
 */
public record SerialSettings(int baud, Parity parity, int dataBits, int stopBits) {

    public static final int DEFAULT_BAUD = 9600;
    public static final SerialSettings DEFAULT = new SerialSettings(DEFAULT_BAUD, Parity.NONE, 8, 1);

    /**
     * The silence that separates two RTU frames: 3.5 character times, or the fixed 1.75 ms the
     * Modbus serial line specification prescribes above 19200 baud. At 9600 8N1 a character is
     * 10 bits, so the gap is about 3.65 ms.
     */
    public Duration interFrameDelay() {
        if (baud > 19200) {
            return Duration.ofNanos(1_750_000);
        }
        int bitsPerCharacter = 1 + dataBits + (parity == Parity.NONE ? 0 : 1) + stopBits;
        return Duration.ofNanos(Math.round(3.5 * bitsPerCharacter * 1e9 / baud));
    }
}
