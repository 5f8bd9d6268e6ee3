package io.carbonedge.bench;

import io.carbonedge.agent.config.PayloadFormat;
import io.carbonedge.agent.store.Reading;
import io.carbonedge.agent.uplink.SenmlEncoder;
import io.carbonedge.driver.Quality;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Bytes per reading on the wire (SenML CBOR) for a batch of Modbus-like polls: 10 meters of 20 points
 * polled every 15 s, one timestamp per poll, as a gateway sends them after an outage.
 *
 * <pre>java -cp bench/target/carbonedge-bench.jar io.carbonedge.bench.WireSize</pre>
 */
public final class WireSize {

    private WireSize() {
    }

    public static void main(String[] args) {
        String[] points = {"import_kwh", "export_kwh", "power_kw", "voltage_l1", "voltage_l2", "voltage_l3", "current_l1",
            "current_l2", "current_l3", "pf", "freq", "q_kvar", "s_kva", "thd_v", "thd_i", "import_kvarh", "export_kvarh",
            "demand_kw", "max_demand_kw", "temp"};
        String[] units = {"kWh", "kWh", "kW", "V", "V", "V", "A", "A", "A", "", "Hz", "kvar", "kVA", "%", "%", "kvarh",
            "kvarh", "kW", "kW", "Cel"};
        List<Reading> batch = new ArrayList<>();
        Instant t = Instant.parse("2026-11-24T08:00:00.137Z");
        long seq = 1_234_567;
        java.util.Random random = new java.util.Random(1);
        while (batch.size() < 2000) {
            for (int m = 0; m < 10; m++) {
                Instant at = t.plusMillis(random.nextInt(900));
                for (int p = 0; p < points.length; p++) {
                    batch.add(new Reading(seq++, "grid-meter-" + m, points[p], units[p], at,
                            Math.round(random.nextDouble() * 100000) / 100.0, Quality.GOOD, null));
                }
            }
            t = t.plusSeconds(15);
        }
        byte[] cbor = new SenmlEncoder("plant-07-gw1").readings(batch, PayloadFormat.SENML_CBOR);
        System.out.printf("%d readings, %d bytes, %.1f B/reading, %.1f readings per 1024-byte block%n",
                batch.size(), cbor.length, cbor.length / (double) batch.size(), 1024.0 * batch.size() / cbor.length);
    }
}
