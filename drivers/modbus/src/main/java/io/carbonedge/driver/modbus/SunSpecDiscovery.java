package io.carbonedge.driver.modbus;

import io.carbonedge.driver.DeviceUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds a SunSpec device's models: looks for the marker "SunS" (0x5375 0x6E53) in holding
 * registers at each base address, then walks the chain of models, each an ID register, a length
 * register and that many registers, until the end model (ID 0xFFFF). Addresses come from the
 * chain only, never from fixed offsets.
 */
final class SunSpecDiscovery {

    /** Where devices put the marker, most common first. */
    static final List<Integer> DEFAULT_BASES = List.of(40000, 0, 50000);

    private static final int MARKER_HIGH = 0x5375;
    private static final int MARKER_LOW = 0x6E53;
    private static final int END_MODEL = 0xFFFF;
    private static final int MAX_MODELS = 100;

    private SunSpecDiscovery() {
    }

    /** The device's models, or empty when no base holds the marker. */
    static Optional<SunSpecMap> discover(ModbusBus.Session session, List<Integer> bases) throws DeviceUnavailableException {
        for (int base : bases) {
            if (base + 3 > 0xFFFF) {
                continue;
            }
            RegisterResponse marker = session.read(Table.HOLDING, base, 2);
            if (marker instanceof RegisterResponse.Registers r && r.words()[0] == MARKER_HIGH && r.words()[1] == MARKER_LOW) {
                return Optional.of(new SunSpecMap(base, walk(session, base + 2)));
            }
        }
        return Optional.empty();
    }

    private static List<SunSpecMap.Model> walk(ModbusBus.Session session, int first) throws DeviceUnavailableException {
        List<SunSpecMap.Model> models = new ArrayList<>();
        int address = first;
        while (models.size() < MAX_MODELS && address + 1 <= 0xFFFF) {
            RegisterResponse header = session.read(Table.HOLDING, address, 2);
            if (!(header instanceof RegisterResponse.Registers r)) {
                break; // the chain ends without an end model, as some devices do
            }
            int id = r.words()[0];
            int length = r.words()[1];
            if (id == END_MODEL || id == 0) {
                break;
            }
            models.add(new SunSpecMap.Model(id, address, length));
            address += 2 + length;
        }
        return models;
    }
}
