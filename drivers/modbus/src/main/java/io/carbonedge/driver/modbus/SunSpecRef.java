package io.carbonedge.driver.modbus;

import java.util.List;

/**
 * A configured SunSpec point ({@code sunspec-model}, {@code sunspec-point}, {@code module}),
 * waiting for discovery to say where its model starts.
 *
 * @param pointId the point's id
 * @param group   common, inverter or mppt
 * @param field   where the point sits in its model
 * @param module  for mppt points, the module number from 1; 0 otherwise
 * @param scale   extra scale applied after the SunSpec scale factor (e.g. 0.001 for Wh to kWh)
 * @param offset  added after scaling
 */
record SunSpecRef(String pointId, String group, SunSpecField field, int module, double scale, double offset) {

    /** The point at its discovered address, or a reason why the device does not have it. */
    Resolution resolve(SunSpecMap map) {
        List<Integer> ids = SunSpecModels.MODEL_IDS.get(group);
        SunSpecMap.Model model = map.first(ids).orElse(null);
        if (model == null) {
            return new Resolution(null, "device has no SunSpec model " + String.join(" or ",
                    ids.stream().map(String::valueOf).toList()));
        }
        int start = model.start() + field.offset();
        if (group.equals("mppt")) {
            int modules = (model.length() + 2 - SunSpecModels.MPPT_FIRST_MODULE) / SunSpecModels.MPPT_MODULE_LENGTH;
            if (module > modules) {
                return new Resolution(null, "model 160 has " + modules + " module(s), no module " + module);
            }
            start = model.start() + SunSpecModels.MPPT_FIRST_MODULE
                    + (module - 1) * SunSpecModels.MPPT_MODULE_LENGTH + field.offset();
        }
        int scaleRegister = field.scaleOffset() < 0 ? -1 : model.start() + field.scaleOffset();
        if (start + field.length() - 1 > model.start() + 1 + model.length()) {
            return new Resolution(null, "model " + model.id() + " is too short for " + field.name());
        }
        ModbusPoint point = new ModbusPoint(pointId, Table.HOLDING, start, field.type(), WordOrder.ABCD, scale, offset,
                -1, field.length(), scaleRegister, field.notImplemented());
        return new Resolution(point, null);
    }

    /** A resolved point, or the reason there is none. */
    record Resolution(ModbusPoint point, String missing) {
    }
}
