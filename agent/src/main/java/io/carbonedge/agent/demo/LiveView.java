package io.carbonedge.agent.demo;

import io.carbonedge.agent.Agent;
import io.carbonedge.agent.config.DeviceConfig;
import io.carbonedge.agent.poll.DeviceStatus;
import io.carbonedge.agent.receiver.PlatformReceiver;
import io.carbonedge.agent.store.BufferStats;
import io.carbonedge.driver.PointKind;
import io.carbonedge.driver.PointSpec;
import io.carbonedge.driver.Sample;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** The demo's compact view of the agent: per device state, power and energy this interval; the buffer; the receiver. */
final class LiveView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Agent agent;
    private final PlatformReceiver receiver;
    private final PrintWriter out;
    private final ZoneId zone;

    LiveView(Agent agent, PlatformReceiver receiver, PrintWriter out) {
        this.agent = agent;
        this.receiver = receiver;
        this.out = out;
        this.zone = agent.config().accounting().zone();
    }

    void print() throws SQLException {
        String time = LocalTime.now(zone).format(TIME);
        for (DeviceConfig device : agent.config().devices()) {
            DeviceStatus status = agent.devices().get(device.id());
            out.printf(Locale.ROOT, "%-9s %-12s %-8s %-14s %s%n", time, device.id(), state(status),
                    power(device), intervalEnergy(device));
            time = "";
        }
        BufferStats buffer = agent.bufferStats();
        out.printf(Locale.ROOT, "%-9s buffer %d readings (last seq %d), acknowledged %s; %d totals | receiver %d readings, %d totals%n",
                "", buffer.readings(), buffer.lastSeq(), buffer.acknowledged().values(), buffer.totals(),
                receiver.readingCount(), receiver.totalCount());
        out.flush();
    }

    private static String state(DeviceStatus status) {
        if (status == null) {
            return "starting";
        }
        return status.state().name().toLowerCase(Locale.ROOT);
    }

    private String power(DeviceConfig device) {
        return firstPoint(device, PointKind.GAUGE)
                .map(p -> {
                    Sample s = agent.latest().of(device.id(), p.id());
                    return s == null || !s.isGood() ? "-" : String.format(Locale.ROOT, "%.2f %s", s.value(), p.unit());
                })
                .orElse("");
    }

    private String intervalEnergy(DeviceConfig device) {
        return device.spec().points().stream()
                .filter(p -> device.carriers().containsKey(p.id()))
                .findFirst()
                .map(p -> String.format(Locale.ROOT, "%s this interval %.3f %s", device.carriers().get(p.id()).configName(),
                        agent.liveTotals().of(device.id(), p.id()), device.carriers().get(p.id()).unit()))
                .orElse("");
    }

    private static Optional<PointSpec> firstPoint(DeviceConfig device, PointKind kind) {
        return device.spec().points().stream().filter(p -> p.kind() == kind).findFirst();
    }
}
