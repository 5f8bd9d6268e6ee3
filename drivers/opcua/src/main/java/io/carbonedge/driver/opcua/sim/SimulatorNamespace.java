package io.carbonedge.driver.opcua.sim;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.model.variables.AnalogItemTypeNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Range;

/**
 * The simulator's address space: one folder under Objects per device model, each variable an
 * AnalogItem (with an EURange, so percent deadbands work) with the string node id
 * {@code FOLDER.NAME}; a {@code Test} folder of writable-by-the-test variables of each type; and
 * optionally a {@code Bench} folder of many changing variables.
 */
final class SimulatorNamespace extends ManagedNamespaceWithLifecycle {

    static final String URI = "urn:carbonedge:opcua-simulator";

    private final SubscriptionModel subscriptionModel;
    private final Map<String, UaVariableNode> variables = new ConcurrentHashMap<>();
    private final List<DeviceModel> models;
    private final int benchPoints;

    SimulatorNamespace(OpcUaServer server, List<DeviceModel> models, int benchPoints) {
        super(server, URI);
        this.models = models;
        this.benchPoints = benchPoints;
        this.subscriptionModel = new SubscriptionModel(server, this);
        getLifecycleManager().addLifecycle(subscriptionModel);
        getLifecycleManager().addStartupTask(this::createNodes);
    }

    /** Sets a variable by its node id string ({@code Boiler1.GasFlow}, {@code Test.Text}). */
    void set(String id, Object value, StatusCode status, Instant sourceTime) {
        UaVariableNode node = variables.get(id);
        if (node == null) {
            throw new IllegalArgumentException("no variable " + id + "; known: " + variables.keySet());
        }
        node.setValue(new DataValue(Variant.of(value), status, new DateTime(sourceTime)));
    }

    boolean has(String id) {
        return variables.containsKey(id);
    }

    private void createNodes() {
        for (DeviceModel model : models) {
            UaFolderNode folder = folder(model.folder());
            for (SimulatedValue value : model.variables()) {
                analog(folder, model.folder() + "." + value.name(), value.name(), value.unit(),
                        new Range(value.low(), value.high()), 0.0);
            }
        }
        UaFolderNode test = folder("Test");
        analog(test, "Test.Number", "Number", "", new Range(0.0, 100.0), 0.0);
        plain(test, "Test.Flag", "Flag", NodeIds.Boolean, false);
        plain(test, "Test.Text", "Text", NodeIds.String, "idle");
        plain(test, "Test.Integer", "Integer", NodeIds.Int32, 0);
        if (benchPoints > 0) {
            UaFolderNode bench = folder("Bench");
            for (int i = 0; i < benchPoints; i++) {
                String name = String.format("P%05d", i);
                plain(bench, "Bench." + name, name, NodeIds.Double, 0.0);
            }
        }
    }

    private UaFolderNode folder(String name) {
        UaFolderNode folder = new UaFolderNode(getNodeContext(), newNodeId(name), newQualifiedName(name),
                LocalizedText.english(name));
        getNodeManager().addNode(folder);
        folder.addReference(new Reference(folder.getNodeId(), NodeIds.Organizes,
                NodeIds.ObjectsFolder.expanded(), Reference.Direction.INVERSE));
        return folder;
    }

    private void analog(UaFolderNode folder, String id, String name, String unit, Range range, double initial) {
        try {
            AnalogItemTypeNode node = (AnalogItemTypeNode) getNodeFactory().createNode(newNodeId(id), NodeIds.AnalogItemType);
            node.setBrowseName(newQualifiedName(name));
            node.setDisplayName(LocalizedText.english(name));
            node.setDescription(LocalizedText.english(unit.isEmpty() ? name : name + " in " + unit));
            node.setDataType(NodeIds.Double);
            node.setAccessLevel(AccessLevel.toValue(AccessLevel.READ_WRITE));
            node.setUserAccessLevel(AccessLevel.toValue(AccessLevel.READ_WRITE));
            node.setEuRange(range);
            node.setValue(new DataValue(Variant.ofDouble(initial)));
            folder.addOrganizes(node);
            variables.put(id, node);
        } catch (UaException e) {
            throw new IllegalStateException("cannot create " + id, e);
        }
    }

    private void plain(UaFolderNode folder, String id, String name, NodeId dataType, Object initial) {
        UaVariableNode node = new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
                .setNodeId(newNodeId(id))
                .setBrowseName(newQualifiedName(name))
                .setDisplayName(LocalizedText.english(name))
                .setDataType(dataType)
                .setTypeDefinition(NodeIds.BaseDataVariableType)
                .setAccessLevel(AccessLevel.READ_WRITE)
                .setUserAccessLevel(AccessLevel.READ_WRITE)
                .build();
        node.setValue(new DataValue(Variant.of(initial)));
        getNodeManager().addNode(node);
        folder.addOrganizes(node);
        variables.put(id, node);
    }

    @Override
    public void onDataItemsCreated(List<DataItem> items) {
        subscriptionModel.onDataItemsCreated(items);
    }

    @Override
    public void onDataItemsModified(List<DataItem> items) {
        subscriptionModel.onDataItemsModified(items);
    }

    @Override
    public void onDataItemsDeleted(List<DataItem> items) {
        subscriptionModel.onDataItemsDeleted(items);
    }

    @Override
    public void onMonitoringModeChanged(List<MonitoredItem> items) {
        subscriptionModel.onMonitoringModeChanged(items);
    }
}
