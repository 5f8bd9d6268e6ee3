package io.carbonedge.driver.opcua;

/**
 * A monitored item's deadband: a new value is reported only when it differs from the last
 * reported one by more than {@code value} (absolute, in the point's unit) or by more than
 * {@code value} percent of the variable's EURange (percent; the server must know the range).
 */
public record Deadband(Type type, double value) {

    public static final Deadband NONE = new Deadband(Type.NONE, 0);

    public enum Type { NONE, ABSOLUTE, PERCENT }
}
