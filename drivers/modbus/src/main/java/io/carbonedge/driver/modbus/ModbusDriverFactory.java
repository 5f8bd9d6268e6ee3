package io.carbonedge.driver.modbus;

import io.carbonedge.driver.ConfigSection;
import io.carbonedge.driver.DeviceSpec;
import io.carbonedge.driver.Driver;
import io.carbonedge.driver.DriverFactory;
import io.carbonedge.driver.PointSpec;
import java.util.List;

/**
 * Makes {@link ModbusDriver}s for devices with {@code protocol: modbus} (Modbus TCP).
 *
 * <p>Connection fields: {@code host} (required), {@code port} (502), {@code unit-id} (1),
 * {@code max-gap} (16), {@code max-registers} (125). Point fields: {@code table} (holding | input),
 * {@code register} (required, hex allowed), {@code type} (int16 | uint16 | int32 | uint32 |
 * float32, default uint16), {@code order} (abcd | cdab | badc | dcba, 32-bit types only),
 * {@code scale} (1.0).
 */
public final class ModbusDriverFactory implements DriverFactory {

    /** The protocol name, as written in a device file. */
    public static final String PROTOCOL = "modbus";

    @Override
    public String protocol() {
        return PROTOCOL;
    }

    @Override
    public Driver create(DeviceSpec device, ConfigSection connection, List<ConfigSection> points) {
        ModbusEndpoint endpoint = ModbusConfigReader.endpoint(connection);
        List<String> ids = device.points().stream().map(PointSpec::id).toList();
        List<ModbusPoint> modbusPoints = ModbusConfigReader.points(ids, points);
        ModbusConfigReader.checkFits(endpoint, modbusPoints, connection);
        ReadPlan plan = ReadPlan.of(modbusPoints, endpoint.maxRegisters(), endpoint.maxGap());
        return new ModbusDriver(endpoint, device.timeout(), modbusPoints, plan);
    }
}
