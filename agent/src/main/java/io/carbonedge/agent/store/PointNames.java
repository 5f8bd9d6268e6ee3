package io.carbonedge.agent.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code point} table held in memory by a reader, so that reading a batch does not join every
 * reading to its point and decode three strings per row. Read again whenever
 * {@code point_version} (bumped by triggers on any change to {@code point}) moved. Confined to the
 * thread that owns the connection.
 */
final class PointNames {

    /** Reads the version in the same statement as the rows it must be valid for. */
    static final String VERSION = "(SELECT version FROM point_version)";

    private final PreparedStatement all;
    private final Map<Integer, PointCatalog.PointName> names = new HashMap<>();
    private long version = -1;

    PointNames(Connection connection) throws SQLException {
        this.all = connection.prepareStatement("SELECT ref, device, point, unit, " + VERSION + " FROM point");
    }

    /**
     * The point of {@code ref} as of {@code currentVersion}, read from the statement that returned
     * the version, so that it is the same snapshot of the database.
     */
    PointCatalog.PointName of(int ref, long currentVersion) throws SQLException {
        if (currentVersion != version) {
            reload();
        }
        PointCatalog.PointName name = names.get(ref);
        if (name == null) {
            throw new SQLException("reading refers to point " + ref + ", which is not in the point table");
        }
        return name;
    }

    private void reload() throws SQLException {
        names.clear();
        try (ResultSet rs = all.executeQuery()) {
            while (rs.next()) {
                names.put(rs.getInt(1), new PointCatalog.PointName(rs.getString(2), rs.getString(3), rs.getString(4)));
                version = rs.getLong(5);
            }
        }
    }
}
