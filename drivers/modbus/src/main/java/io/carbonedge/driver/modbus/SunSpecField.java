package io.carbonedge.driver.modbus;

import java.util.List;

/**
 * Where one SunSpec point sits inside its model, counted from the model's ID register.
 *
 * @param name           the SunSpec point name, e.g. {@code W}
 * @param offset         registers from the model's ID register (for model 160 modules: from the module start)
 * @param type           how the registers make a number
 * @param length         registers spanned
 * @param scaleOffset    where the point's scale factor sits, from the model's ID register; -1 for none
 * @param notImplemented the raw values SunSpec reserves for "not implemented" for this type
 */
record SunSpecField(String name, int offset, DataType type, int length, int scaleOffset, List<Long> notImplemented) {

    static final List<Long> INT16_NI = List.of(0x8000L);
    static final List<Long> UINT16_NI = List.of(0xFFFFL);
    static final List<Long> ACC32_NI = List.of(0L);
    static final List<Long> UINT32_NI = List.of(0xFFFFFFFFL);

    static SunSpecField int16(String name, int offset, int scaleOffset) {
        return new SunSpecField(name, offset, DataType.INT16, 1, scaleOffset, INT16_NI);
    }

    static SunSpecField uint16(String name, int offset, int scaleOffset) {
        return new SunSpecField(name, offset, DataType.UINT16, 1, scaleOffset, UINT16_NI);
    }

    static SunSpecField acc32(String name, int offset, int scaleOffset) {
        return new SunSpecField(name, offset, DataType.UINT32, 2, scaleOffset, ACC32_NI);
    }

    static SunSpecField string(String name, int offset, int length) {
        return new SunSpecField(name, offset, DataType.STRING, length, -1, List.of());
    }
}
