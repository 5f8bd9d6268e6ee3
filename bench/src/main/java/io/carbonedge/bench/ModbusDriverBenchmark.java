package io.carbonedge.bench;

import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.Register;
import io.carbonedge.driver.ConfigSection;
import io.carbonedge.driver.DeviceSpec;
import io.carbonedge.driver.Driver;
import io.carbonedge.driver.DriverContext;
import io.carbonedge.driver.PointKind;
import io.carbonedge.driver.PointSpec;
import io.carbonedge.driver.Sample;
import io.carbonedge.driver.modbus.DataType;
import io.carbonedge.driver.modbus.ModbusDriverFactory;
import io.carbonedge.driver.modbus.Table;
import io.carbonedge.driver.modbus.WordOrder;
import io.carbonedge.driver.modbus.sim.ModbusSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Points per second read through the Modbus driver versus a bare j2mod master loop reading the
 * same registers, in the same run: 100 devices (unit ids 1..100 on one simulated Modbus TCP
 * gateway) x 50 uint16 points each. One round reads every point of every device once; the two
 * loops alternate round by round so both see the same machine state. Prints the median round
 * time of each and the ratio (goal: driver / bare <= 1.3).
 *
 * <pre>
 * mvn -B -q -pl bench -am package -DskipTests
 * java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" io.carbonedge.bench.ModbusDriverBenchmark [rounds]
 * </pre>
 */
public final class ModbusDriverBenchmark {

    private static final int DEVICES = 100;
    private static final int POINTS = 50;

    private ModbusDriverBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        try (ModbusSimulator simulator = ModbusSimulator.start(0)) {
            for (int unit = 1; unit <= DEVICES; unit++) {
                for (int p = 0; p < POINTS; p++) {
                    simulator.unit(unit).set(Table.HOLDING, p, DataType.UINT16, WordOrder.ABCD, unit * 100 + p);
                }
            }
            ModbusDriverFactory factory = new ModbusDriverFactory();
            List<Driver> drivers = new ArrayList<>();
            for (int unit = 1; unit <= DEVICES; unit++) {
                drivers.add(driver(factory, simulator.port(), unit));
            }
            ModbusTCPMaster master = new ModbusTCPMaster("127.0.0.1", simulator.port(), 1000, false); // one connection kept open
            master.connect();
            long checksum = 0;
            for (int warm = 0; warm < 5; warm++) {
                checksum += driverRound(drivers) + bareRound(master);
            }
            long[] driverNanos = new long[rounds];
            long[] bareNanos = new long[rounds];
            for (int r = 0; r < rounds; r++) {
                long start = System.nanoTime();
                checksum += driverRound(drivers);
                driverNanos[r] = System.nanoTime() - start;
                start = System.nanoTime();
                checksum += bareRound(master);
                bareNanos[r] = System.nanoTime() - start;
            }
            master.disconnect();
            drivers.forEach(Driver::close);
            double driverMedian = median(driverNanos) / 1e6;
            double bareMedian = median(bareNanos) / 1e6;
            int points = DEVICES * POINTS;
            System.out.printf("%d devices x %d points, %d rounds (checksum %d)%n", DEVICES, POINTS, rounds, checksum);
            System.out.printf("driver: median %.2f ms/round, %.0f points/s%n", driverMedian, points / driverMedian * 1000);
            System.out.printf("bare j2mod: median %.2f ms/round, %.0f points/s%n", bareMedian, points / bareMedian * 1000);
            System.out.printf("ratio driver/bare: %.2f (goal <= 1.3)%n", driverMedian / bareMedian);
        }
    }

    private static long driverRound(List<Driver> drivers) throws Exception {
        long sum = 0;
        Instant now = Instant.now();
        for (Driver driver : drivers) {
            for (Sample sample : driver.read(now)) {
                sum += (long) sample.value();
            }
        }
        return sum;
    }

    private static long bareRound(ModbusTCPMaster master) throws Exception {
        long sum = 0;
        for (int unit = 1; unit <= DEVICES; unit++) {
            Register[] registers = master.readMultipleRegisters(unit, 0, POINTS);
            for (Register register : registers) {
                sum += register.toUnsignedShort();
            }
        }
        return sum;
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    private static Driver driver(ModbusDriverFactory factory, int port, int unit) {
        BenchSection connection = new BenchSection(Map.of("host", "127.0.0.1", "port", port, "unit-id", unit));
        List<PointSpec> specs = new ArrayList<>();
        List<ConfigSection> points = new ArrayList<>();
        for (int p = 0; p < POINTS; p++) {
            specs.add(new PointSpec("p" + p, PointKind.GAUGE, ""));
            points.add(new BenchSection(Map.of("register", p)));
        }
        DeviceSpec device = new DeviceSpec("unit-" + unit, "modbus", Duration.ofSeconds(1), Duration.ofSeconds(1), specs);
        return factory.create(new DriverContext(Path.of(""), Path.of("")), device, connection, points);   // reads no files
    }

    /** A configuration section over a map, enough for the fields the benchmark sets; mistakes throw. */
    private record BenchSection(Map<String, Object> values) implements ConfigSection {
        @Override public boolean has(String field) { return values.containsKey(field); }
        @Override public String text(String field) { return String.valueOf(values.get(field)); }
        @Override public Optional<String> optionalText(String field) { return Optional.ofNullable(values.get(field)).map(String::valueOf); }
        @Override public String text(String field, String fallback) { return optionalText(field).orElse(fallback); }
        @Override public long integer(String field, long min, long max) { return ((Number) values.get(field)).longValue(); }
        @Override public long integer(String field, long min, long max, long fallback) { return has(field) ? integer(field, min, max) : fallback; }
        @Override public double number(String field, double min, double max, double fallback) { return has(field) ? ((Number) values.get(field)).doubleValue() : fallback; }
        @Override public boolean flag(String field, boolean fallback) { return fallback; }
        @Override public Duration duration(String field, Duration fallback) { return fallback; }
        @Override public <E extends Enum<E>> E choice(String field, Class<E> type, E fallback) { return fallback; }
        @Override public ConfigSection section(String field) { return new BenchSection(Map.of()); }
        @Override public Optional<ConfigSection> optionalSection(String field) { return Optional.empty(); }
        @Override public List<ConfigSection> sections(String field) { return List.of(); }
        @Override public void reportError(String field, String expected) { throw new IllegalArgumentException(field + ": " + expected); }
        @Override public String location() { return "benchmark"; }
    }
}
