package io.carbonedge.driver.opcua;

import io.carbonedge.driver.DeviceUnavailableException;
import io.carbonedge.driver.Driver;
import io.carbonedge.driver.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;

/**
 * Reads one device over OPC UA, through the session it shares with the other devices on the
 * same endpoint.
 *
 * <p>The first {@link #read} starts connecting and waits up to the device timeout for the
 * session; after that a read never waits for a connection. In {@code subscribe} mode it returns
 * the values that arrived since the previous read (possibly none); in {@code read} mode one
 * sample per point from one batched Read. Without an active session it throws
 * {@link DeviceUnavailableException} with the reason (refused, untrusted certificate, session
 * lost and reconnecting…).
 */
public final class OpcUaDriver implements Driver {

    private final String deviceId;
    private final OpcUaConnection connection;
    private final List<OpcUaPoint> points;
    private final SessionPool pool;
    private EndpointSession session;
    private SubscriptionFeed feed;
    private BatchRead batch;
    private boolean waitedOnce;
    private boolean closed;

    OpcUaDriver(String deviceId, OpcUaConnection connection, List<OpcUaPoint> points, SessionPool pool) {
        this.deviceId = deviceId;
        this.connection = connection;
        this.points = List.copyOf(points);
        this.pool = pool;
    }

    /** The points, as read from the configuration. */
    public List<OpcUaPoint> points() {
        return points;
    }

    public OpcUaConnection connection() {
        return connection;
    }

    @Override
    public List<Sample> read(Instant now) throws DeviceUnavailableException {
        if (closed) {
            throw new DeviceUnavailableException("driver closed");
        }
        if (session == null) {
            open();
        }
        if (!waitedOnce) {
            waitedOnce = true;
            awaitSession(connection.timeout());
        }
        OpcUaClient client = session.activeClient();
        if (client == null) {
            throw new DeviceUnavailableException(session.problem() == null ? "connecting" : session.problem());
        }
        return feed != null ? feed.drain() : batch.read(client, connection.endpointUrl(), now);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (feed != null) {
            feed.close();
        }
        if (session != null) {
            pool.release(connection, session);
        }
    }

    private void open() {
        session = pool.acquire(connection);
        if (connection.readMode() == ReadMode.SUBSCRIBE) {
            feed = new SubscriptionFeed(deviceId, points, connection.publishingInterval(), session);
            feed.start();
        } else {
            batch = new BatchRead(points);
        }
        session.start();
    }

    private void awaitSession(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!session.isActive() && !session.attempted() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
