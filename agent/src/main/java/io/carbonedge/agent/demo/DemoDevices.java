package io.carbonedge.agent.demo;

import io.carbonedge.driver.modbus.sim.GridMeterModel;
import io.carbonedge.driver.modbus.sim.ModbusSimulator;
import io.carbonedge.driver.modbus.sim.PvInverterModel;
import io.carbonedge.driver.opcua.sim.OpcUaSimulator;
import io.carbonedge.driver.opcua.sim.SimulatorOptions;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The demo's simulated devices, as Modbus TCP slaves on loopback at the ports
 * {@code config/demo/devices/*.yaml} point to: a transformer meter (ADL400 register map), a
 * rooftop PV inverter (SUN2000 register map), and an OPC UA server with a gas boiler and a cement
 * kiln. The inverter's sun runs on a clock set to late
 * morning, so the demo shows generation whatever the hour.
 */
final class DemoDevices implements AutoCloseable {

    static final int GRID_METER_PORT = 15502;
    static final int PV_INVERTER_PORT = 15503;
    static final int OPC_UA_PORT = 14840;
    private static final Duration STEP = Duration.ofMillis(500);

    private final ModbusSimulator gridMeter;
    private final ModbusSimulator pvInverter;
    private final OpcUaSimulator plant;
    private final ScheduledExecutorService timer;

    private DemoDevices(ModbusSimulator gridMeter, ModbusSimulator pvInverter, OpcUaSimulator plant,
                        ScheduledExecutorService timer) {
        this.gridMeter = gridMeter;
        this.pvInverter = pvInverter;
        this.plant = plant;
        this.timer = timer;
    }

    static DemoDevices start(ZoneId zone, Path pkiDir) throws IOException {
        ModbusSimulator meter = ModbusSimulator.start(GRID_METER_PORT);
        ModbusSimulator inverter;
        OpcUaSimulator plant;
        try {
            inverter = ModbusSimulator.start(PV_INVERTER_PORT);
        } catch (IOException e) {
            meter.close();
            throw e;
        }
        try {
            plant = OpcUaSimulator.start(OPC_UA_PORT, pkiDir, SimulatorOptions.defaults());
        } catch (IOException | RuntimeException e) {
            meter.close();
            inverter.close();
            throw e;
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-devices");
            t.setDaemon(true);
            return t;
        });
        new GridMeterModel(meter.unit(1), Clock.system(zone)).start(timer, STEP);
        new PvInverterModel(inverter.unit(1), lateMorning(zone)).start(timer, STEP);
        return new DemoDevices(meter, inverter, plant, timer);
    }

    /** A clock that reads 10:30 local time now and then runs at the normal rate. */
    private static Clock lateMorning(ZoneId zone) {
        Instant now = Instant.now();
        Instant tenThirty = ZonedDateTime.now(zone).withHour(10).withMinute(30).withSecond(0).toInstant();
        return Clock.offset(Clock.system(zone), Duration.between(now, tenThirty));
    }

    @Override
    public void close() {
        timer.shutdownNow();
        gridMeter.close();
        pvInverter.close();
        plant.close();
    }
}
