package io.carbonedge.driver;

/**
 * How far a sample can be trusted. Only {@link #GOOD} samples count towards totals.
 */
public enum Quality {
    /** Read from the device and decoded without doubt. */
    GOOD,
    /** The device answered, but flagged the value (e.g. an OPC UA Uncertain status). */
    UNCERTAIN,
    /** No usable value: timeout, exception response, sentinel "not implemented" value. */
    BAD
}
