package io.carbonedge.driver.modbus;

import io.carbonedge.driver.ConfigSection;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Reads a Modbus device's {@code connection:} map. Mistakes are reported to the section and
 * replaced by fallbacks, so reading always completes. The fields and their defaults are listed
 * in {@link ModbusDriverFactory}.
 */
final class ModbusConfigReader {

    private static final List<String> SERIAL_FIELDS = List.of("baud", "parity", "data-bits", "stop-bits");

    private ModbusConfigReader() {
    }

    static ModbusEndpoint endpoint(ConfigSection connection) {
        Transport transport = connection.choice("transport", Transport.class, Transport.TCP);
        BusAddress bus;
        if (transport == Transport.RTU) {
            String device = connection.text("port").strip();
            if (connection.has("port") && (device.isEmpty() || device.chars().allMatch(Character::isDigit))) {
                connection.reportError("port", "the serial port for transport rtu, e.g. /dev/ttyUSB0 or COM3");
            }
            if (connection.has("host")) {
                connection.reportError("host", "no host for transport rtu (a local serial port); "
                        + "use transport: rtu-over-tcp for a serial device server");
            }
            bus = BusAddress.serial(device);
        } else {
            String host = connection.text("host").strip();
            if (!host.isEmpty() && (host.contains("://") || host.contains("/") || host.chars().anyMatch(Character::isWhitespace))) {
                connection.reportError("host", "a host name or IP address, e.g. 192.168.1.20 (port goes in 'port')");
            }
            int port = (int) connection.integer("port", 1, 65535, ModbusEndpoint.DEFAULT_PORT);
            bus = transport == Transport.TCP ? BusAddress.tcp(host, port) : BusAddress.rtuOverTcp(host, port);
        }
        SerialSettings serial = serial(connection, transport);
        Duration interFrameDelay = transport == Transport.TCP ? Duration.ZERO : serial.interFrameDelay();
        if (connection.has("inter-frame-delay")) {
            interFrameDelay = connection.duration("inter-frame-delay", interFrameDelay);
        }
        Duration backoffMax = connection.duration("backoff-max", ModbusEndpoint.DEFAULT_BACKOFF_MAX);
        int unitId = (int) connection.integer("unit-id", 0, 247, ModbusEndpoint.DEFAULT_UNIT_ID);
        int maxGap = (int) connection.integer("max-gap", 0, ModbusEndpoint.MAX_REGISTERS_PER_READ,
                ModbusEndpoint.DEFAULT_MAX_GAP);
        int maxRegisters = (int) connection.integer("max-registers", 1, ModbusEndpoint.MAX_REGISTERS_PER_READ,
                ModbusEndpoint.MAX_REGISTERS_PER_READ);
        return new ModbusEndpoint(bus, serial, interFrameDelay, backoffMax, unitId, maxGap, maxRegisters);
    }

    /** Where to look for the SunSpec marker: the configured base, or 40000, 0 and 50000. */
    static List<Integer> sunSpecBases(ConfigSection connection) {
        if (connection.has("sunspec-base")) {
            return List.of((int) connection.integer("sunspec-base", 0, 0xFFFF, 40000));
        }
        return SunSpecDiscovery.DEFAULT_BASES;
    }

    /** Reports a device whose line settings differ from the bus another device already opened. */
    static void checkSameLine(ModbusEndpoint endpoint, ModbusBus existing, ConfigSection connection) {
        if (existing != null && endpoint.bus().transport() == Transport.RTU
                && !existing.settings().serial().equals(endpoint.serial())) {
            SerialSettings other = existing.settings().serial();
            connection.reportError("baud", "the same line settings as the other devices on "
                    + endpoint.address() + " (" + other.baud() + " baud, parity "
                    + other.parity().name().toLowerCase(Locale.ROOT) + ", " + other.dataBits() + " data bits, "
                    + other.stopBits() + " stop bits)");
        }
    }

    private static SerialSettings serial(ConfigSection connection, Transport transport) {
        if (transport == Transport.TCP) {
            for (String field : SERIAL_FIELDS) {
                if (connection.has(field)) {
                    connection.reportError(field, "no " + field + " for transport tcp (serial settings apply to "
                            + "rtu, and to rtu-over-tcp for the inter-frame delay)");
                }
            }
            return SerialSettings.DEFAULT;
        }
        int baud = (int) connection.integer("baud", 300, 4_000_000, SerialSettings.DEFAULT_BAUD);
        Parity parity = connection.choice("parity", Parity.class, Parity.NONE);
        int dataBits = (int) connection.integer("data-bits", 7, 8, 8);
        int stopBits = (int) connection.integer("stop-bits", 1, 2, 1);
        return new SerialSettings(baud, parity, dataBits, stopBits);
    }

    /** Reports when a point cannot fit in one read of {@code maxRegisters}. */
    static void checkFits(ModbusEndpoint endpoint, List<ModbusPoint> points, ConfigSection connection) {
        int longest = points.stream().filter(p -> !p.table().isBits())
                .mapToInt(ModbusPoint::registerCount).max().orElse(1);
        if (endpoint.maxRegisters() < longest) {
            connection.reportError("max-registers",
                    "at least " + longest + ", the length of the longest point");
        }
    }
}
