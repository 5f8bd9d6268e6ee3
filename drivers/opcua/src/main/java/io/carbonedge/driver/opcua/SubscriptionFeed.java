package io.carbonedge.driver.opcua;

import io.carbonedge.driver.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.DataChangeTrigger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.DeadbandType;
import org.eclipse.milo.opcua.stack.core.types.structured.DataChangeFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

/**
 * A device in {@code subscribe} mode: one subscription with a monitored item per point, whose
 * notifications are turned into samples and kept in a bounded queue until the next
 * {@link #drain}. When the queue is full the oldest samples are dropped (counted, logged once).
 *
 * <p>Each time the session becomes active the subscription is checked: if Milo transferred it to
 * the new session nothing is done; if it was lost (the server restarted) it is created again,
 * with its nodes resolved afresh. All of this runs on the session's thread.
 */
final class SubscriptionFeed {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionFeed.class);
    private static final Duration SETUP_RETRY = Duration.ofSeconds(5);

    private final String deviceId;
    private final List<OpcUaPoint> points;
    private final Duration publishingInterval;
    private final EndpointSession session;
    private final ArrayBlockingQueue<Sample> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final java.util.function.Consumer<OpcUaClient> onActive = this::ensureSubscribed;
    private volatile OpcUaSubscription subscription;
    private volatile boolean closed;
    private boolean warnedFull;

    SubscriptionFeed(String deviceId, List<OpcUaPoint> points, Duration publishingInterval, EndpointSession session) {
        this.deviceId = deviceId;
        this.points = List.copyOf(points);
        this.publishingInterval = publishingInterval;
        this.session = session;
        this.queue = new ArrayBlockingQueue<>(Math.max(1024, points.size() * 32));
    }

    void start() {
        session.onActive(onActive);
    }

    /** The samples that arrived since the last call, oldest first. Never blocks. */
    List<Sample> drain() {
        List<Sample> samples = new ArrayList<>(queue.size());
        queue.drainTo(samples);
        return samples;
    }

    /** Samples dropped because the queue was full. */
    long dropped() {
        return dropped.get();
    }

    void close() {
        closed = true;
        session.removeListener(onActive);
        OpcUaSubscription s = subscription;
        subscription = null;
        if (s != null && session.isActive()) {
            s.deleteAsync();
        }
    }

    private void ensureSubscribed(OpcUaClient client) {
        OpcUaSubscription current = subscription;
        if (closed || current != null && current.getClient() == client
                && current.getSyncState() != OpcUaSubscription.SyncState.INITIAL) {
            return;
        }
        try {
            subscription = create(client);
        } catch (Exception e) {
            log.warn("device {}: cannot subscribe on {}: {}; retrying in {} s", deviceId, session.endpointUrl(),
                    e.getMessage(), SETUP_RETRY.toSeconds());
            session.schedule(() -> {
                OpcUaClient c = session.activeClient();
                if (c != null) {
                    ensureSubscribed(c);
                }
            }, SETUP_RETRY);
        }
    }

    private OpcUaSubscription create(OpcUaClient client) throws Exception {
        List<NodeResolver.Resolved> nodes = NodeResolver.resolve(client, points);
        OpcUaSubscription s = new OpcUaSubscription(client, (double) publishingInterval.toMillis());
        s.setSubscriptionListener(new Listener());
        List<OpcUaMonitoredItem> items = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < points.size(); i++) {
            OpcUaPoint point = points.get(i);
            NodeResolver.Resolved node = nodes.get(i);
            if (node.nodeId() == null) {
                offer(Sample.bad(point.id(), now, node.problem()));
                continue;
            }
            OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(node.nodeId());
            item.setSamplingInterval(point.monitoring().samplingInterval().toMillis());
            item.setQueueSize(uint(point.monitoring().queueSize()));
            item.setDiscardOldest(true);
            filter(point.monitoring().deadband()).ifPresent(item::setFilter);
            item.setUserObject(point);
            items.add(item);
        }
        s.create();
        s.addMonitoredItems(items);
        s.createMonitoredItems();
        for (OpcUaMonitoredItem item : items) {
            StatusCode result = item.getCreateResult().orElse(StatusCode.GOOD);
            if (!result.isGood()) {
                OpcUaPoint point = (OpcUaPoint) item.getUserObject().orElseThrow();
                offer(Sample.bad(point.id(), now, "cannot monitor " + point.address() + ": " + ValueMapper.statusName(result)));
            }
        }
        log.info("device {}: subscribed to {} of {} points on {}", deviceId, items.size(), points.size(), session.endpointUrl());
        return s;
    }

    private static java.util.Optional<DataChangeFilter> filter(Deadband deadband) {
        if (deadband.type() == Deadband.Type.NONE) {
            return java.util.Optional.empty();
        }
        DeadbandType type = deadband.type() == Deadband.Type.PERCENT ? DeadbandType.Percent : DeadbandType.Absolute;
        return java.util.Optional.of(new DataChangeFilter(DataChangeTrigger.StatusValue, uint(type.getValue()), deadband.value()));
    }

    private void offer(Sample sample) {
        while (!queue.offer(sample)) {
            if (queue.poll() != null) {
                dropped.incrementAndGet();
                if (!warnedFull) {
                    warnedFull = true;
                    log.warn("device {}: more values arrive than are polled; dropping the oldest (queue of {})",
                            deviceId, queue.remainingCapacity() + queue.size());
                }
            }
        }
    }

    private final class Listener implements OpcUaSubscription.SubscriptionListener {

        @Override
        public void onDataReceived(OpcUaSubscription s, List<OpcUaMonitoredItem> items, List<DataValue> values) {
            Instant now = Instant.now();
            for (int i = 0; i < items.size(); i++) {
                Object user = items.get(i).getUserObject().orElse(null);
                if (user instanceof OpcUaPoint point) {
                    offer(ValueMapper.sample(point.id(), values.get(i), now));
                }
            }
        }

        @Override
        public void onTransferFailed(OpcUaSubscription s, StatusCode status) {
            log.info("device {}: subscription not transferred to the new session ({}); creating it again",
                    deviceId, ValueMapper.statusName(status));
            OpcUaClient c = session.activeClient();
            if (c != null) {
                session.schedule(() -> ensureSubscribed(c), Duration.ZERO);
            }
        }

        @Override
        public void onStatusChanged(OpcUaSubscription s, StatusCode status) {
            if (status.isBad()) {
                session.schedule(() -> {
                    OpcUaClient c = session.activeClient();
                    if (c != null) {
                        ensureSubscribed(c);
                    }
                }, Duration.ZERO);
            }
        }
    }

}
