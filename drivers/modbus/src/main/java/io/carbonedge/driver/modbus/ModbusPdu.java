package io.carbonedge.driver.modbus;

/** Builds read requests for function codes 1-4 and reads their answers. */
final class ModbusPdu {

    private ModbusPdu() {
    }

    /** The request PDU: function code, first address, count. */
    static byte[] readRequest(Table table, int first, int count) {
        return new byte[] {(byte) table.functionCode(), (byte) (first >>> 8), (byte) first,
                (byte) (count >>> 8), (byte) count};
    }

    /** The number of data bytes a correct answer carries. */
    static int expectedByteCount(Table table, int count) {
        return table.isBits() ? (count + 7) / 8 : count * 2;
    }

    /**
     * Reads an answer PDU.
     *
     * @throws InvalidFrameException when it is not an answer to this request
     */
    static RegisterResponse parse(Table table, int count, byte[] pdu) throws InvalidFrameException {
        if (pdu.length >= 2 && (pdu[0] & 0xFF) == (table.functionCode() | 0x80)) {
            return new RegisterResponse.Refused(pdu[1] & 0xFF);
        }
        if (pdu.length < 2 || (pdu[0] & 0xFF) != table.functionCode()) {
            throw new InvalidFrameException("answer with function code " + (pdu.length == 0 ? "none" : pdu[0] & 0xFF)
                    + " to a request with " + table.functionCode());
        }
        int bytes = pdu[1] & 0xFF;
        if (bytes != expectedByteCount(table, count) || pdu.length != 2 + bytes) {
            throw new InvalidFrameException("answer with " + bytes + " data bytes, expected "
                    + expectedByteCount(table, count));
        }
        int[] values = new int[count];
        for (int i = 0; i < count; i++) {
            values[i] = table.isBits()
                    ? (pdu[2 + i / 8] >>> (i % 8)) & 1
                    : ((pdu[2 + 2 * i] & 0xFF) << 8) | (pdu[3 + 2 * i] & 0xFF);
        }
        return new RegisterResponse.Registers(values);
    }
}
