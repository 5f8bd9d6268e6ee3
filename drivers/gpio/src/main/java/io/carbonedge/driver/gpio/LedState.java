package io.carbonedge.driver.gpio;

/**
 * What the status LED tells a technician standing at the cabinet. When several apply, show
 * the most urgent: {@link #DEVICE_FAULT}, then {@link #UPLINK_DOWN}, then {@link #RUNNING}.
 */
public enum LedState {
    /** Dark: the agent is not running. */
    OFF(BlinkPattern.onOffMillis()),
    /** A slow heartbeat: a 100 ms flash every 2 s. */
    RUNNING(BlinkPattern.onOffMillis(100, 1900)),
    /** Fast blinking, 4 times a second: the platform cannot be reached (readings are buffered). */
    UPLINK_DOWN(BlinkPattern.onOffMillis(125, 125)),
    /** A double flash every 1.5 s: at least one device cannot be read. */
    DEVICE_FAULT(BlinkPattern.onOffMillis(150, 200, 150, 1000));

    private final BlinkPattern pattern;

    LedState(BlinkPattern pattern) {
        this.pattern = pattern;
    }

    BlinkPattern pattern() {
        return pattern;
    }
}
