package io.carbonedge.agent.receiver;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code ref} of each (gateway, device, point, unit) in table {@code point}, added the first
 * time a reading names it. Remembers the refs it has seen (a gateway has a few hundred points; a
 * flood of names only makes it start over), and must be told when a transaction that may have added
 * some is rolled back.
 */
final class PointRefs implements AutoCloseable {

    private static final int REMEMBERED = 10_000;

    private final PreparedStatement find;
    private final PreparedStatement add;
    private final Map<Key, Long> refs = new HashMap<>();

    PointRefs(Connection connection) throws SQLException {
        find = connection.prepareStatement(
                "SELECT ref FROM point WHERE gateway = ? AND device = ? AND point = ? AND unit = ?");
        add = connection.prepareStatement("INSERT INTO point (gateway, device, point, unit) VALUES (?, ?, ?, ?)");
    }

    /** The point's ref, added in the connection's current transaction when it is new. */
    long ref(String gateway, String device, String point, String unit) throws SQLException {
        Key key = new Key(gateway, device, point, unit);
        Long ref = refs.get(key);
        if (ref == null) {
            ref = find(key);
            if (ref == null) {
                bind(add, key);
                add.executeUpdate();
                ref = find(key);
            }
            if (refs.size() >= REMEMBERED) {
                refs.clear();
            }
            refs.put(key, ref);
        }
        return ref;
    }

    /** After a rollback: refs added in that transaction are gone. */
    void forget() {
        refs.clear();
    }

    private Long find(Key key) throws SQLException {
        bind(find, key);
        try (ResultSet rs = find.executeQuery()) {
            return rs.next() ? rs.getLong(1) : null;
        }
    }

    private static void bind(PreparedStatement s, Key key) throws SQLException {
        s.setString(1, key.gateway);
        s.setString(2, key.device);
        s.setString(3, key.point);
        s.setString(4, key.unit);
    }

    @Override
    public void close() throws SQLException {
        find.close();
        add.close();
    }

    private record Key(String gateway, String device, String point, String unit) {
    }
}
