package io.carbonedge.driver.modbus;

import java.util.List;
import java.util.Optional;

/**
 * The models a SunSpec device announced, in chain order.
 *
 * @param base   where the "SunS" marker was found
 * @param models each model's id, first register (its ID register) and length (registers after the length register)
 */
record SunSpecMap(int base, List<Model> models) {

    SunSpecMap {
        models = List.copyOf(models);
    }

    /** The first model with any of these ids, trying the ids in the given order. */
    Optional<Model> first(List<Integer> ids) {
        for (int id : ids) {
            for (Model model : models) {
                if (model.id() == id) {
                    return Optional.of(model);
                }
            }
        }
        return Optional.empty();
    }

    record Model(int id, int start, int length) {
    }
}
