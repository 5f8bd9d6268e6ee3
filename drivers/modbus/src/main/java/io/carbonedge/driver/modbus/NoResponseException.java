package io.carbonedge.driver.modbus;

import java.io.IOException;

/** No valid answer arrived within the timeout; the link itself may still be fine. */
final class NoResponseException extends IOException {

    NoResponseException(String message) {
        super(message);
    }
}
