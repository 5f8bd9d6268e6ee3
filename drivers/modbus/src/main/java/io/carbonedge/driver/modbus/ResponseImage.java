package io.carbonedge.driver.modbus;

import java.util.ArrayList;
import java.util.List;

/** The answers of one poll, by table and address, for decoding points and their scale factors. */
final class ResponseImage {

    private final List<Entry> entries = new ArrayList<>();

    void add(ReadRequest request, RegisterResponse response) {
        entries.add(new Entry(request.table(), request.firstRegister(), request.registerCount(), response));
    }

    /** The answer covering {@code count} registers (or bits) from {@code first}. */
    Slice find(Table table, int first, int count) {
        Slice refused = null;
        for (Entry entry : entries) {
            if (entry.table != table || first < entry.first || first + count > entry.first + entry.count) {
                continue;
            }
            if (entry.response instanceof RegisterResponse.Registers registers) {
                if (registers.words().length != entry.count) {
                    return new Slice(null, 0, "response had " + registers.words().length + " registers, expected "
                            + entry.count);
                }
                return new Slice(registers.words(), first - entry.first, null);
            }
            refused = new Slice(null, 0,
                    ModbusExceptionCode.describe(((RegisterResponse.Refused) entry.response).exceptionCode()));
        }
        return refused != null ? refused : new Slice(null, 0, "not read");
    }

    /** Words and where the value starts in them, or why there are none. */
    record Slice(int[] words, int at, String failure) {
    }

    private record Entry(Table table, int first, int count, RegisterResponse response) {
    }
}
