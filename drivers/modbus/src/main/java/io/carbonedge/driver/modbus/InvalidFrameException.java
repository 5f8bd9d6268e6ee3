package io.carbonedge.driver.modbus;

import java.io.IOException;

/** A frame arrived but does not answer the request: wrong function code or length. */
final class InvalidFrameException extends IOException {

    InvalidFrameException(String message) {
        super(message);
    }
}
