package io.carbonedge.driver.opcua.sim;

/**
 * One variable a device model publishes.
 *
 * @param name  the variable's browse name inside its device folder, e.g. {@code GasFlow}
 * @param unit  engineering unit, for documentation and the node's description
 * @param low   the low end of its engineering range (EURange, used by percent deadbands)
 * @param high  the high end of its engineering range
 */
public record SimulatedValue(String name, String unit, double low, double high) {
}
