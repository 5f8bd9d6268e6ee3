package io.carbonedge.driver.modbus;

/** Names of the exception codes a Modbus device may answer with, for readable reasons. */
final class ModbusExceptionCode {

    private ModbusExceptionCode() {
    }

    /** The gateway could not reach the device behind it: the device, not the request, is at fault. */
    static boolean isGatewayFailure(int code) {
        return code == 10 || code == 11;
    }

    /** {@code modbus exception 2 (illegal data address)}. */
    static String describe(int code) {
        return "modbus exception " + code + " (" + name(code) + ")";
    }

    private static String name(int code) {
        return switch (code) {
            case 1 -> "illegal function";
            case 2 -> "illegal data address";
            case 3 -> "illegal data value";
            case 4 -> "server device failure";
            case 5 -> "acknowledge";
            case 6 -> "server device busy";
            case 8 -> "memory parity error";
            case 10 -> "gateway path unavailable";
            case 11 -> "gateway target device failed to respond";
            default -> "unknown code";
        };
    }
}
