package io.carbonedge.agent.uplink;

/** A payload that is not SenML as RFC 8428 and {@code docs/uplink.md} describe it. */
public class SenmlFormatException extends Exception {

    public SenmlFormatException(String message) {
        super(message);
    }

    public SenmlFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
