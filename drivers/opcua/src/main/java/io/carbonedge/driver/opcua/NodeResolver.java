package io.carbonedge.driver.opcua;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.NamespaceTable;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseDirection;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseResultMask;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseResult;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

/**
 * Finds the NodeId of each point in the server's address space as it is now: namespace URIs
 * ({@code nsu=}) through the server's namespace table, browse paths by browsing from the Objects
 * folder. Done again after every new session, since a restarted server may have renumbered its
 * namespaces.
 */
final class NodeResolver {

    /** A point's node, or why it has none. */
    record Resolved(NodeId nodeId, String problem) {
    }

    private NodeResolver() {
    }

    static List<Resolved> resolve(OpcUaClient client, List<OpcUaPoint> points) throws UaException {
        NamespaceTable namespaces = client.readNamespaceTable();
        List<Resolved> resolved = new ArrayList<>(points.size());
        for (OpcUaPoint point : points) {
            resolved.add(point.nodeId() != null ? byId(point.nodeId(), namespaces) : byPath(client, point.browsePath()));
        }
        return resolved;
    }

    private static Resolved byId(String text, NamespaceTable namespaces) {
        try {
            Optional<NodeId> id = ExpandedNodeId.parse(text).toNodeId(namespaces);
            return id.map(n -> new Resolved(n, null))
                    .orElseGet(() -> new Resolved(null, "namespace of " + text + " not known to the server"));
        } catch (RuntimeException e) {
            return new Resolved(null, "not a node id: " + text);
        }
    }

    private static Resolved byPath(OpcUaClient client, String text) throws UaException {
        Optional<BrowsePath> path = BrowsePath.parse(text);
        if (path.isEmpty()) {
            return new Resolved(null, "not a browse path: " + text);
        }
        NodeId current = NodeIds.ObjectsFolder;
        NamespaceTable namespaces = client.getNamespaceTable();
        for (BrowsePath.Element element : path.get().elements()) {
            BrowseResult result = client.browse(new BrowseDescription(current, BrowseDirection.Forward,
                    NodeIds.HierarchicalReferences, true, uint(0), uint(BrowseResultMask.All.getValue())));
            NodeId next = null;
            if (result.getReferences() != null) {
                for (ReferenceDescription reference : result.getReferences()) {
                    if (element.matches(reference.getBrowseName().getNamespaceIndex().intValue(),
                            reference.getBrowseName().getName())) {
                        next = reference.getNodeId().toNodeId(namespaces).orElse(null);
                        break;
                    }
                }
            }
            if (next == null) {
                return new Resolved(null, "browse path " + text + ": no '" + element.name() + "'");
            }
            current = next;
        }
        return new Resolved(current, null);
    }
}
