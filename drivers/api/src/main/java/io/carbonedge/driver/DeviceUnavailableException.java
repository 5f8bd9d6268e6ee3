package io.carbonedge.driver;

import java.io.IOException;

/**
 * The device as a whole could not be read: connection refused, timeout, broken link.
 * The message is what the agent shows as the device's offline reason, so it should be short
 * and plain ("connection refused 10.0.0.5:502", "no response within 1000 ms").
 */
public class DeviceUnavailableException extends IOException {

    public DeviceUnavailableException(String message) {
        super(message);
    }

    public DeviceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
