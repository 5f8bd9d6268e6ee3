package io.carbonedge.agent.receiver;

import io.carbonedge.agent.config.PayloadFormat;
import io.carbonedge.agent.store.IntervalTotal;
import io.carbonedge.agent.totals.Carrier;
import io.carbonedge.agent.totals.Factor;
import io.carbonedge.agent.totals.Period;
import io.carbonedge.agent.uplink.SenmlDecoder;
import io.carbonedge.agent.uplink.SenmlEncoder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Point totals with factors, site figures and events: encoded by the gateway, read by the receiver. */
class TotalsStreamCodecTest {

    private static final Instant DAY = Instant.parse("2026-02-28T16:00:00Z");

    @ParameterizedTest
    @EnumSource(PayloadFormat.class)
    void everyKindOfTotalsRecordSurvivesTheWire(PayloadFormat format) throws Exception {
        Factor gas = new Factor(38_931 / 29_307.0, 2.1622, "ncv=38931kJ/m3;dom-fuel-co2");
        List<IntervalTotal> batch = List.of(
                new IntervalTotal(7, "boiler", "gas_m3", Carrier.NATURAL_GAS, DAY, Duration.ofDays(1), 100,
                        132.84, 216.22, 1, IntervalTotal.Kind.POINT, Period.DAY, "m3", true, 0.95, gas, Double.NaN),
                new IntervalTotal(8, "meter", "import_kwh", Carrier.ELECTRICITY_IMPORT, DAY, Duration.ofMinutes(15), 10,
                        1.229, 5.366, 0),
                IntervalTotal.site(9, "renewable-share", "/", Period.MONTH, DAY, Duration.ofDays(31), 0.25, 2),
                IntervalTotal.event(10, "meter", "import_kwh", DAY.plusSeconds(61), "rollover", 42_949_670.01, 3.2));

        byte[] payload = new SenmlEncoder("gw-1").totals(batch, format);
        ReceivedBatch read = new BatchReader().read(new SenmlDecoder().decode(payload, format));

        assertThat(read.totals()).hasSize(2);
        ReceivedTotal day = read.totals().get(0);
        assertThat(day).isEqualTo(new ReceivedTotal("gw-1", 7, "boiler", "gas_m3", "natural-gas", "m3", DAY,
                Duration.ofDays(1), 100, 132.84, 216.22, 1, "day", true, 0.95, gas.kgcePerUnit(), 2.1622,
                "ncv=38931kJ/m3;dom-fuel-co2"));
        ReceivedTotal interval = read.totals().get(1);
        assertThat(interval.period()).isEqualTo("interval");
        assertThat(interval.estimated()).isFalse();
        assertThat(interval.completeness()).isNaN();
        assertThat(interval.factorSource()).isNull();
        assertThat(read.siteFigures()).containsExactly(new ReceivedSiteFigure("gw-1", 9, "renewable-share", "/", "month",
                DAY, Duration.ofDays(31), 0.25, 2));
        assertThat(read.events()).containsExactly(new ReceivedEvent("gw-1", 10, "meter", "import_kwh", "rollover",
                DAY.plusSeconds(61), 3.2, 42_949_670.01));
    }
}
