package io.carbonedge.driver.modbus;

import io.carbonedge.driver.ConfigSection;
import io.carbonedge.driver.DeviceSpec;
import io.carbonedge.driver.Driver;
import io.carbonedge.driver.DriverContext;
import io.carbonedge.driver.DriverFactory;
import io.carbonedge.driver.PointSpec;
import java.util.List;

/**
 * Makes {@link ModbusDriver}s for devices with {@code protocol: modbus}. Devices made by one
 * factory that name the same bus (TCP endpoint or serial port) share it: their requests take
 * turns, one at a time.
 *
 * <p>Connection fields (default in brackets):
 * <ul>
 *   <li>{@code transport}: tcp | rtu | rtu-over-tcp [tcp];</li>
 *   <li>tcp and rtu-over-tcp: {@code host} (required), {@code port} [502];</li>
 *   <li>rtu: {@code port}, the serial port (required, e.g. /dev/ttyUSB0);</li>
 *   <li>rtu and rtu-over-tcp: {@code baud} [9600], {@code parity} none | even | odd [none],
 *       {@code data-bits} 7 | 8 [8], {@code stop-bits} 1 | 2 [1];
 *       {@code inter-frame-delay} [3.5 characters at that speed, 1.75 ms above 19200 baud; 0 for tcp];</li>
 *   <li>{@code unit-id} 0-247 [1], {@code max-gap} [16], {@code max-registers} 1-125 [125],
 *       {@code backoff-max}, the longest a silent unit or unreachable bus is left alone [30s];</li>
 *   <li>{@code sunspec-base}: where the "SunS" marker is [probe 40000, 0, 50000], for SunSpec points.</li>
 * </ul>
 *
 * <p>Point fields: {@code table} holding | input | coil | discrete-input [holding];
 * {@code register} (required, hex allowed); {@code type} bool | int16 | uint16 | int32 | uint32 |
 * int64 | uint64 | float32 | float64 | string [uint16, bool for coils]; {@code bit} 0-15 (bool in a
 * register); {@code length} (string: registers); {@code order} abcd | cdab | badc | dcba, or for
 * 64-bit abcdefgh | ghefcdab | badcfehg | hgfedcba [abcd] (see {@link WordOrder}); {@code scale} [1];
 * {@code offset} [0]; {@code scale-register}, an int16 power of ten (SunSpec *_SF) [none];
 * {@code not-implemented}, raw values or sunspec | huawei | max (see {@link Sentinels}) [none].
 * A SunSpec point has instead {@code sunspec-model} common | inverter | mppt (or 1, 101, 102, 103,
 * 160), {@code sunspec-point} (e.g. W, WH, SN), {@code module} (mppt, from 1) [1], and optionally
 * {@code scale} and {@code offset}; its register is found on the first connection.
 */
public final class ModbusDriverFactory implements DriverFactory {

    /** The protocol name, as written in a device file. */
    public static final String PROTOCOL = "modbus";

    private final BusRegistry buses = new BusRegistry();

    @Override
    public String protocol() {
        return PROTOCOL;
    }

    @Override
    public Driver create(DriverContext context, DeviceSpec device, ConfigSection connection,
                         List<ConfigSection> points) {
        ModbusEndpoint endpoint = ModbusConfigReader.endpoint(connection);
        List<Integer> sunSpecBases = ModbusConfigReader.sunSpecBases(connection);
        List<String> ids = device.points().stream().map(PointSpec::id).toList();
        List<ModbusPointReader.ConfiguredPoint> configured = ModbusPointReader.points(ids, points);
        ModbusConfigReader.checkFits(endpoint, configured.stream()
                .filter(p -> p.point() != null).map(ModbusPointReader.ConfiguredPoint::point).toList(), connection);
        ModbusConfigReader.checkSameLine(endpoint, buses.existing(endpoint.bus()), connection);
        return new ModbusDriver(device.id(), endpoint, device.timeout(), buses, configured, sunSpecBases);
    }
}
