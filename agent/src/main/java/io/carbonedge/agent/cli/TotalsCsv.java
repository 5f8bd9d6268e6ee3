package io.carbonedge.agent.cli;

import io.carbonedge.agent.store.LocalTotals.PointRow;
import io.carbonedge.agent.store.LocalTotals.SiteRow;
import io.carbonedge.agent.totals.Period;

import java.time.Instant;
import java.time.ZoneId;

/**
 * {@code carbonedge totals --csv}: one row per point total and per site figure, for a spreadsheet
 * or an auditor. Times are ISO-8601 with the accounting zone's offset; numbers as stored.
 */
final class TotalsCsv {

    static final String HEADER =
            "period,start,device,point,carrier,amount,unit,kgce,kgco2,completeness,revision,estimated";

    private final ZoneId zone;

    TotalsCsv(ZoneId zone) {
        this.zone = zone;
    }

    String point(Period period, PointRow r, String unit) {
        return String.join(",", period.wireName(), start(r.start()), Csv.field(r.device()), Csv.field(r.point()),
                Csv.field(r.carrier()), number(r.amount()), Csv.field(unit), number(r.kgce()), number(r.kgCo2()),
                number(r.completeness()), Integer.toString(r.revision()), Boolean.toString(r.estimated()));
    }

    /** A site figure: device {@code site}, point the figure's name, no carrier, kgce or kgCO2. */
    String site(Period period, SiteRow r) {
        return String.join(",", period.wireName(), start(r.start()), "site", Csv.field(r.figure()), "",
                number(r.value()), Csv.field(r.unit()), "", "", "", Integer.toString(r.revision()), "");
    }

    private String start(Instant start) {
        return start.atZone(zone).toOffsetDateTime().toString();
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }
}
