package io.carbonedge.driver.modbus;

import java.util.HashMap;
import java.util.Map;

/**
 * The buses in use, one per {@link BusAddress}: every device on the same serial port or TCP
 * endpoint gets the same {@link ModbusBus}. Owned by one {@link ModbusDriverFactory}; a bus
 * closes when the last driver on it closes.
 */
final class BusRegistry {

    private final Map<BusAddress, ModbusBus> buses = new HashMap<>();
    private final Map<BusAddress, Integer> users = new HashMap<>();

    /** The bus at this address; the first device to name it fixes its line settings. */
    synchronized ModbusBus acquire(ModbusEndpoint endpoint) {
        ModbusBus bus = buses.computeIfAbsent(endpoint.bus(), address -> new ModbusBus(endpoint));
        users.merge(endpoint.bus(), 1, Integer::sum);
        return bus;
    }

    /** The bus already used at this address, if any, to check that settings agree. */
    synchronized ModbusBus existing(BusAddress address) {
        return buses.get(address);
    }

    synchronized void release(ModbusBus bus) {
        BusAddress address = bus.address();
        Integer left = users.computeIfPresent(address, (a, n) -> n - 1);
        if (left != null && left <= 0) {
            users.remove(address);
            buses.remove(address).close();
        }
    }
}
