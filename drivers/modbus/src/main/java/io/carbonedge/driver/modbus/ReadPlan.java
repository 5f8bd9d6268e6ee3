package io.carbonedge.driver.modbus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The reads that fetch every point of one device, computed once from its configuration.
 *
 * <p>Points of the same table (function code) are sorted by register and merged greedily into
 * one read while the read stays within {@code maxRegisters} (registers) or 2000 (bits) and no run
 * of unused registers or bits between two points is longer than {@code maxGap}. Overlapping points share registers. A point longer than
 * {@code maxRegisters} still gets a read of its own (configuration validation reports that case).
 *
 * @param requests holding-register reads first, then input registers, coils, discrete inputs, each by register
 */
public record ReadPlan(List<ReadRequest> requests) {

    public ReadPlan {
        requests = List.copyOf(requests);
    }

    /**
     * Plans the reads for the given points.
     *
     * @param points       in configuration order; a request refers to them by index
     * @param maxRegisters the longest single read, 1..125
     * @param maxGap       the most unused registers a read may span between two points, >= 0
     */
    public static ReadPlan of(List<ModbusPoint> points, int maxRegisters, int maxGap) {
        if (maxRegisters < 1 || maxGap < 0) {
            throw new IllegalArgumentException("maxRegisters " + maxRegisters + ", maxGap " + maxGap);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer, Table>comparing(i -> points.get(i).table())
                .thenComparingInt(i -> points.get(i).register())
                .thenComparingInt(i -> points.get(i).lastRegister())
                .thenComparingInt(i -> i));

        List<ReadRequest> requests = new ArrayList<>();
        Builder current = null;
        for (int index : order) {
            ModbusPoint point = points.get(index);
            if (current == null || !current.accepts(point, maxRegisters, maxGap)) {
                if (current != null) {
                    requests.add(current.build());
                }
                current = new Builder(point.table(), point.register(), point.lastRegister());
            }
            current.add(index, point);
        }
        if (current != null) {
            requests.add(current.build());
        }
        return new ReadPlan(requests);
    }

    /**
     * The reads that replace {@code merged} when a device refused it with "illegal data address":
     * one read per point (points at the same registers share it), so only the points the device
     * really lacks are lost.
     */
    public static List<ReadRequest> split(ReadRequest merged, List<ModbusPoint> points) {
        List<ReadRequest> parts = new ArrayList<>();
        Builder current = null;
        for (int index : merged.pointIndexes()) {
            ModbusPoint point = points.get(index);
            if (current == null || current.first != point.register() || current.last != point.lastRegister()) {
                if (current != null) {
                    parts.add(current.build());
                }
                current = new Builder(point.table(), point.register(), point.lastRegister());
            }
            current.add(index, point);
        }
        if (current != null) {
            parts.add(current.build());
        }
        return parts;
    }

    /** A read being grown point by point. */
    private static final class Builder {
        private final Table table;
        private final int first;
        private int last;
        private final List<Integer> pointIndexes = new ArrayList<>();

        Builder(Table table, int first, int last) {
            this.table = table;
            this.first = first;
            this.last = last;
        }

        boolean accepts(ModbusPoint point, int maxRegisters, int maxGap) {
            int unused = point.register() - last - 1;
            int newLast = Math.max(last, point.lastRegister());
            int limit = table.isBits() ? table.maxPerRead() : maxRegisters;
            return point.table() == table && unused <= maxGap && newLast - first + 1 <= limit;
        }

        void add(int index, ModbusPoint point) {
            pointIndexes.add(index);
            last = Math.max(last, point.lastRegister());
        }

        ReadRequest build() {
            return new ReadRequest(table, first, last - first + 1, pointIndexes);
        }
    }
}
