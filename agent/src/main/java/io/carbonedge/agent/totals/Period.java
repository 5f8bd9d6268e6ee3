package io.carbonedge.agent.totals;

import java.util.Locale;

/** What a total covers: a real-time interval (15/30/60 min), a local day or a local month. */
public enum Period {
    INTERVAL,
    DAY,
    MONTH;

    /** {@code interval}, {@code day}, {@code month}: in the buffer and on the wire. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Period ofWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
