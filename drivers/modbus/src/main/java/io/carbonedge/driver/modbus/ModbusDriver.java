package io.carbonedge.driver.modbus;

import io.carbonedge.driver.DeviceUnavailableException;
import io.carbonedge.driver.Driver;
import io.carbonedge.driver.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the points of one Modbus device (one unit id on a {@link ModbusBus}) with a
 * {@link ReadPlan} computed once: at creation, or after SunSpec discovery on the first connect
 * when the device has SunSpec points.
 *
 * <p>A device-level failure (unreachable bus, no answer, gateway exception 10/11) fails the
 * whole read; while the unit or bus backs off, reads fail at once with "backing off". An
 * exception response marks only the points of that read {@code BAD}. When a merged read is
 * refused with "illegal data address", the driver replaces it by one read per point, for good.
 */
public final class ModbusDriver implements Driver {

    private static final Logger log = LoggerFactory.getLogger(ModbusDriver.class);
    private static final int ILLEGAL_DATA_ADDRESS = 2;

    private final String deviceId;
    private final ModbusEndpoint endpoint;
    private final Duration timeout;
    private final BusRegistry registry;
    private final ModbusBus bus;
    private final List<ModbusPointReader.ConfiguredPoint> configured;
    private final List<Integer> sunSpecBases;
    private final Map<String, String> unresolved = new LinkedHashMap<>();
    private List<ModbusPoint> samplePoints;
    private List<ModbusPoint> plannedPoints;
    private List<ReadRequest> requests;
    private boolean discovered;
    private boolean closed;
    private boolean noSunSpecLogged;

    ModbusDriver(String deviceId, ModbusEndpoint endpoint, Duration timeout, BusRegistry registry,
                 List<ModbusPointReader.ConfiguredPoint> configured, List<Integer> sunSpecBases) {
        this.deviceId = deviceId;
        this.endpoint = endpoint;
        this.timeout = timeout;
        this.registry = registry;
        this.configured = List.copyOf(configured);
        this.sunSpecBases = List.copyOf(sunSpecBases);
        this.bus = registry.acquire(endpoint);
        if (configured.stream().allMatch(p -> p.point() != null)) {
            discovered = true;
            plan(configured.stream().map(ModbusPointReader.ConfiguredPoint::point).toList());
        }
    }

    /** The reads this driver makes on every poll; empty until SunSpec discovery has run. */
    public ReadPlan plan() {
        return new ReadPlan(requests == null ? List.of() : requests);
    }

    @Override
    public List<Sample> read(Instant now) throws DeviceUnavailableException {
        if (closed) {
            throw new DeviceUnavailableException("driver closed");
        }
        ResponseImage image = new ResponseImage();
        try (ModbusBus.Session session = bus.open(endpoint.unitId(), timeout)) {
            if (!discovered) {
                discover(session);
            }
            for (int i = 0; i < requests.size(); i++) {
                ReadRequest request = requests.get(i);
                RegisterResponse response = session.read(request.table(), request.firstRegister(), request.registerCount());
                if (isRefusedMerge(request, response)) {
                    List<ReadRequest> parts = ReadPlan.split(request, plannedPoints);
                    log.info("Device {} refused registers {}..{} read together (illegal data address); reading its "
                            + "{} points there separately from now on", deviceId, request.firstRegister(),
                            request.lastRegister(), parts.size());
                    requests.remove(i);
                    requests.addAll(i, parts);
                    i--;
                    continue;
                }
                image.add(request, response);
            }
        }
        Sample[] samples = new Sample[configured.size()];
        for (int i = 0; i < samples.length; i++) {
            ModbusPoint point = samplePoints.get(i);
            String missing = unresolved.get(point.id());
            samples[i] = missing != null ? Sample.bad(point.id(), now, missing) : PointDecoder.sample(point, image, now);
        }
        return List.of(samples);
    }

    @Override
    public OptionalDouble rolloverAt(String pointId) {
        for (ModbusPointReader.ConfiguredPoint point : configured) {
            if (point.point() != null && point.point().id().equals(pointId)) {
                return point.point().rolloverAt();
            }
        }
        return OptionalDouble.empty();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            registry.release(bus);
        }
    }

    private boolean isRefusedMerge(ReadRequest request, RegisterResponse response) {
        if (!(response instanceof RegisterResponse.Refused refused) || refused.exceptionCode() != ILLEGAL_DATA_ADDRESS) {
            return false;
        }
        return ReadPlan.split(request, plannedPoints).size() > 1;
    }

    private void discover(ModbusBus.Session session) throws DeviceUnavailableException {
        Optional<SunSpecMap> map = SunSpecDiscovery.discover(session, sunSpecBases);
        List<ModbusPoint> resolved = new ArrayList<>();
        unresolved.clear();
        for (ModbusPointReader.ConfiguredPoint point : configured) {
            if (point.point() != null) {
                resolved.add(point.point());
                continue;
            }
            SunSpecRef ref = point.sunSpec();
            SunSpecRef.Resolution resolution = map.map(ref::resolve).orElse(new SunSpecRef.Resolution(null,
                    "no SunSpec marker 'SunS' at " + sunSpecBases));
            if (resolution.point() != null) {
                resolved.add(resolution.point());
            } else {
                unresolved.put(ref.pointId(), resolution.missing());
                resolved.add(new ModbusPoint(ref.pointId(), Table.HOLDING, 0, DataType.UINT16, WordOrder.ABCD, 1));
            }
        }
        discovered = map.isPresent();
        if (map.isEmpty()) {
            if (!noSunSpecLogged) {
                noSunSpecLogged = true;
                log.warn("Device {} shows no SunSpec marker at {}; will look again on the next poll", deviceId, sunSpecBases);
            }
        } else {
            log.info("Device {}: SunSpec at {}, models {}", deviceId, map.get().base(),
                    map.get().models().stream().map(SunSpecMap.Model::id).toList());
        }
        plan(resolved);
    }

    /** Plans the reads of the resolved points and the scale-factor registers they refer to. */
    private void plan(List<ModbusPoint> resolved) {
        samplePoints = List.copyOf(resolved);
        List<ModbusPoint> planned = new ArrayList<>();
        for (ModbusPoint point : resolved) {
            if (!unresolved.containsKey(point.id())) {
                planned.add(point);
            }
        }
        for (ModbusPoint point : List.copyOf(planned)) {
            if (point.scaleRegister() >= 0 && planned.stream().noneMatch(
                    f -> f.id().startsWith("scale-factor@") && f.register() == point.scaleRegister() && f.table() == point.table())) {
                planned.add(new ModbusPoint("scale-factor@" + point.scaleRegister(), point.table(),
                        point.scaleRegister(), DataType.INT16, WordOrder.ABCD, 1));
            }
        }
        plannedPoints = planned;
        requests = new ArrayList<>(ReadPlan.of(planned, endpoint.maxRegisters(), endpoint.maxGap()).requests());
    }
}
