package io.carbonedge.driver.modbus;

/** How Modbus frames travel to a bus. */
public enum Transport {
    /** Modbus TCP: MBAP header with a transaction id, no CRC. */
    TCP,
    /** Modbus RTU on a local serial port (RS-485 adapter), frames with CRC and inter-frame silence. */
    RTU,
    /** RTU frames, with CRC, carried over a TCP connection to a serial device server or DTU. */
    RTU_OVER_TCP
}
