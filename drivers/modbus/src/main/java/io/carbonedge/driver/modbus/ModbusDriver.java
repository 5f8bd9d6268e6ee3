package io.carbonedge.driver.modbus;

import io.carbonedge.driver.DeviceUnavailableException;
import io.carbonedge.driver.Driver;
import io.carbonedge.driver.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Reads the points of one Modbus TCP device with a precomputed {@link ReadPlan}.
 *
 * <p>Connects on the first read. A device-level failure (refused, timeout, broken link) closes
 * the connection and fails the whole read; the next read reconnects. When a connection that
 * was kept open between polls turns out to have been dropped by the device (as many devices do
 * with idle clients), the driver reconnects once at once instead of failing. An exception
 * response marks only the points of that read {@code BAD}.
 */
public final class ModbusDriver implements Driver {

    private final List<ModbusPoint> points;
    private final ReadPlan plan;
    private final ModbusTcpLink link;

    /**
     * @param endpoint where the device is
     * @param timeout  how long to wait for a connection or an answer
     * @param points   the points in configuration order
     * @param plan     the reads, computed from {@code points}
     */
    public ModbusDriver(ModbusEndpoint endpoint, Duration timeout, List<ModbusPoint> points, ReadPlan plan) {
        this.points = List.copyOf(points);
        this.plan = plan;
        this.link = new ModbusTcpLink(endpoint, timeout);
    }

    /** The reads this driver makes on every poll. */
    public ReadPlan plan() {
        return plan;
    }

    @Override
    public List<Sample> read(Instant now) throws DeviceUnavailableException {
        boolean reusingConnection = link.isOpen();
        link.open();
        Sample[] samples = new Sample[points.size()];
        for (int i = 0; i < plan.requests().size(); i++) {
            ReadRequest request = plan.requests().get(i);
            RegisterResponse response;
            try {
                response = execute(request);
            } catch (ConnectionLostException e) {
                if (!(reusingConnection && i == 0)) {
                    throw e;
                }
                reusingConnection = false;
                link.open();
                response = execute(request);
            }
            fill(samples, request, response, now);
        }
        return List.of(samples);
    }

    @Override
    public void close() {
        link.close();
    }

    private RegisterResponse execute(ReadRequest request) throws DeviceUnavailableException {
        RegisterResponse response = link.read(request.table(), request.firstRegister(), request.registerCount());
        if (response instanceof RegisterResponse.Refused refused
                && ModbusExceptionCode.isGatewayFailure(refused.exceptionCode())) {
            throw new DeviceUnavailableException(ModbusExceptionCode.describe(refused.exceptionCode()));
        }
        return response;
    }

    private void fill(Sample[] samples, ReadRequest request, RegisterResponse response, Instant now) {
        for (int index : request.pointIndexes()) {
            samples[index] = sample(points.get(index), request, response, now);
        }
    }

    private static Sample sample(ModbusPoint point, ReadRequest request, RegisterResponse response, Instant now) {
        if (response instanceof RegisterResponse.Refused refused) {
            return Sample.bad(point.id(), now, ModbusExceptionCode.describe(refused.exceptionCode()));
        }
        int[] words = ((RegisterResponse.Registers) response).words();
        if (words.length != request.registerCount()) {
            return Sample.bad(point.id(), now,
                    "response had " + words.length + " registers, expected " + request.registerCount());
        }
        double value = point.valueFrom(words, request.firstRegister());
        if (!Double.isFinite(value)) {
            return Sample.bad(point.id(), now, "not a finite number: " + value);
        }
        return Sample.good(point.id(), now, value);
    }
}
