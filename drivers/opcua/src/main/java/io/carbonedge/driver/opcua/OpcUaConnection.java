package io.carbonedge.driver.opcua;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A device's {@code connection:} map, read and checked.
 *
 * @param endpointUrl         {@code opc.tcp://host:port[/path]}
 * @param policy              security policy
 * @param mode                security mode (None only with policy None)
 * @param identity            the user identity
 * @param readMode            subscribe or read
 * @param publishingInterval  how often the server publishes the subscription's changes
 * @param trustUnknownServers trust a server certificate never seen before (a technician's explicit choice)
 * @param pkiDir              the gateway's PKI directory
 * @param timeout             request and connect timeout (the device's {@code timeout})
 */
public record OpcUaConnection(String endpointUrl, OpcUaSecurityPolicy policy, OpcUaSecurityMode mode,
                              Identity identity, ReadMode readMode, Duration publishingInterval,
                              boolean trustUnknownServers, Path pkiDir, Duration timeout) {

    /** What decides whether two devices can share one session: everything but the per-device settings. */
    SessionKey sessionKey() {
        return new SessionKey(endpointUrl, policy, mode, identity, trustUnknownServers, pkiDir);
    }

    /** Devices with equal keys share one client and one session (with the first device's timeout). */
    record SessionKey(String endpointUrl, OpcUaSecurityPolicy policy, OpcUaSecurityMode mode, Identity identity,
                      boolean trustUnknownServers, Path pkiDir) {
    }
}
