package io.carbonedge.driver.opcua;

import io.carbonedge.driver.PointKind;

/**
 * A point read from an OPC UA variable, by node id or by browse path.
 *
 * @param id         the point's id in its device
 * @param kind       counter, gauge or state
 * @param nodeId     e.g. {@code ns=2;s=Boiler1.GasFlow}, {@code ns=3;i=1001}, {@code nsu=URI;s=…}; null when by path
 * @param browsePath e.g. {@code Objects/Boiler1/GasFlow}; null when by node id
 * @param monitoring subscribe-mode settings
 */
public record OpcUaPoint(String id, PointKind kind, String nodeId, String browsePath, Monitoring monitoring) {

    /** The address as written in the device file, for messages. */
    public String address() {
        return nodeId != null ? nodeId : browsePath;
    }
}
