package io.carbonedge.agent.uplink;

import java.util.Locale;

/**
 * How CarbonEdge uses SenML: the base name that names the gateway and the stream, the names of
 * records, and the extension labels it adds. The contract is written out in {@code docs/uplink.md};
 * this class is its single source in code, for the encoder and for receivers.
 *
 * <p>Base name: {@code urn:carbonedge:<gateway>:<stream>:} with stream {@code readings} or
 * {@code totals}. Reading names: {@code <device>/<point>}. Total names:
 * {@code <device>/<point>/amount}, {@code .../kgce}, {@code .../kgco2}.
 */
public final class SenmlProfile {

    /** Every base name starts with this. */
    public static final String BASE_NAME_PREFIX = "urn:carbonedge:";
    /** Sequence number of the reading or total in its stream (integer, every record). */
    public static final String SEQ = "seq";
    /** Quality when not good: {@code uncertain} or {@code bad}; absent means good. */
    public static final String QUALITY = "q";
    /** Why the quality is not good (text), when the driver said. */
    public static final String QUALITY_REASON = "qr";
    /** Totals: the carrier, e.g. {@code electricity-import}. */
    public static final String CARRIER = "car";
    /** Totals: length of the interval in seconds (integer). */
    public static final String INTERVAL_LENGTH = "len";
    /** Totals: revision, 0 for the first record of an interval (integer). */
    public static final String REVISION = "rev";

    /** Totals: {@code day} or {@code month}; absent for a real-time interval. */
    public static final String PERIOD = "per";
    /** Totals: {@code true} when the energy was integrated from a gauge; absent otherwise. */
    public static final String ESTIMATED = "est";
    /** Totals: the device's share of expected polls that succeeded over the period, 0..1. */
    public static final String COMPLETENESS = "cpl";
    /** Totals: kgce per carrier unit in use. */
    public static final String KGCE_FACTOR = "fce";
    /** Totals: kgCO2 per carrier unit in use. */
    public static final String KGCO2_FACTOR = "fco2";
    /** Totals: where the factors come from (text). */
    public static final String FACTOR_SOURCE = "fsrc";
    /** Events: the counter value that showed the event. */
    public static final String EVENT_VALUE = "val";
    /** Events: the counter value before it. */
    public static final String EVENT_PREVIOUS = "prev";
    /** First name segment of a site figure: {@code site/<figure>}. */
    public static final String SITE = "site";
    /** Last name segment of a counter event: {@code <device>/<point>/event}. */
    public static final String EVENT = "event";

    /** Last name segment of a total's amount record (unit: the carrier's). */
    public static final String AMOUNT = "amount";
    /** Last name segment of a total's standard coal equivalent record (unit kg). */
    public static final String KGCE = "kgce";
    /** Last name segment of a total's CO2 record (unit kg). */
    public static final String KGCO2 = "kgco2";

    private SenmlProfile() {
    }

    /** The base name of a batch of one stream from one gateway. */
    public static String baseName(String gatewayId, Stream stream) {
        return BASE_NAME_PREFIX + gatewayId + ':' + streamName(stream) + ':';
    }

    /** {@code readings} or {@code totals}. */
    public static String streamName(Stream stream) {
        return stream.name().toLowerCase(Locale.ROOT);
    }
}
