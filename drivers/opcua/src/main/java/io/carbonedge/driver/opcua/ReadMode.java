package io.carbonedge.driver.opcua;

/** How a device's values reach the gateway. */
public enum ReadMode {
    /** Monitored items in a subscription: the server pushes changes; each poll drains what arrived. */
    SUBSCRIBE,
    /** One batched Read of every node at each poll. */
    READ
}
