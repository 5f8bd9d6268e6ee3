package io.carbonedge.agent.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code point} table: a small integer per (device, point) so that readings stay small on
 * disk. Refs are stable for the life of the buffer. Used by one thread.
 */
final class PointCatalog {

    /** A point's identity and unit, as stored. */
    record PointName(String device, String point, String unit) {
    }

    private final Connection connection;
    private final Map<String, Map<String, Integer>> refs = new HashMap<>();
    private final Map<Integer, PointName> names = new HashMap<>();

    PointCatalog(Connection connection) throws SQLException {
        this.connection = connection;
        try (PreparedStatement s = connection.prepareStatement("SELECT ref, device, point, unit FROM point");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                remember(rs.getInt(1), new PointName(rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
    }

    /** The point's ref, creating the row the first time (the unit of an existing row is updated). */
    int ref(String device, String point, String unit) throws SQLException {
        Integer known = refs.getOrDefault(device, Map.of()).get(point);
        if (known != null) {
            PointName name = names.get(known);
            if (!name.unit().equals(unit) && !unit.isEmpty()) {
                try (PreparedStatement s = connection.prepareStatement("UPDATE point SET unit = ? WHERE ref = ?")) {
                    s.setString(1, unit);
                    s.setInt(2, known);
                    s.executeUpdate();
                }
                names.put(known, new PointName(device, point, unit));
            }
            return known;
        }
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT INTO point (device, point, unit) VALUES (?, ?, ?)", PreparedStatement.RETURN_GENERATED_KEYS)) {
            s.setString(1, device);
            s.setString(2, point);
            s.setString(3, unit);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                int ref = keys.getInt(1);
                remember(ref, new PointName(device, point, unit));
                return ref;
            }
        }
    }

    /** The ref of a point, found by one lookup when known; a point no configuration named gets a row with no unit. */
    int refOf(String device, String point) throws SQLException {
        int known = find(device, point);
        return known >= 0 ? known : ref(device, point, "");
    }

    /** The ref of a point already known, or -1. */
    int find(String device, String point) {
        return refs.getOrDefault(device, Map.of()).getOrDefault(point, -1);
    }

    PointName name(int ref) {
        return names.get(ref);
    }

    private void remember(int ref, PointName name) {
        refs.computeIfAbsent(name.device(), d -> new HashMap<>()).put(name.point(), ref);
        names.put(ref, name);
    }
}
