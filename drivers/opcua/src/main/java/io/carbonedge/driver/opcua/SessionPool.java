package io.carbonedge.driver.opcua;

import java.util.HashMap;
import java.util.Map;

/**
 * The sessions of one configuration: one {@link EndpointSession} per endpoint and security
 * setting, counted by the drivers that use it and closed when the last one is.
 */
final class SessionPool {

    private final Map<OpcUaConnection.SessionKey, Entry> sessions = new HashMap<>();

    private static final class Entry {
        final EndpointSession session;
        int users;

        Entry(EndpointSession session) {
            this.session = session;
        }
    }

    synchronized EndpointSession acquire(OpcUaConnection connection) {
        Entry entry = sessions.computeIfAbsent(connection.sessionKey(), k -> new Entry(new EndpointSession(connection)));
        entry.users++;
        return entry.session;
    }

    synchronized void release(OpcUaConnection connection, EndpointSession session) {
        Entry entry = sessions.get(connection.sessionKey());
        if (entry == null || entry.session != session) {
            return;
        }
        if (--entry.users == 0) {
            sessions.remove(connection.sessionKey());
            session.close();
        }
    }

    /** Sessions open now (for tests). */
    synchronized int size() {
        return sessions.size();
    }
}
