package io.carbonedge.driver.opcua;

import io.carbonedge.driver.DeviceUnavailableException;
import io.carbonedge.driver.Sample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;

/**
 * A device in {@code read} mode: one Read request for every point's node per poll. Nodes are
 * resolved once per session (a new session after a server restart resolves them again).
 */
final class BatchRead {

    private final List<OpcUaPoint> points;
    private OpcUaClient resolvedFor;
    private List<NodeResolver.Resolved> nodes;

    BatchRead(List<OpcUaPoint> points) {
        this.points = List.copyOf(points);
    }

    List<Sample> read(OpcUaClient client, String endpointUrl, Instant now) throws DeviceUnavailableException {
        try {
            if (client != resolvedFor) {
                nodes = NodeResolver.resolve(client, points);
                resolvedFor = client;
            }
            List<NodeId> ids = new ArrayList<>();
            for (NodeResolver.Resolved node : nodes) {
                if (node.nodeId() != null) {
                    ids.add(node.nodeId());
                }
            }
            List<DataValue> values = ids.isEmpty() ? List.of() : client.readValues(0.0, TimestampsToReturn.Both, ids);
            List<Sample> samples = new ArrayList<>(points.size());
            int next = 0;
            for (int i = 0; i < points.size(); i++) {
                NodeResolver.Resolved node = nodes.get(i);
                samples.add(node.nodeId() == null
                        ? Sample.bad(points.get(i).id(), now, node.problem())
                        : ValueMapper.sample(points.get(i).id(), values.get(next++), now));
            }
            return samples;
        } catch (UaException e) {
            resolvedFor = null;
            throw new DeviceUnavailableException("read from " + endpointUrl + " failed: " + ValueMapper.statusName(e.getStatusCode()), e);
        }
    }
}
