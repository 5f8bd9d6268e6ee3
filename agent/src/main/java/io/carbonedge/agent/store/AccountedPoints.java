package io.carbonedge.agent.store;

import io.carbonedge.agent.config.DeviceConfig;
import io.carbonedge.agent.config.PointAccounting;
import io.carbonedge.agent.totals.AccountedPoint;
import io.carbonedge.driver.PointSpec;

import java.util.OptionalDouble;

/**
 * Makes the accountant's view of a configured point: unit conversion into the carrier's unit, the
 * rollover (the point's {@code rollover:} wins over the driver's {@code rolloverAt}) and the
 * physical limit (the point's {@code max-rate:}, else the device's {@code rated-power:} for
 * electricity counters).
 */
final class AccountedPoints {

    private AccountedPoints() {
    }

    static AccountedPoint of(int ref, DeviceConfig device, PointSpec point, PointAccounting how, double dieselDensity) {
        OptionalDouble factor = how.integrated()
                ? how.carrier().rateFactorFrom(point.unit(), dieselDensity)
                : how.carrier().factorFrom(point.unit(), dieselDensity);
        double toCarrier = factor.orElse(1);
        double rollover = how.rollover();
        if (Double.isNaN(rollover) && device.driver() != null && !how.integrated()) {
            rollover = device.driver().rolloverAt(point.id()).orElse(Double.NaN);
        }
        double maxRate = how.maxRatePerHour();
        if (Double.isNaN(maxRate) && !Double.isNaN(device.ratedPowerKw()) && how.carrier().unit().equals("kWh")) {
            maxRate = device.ratedPowerKw() / toCarrier;
        }
        return new AccountedPoint(ref, device.id(), how.carrier(),
                how.integrated() ? AccountedPoint.Source.GAUGE : AccountedPoint.Source.COUNTER,
                toCarrier, rollover, maxRate, device.spec().interval());
    }
}
