package io.carbonedge.driver.modbus;

import io.carbonedge.driver.DeviceUnavailableException;

/**
 * An open connection broke (closed by the device, reset). Unlike a timeout this is worth one
 * immediate reconnect when the connection had been idle: many devices drop idle clients.
 */
final class ConnectionLostException extends DeviceUnavailableException {

    ConnectionLostException(String message) {
        super(message);
    }
}
