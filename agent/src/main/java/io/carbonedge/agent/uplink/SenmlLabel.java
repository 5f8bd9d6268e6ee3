package io.carbonedge.agent.uplink;

/**
 * The SenML (RFC 8428) labels CarbonEdge writes or reads, each with its CBOR integer key (used in
 * senml+cbor) and its text key (used in senml+json). Extension labels of our own have no integer
 * key: they are written as text in both formats (see {@link SenmlProfile}).
 */
enum SenmlLabel {
    BASE_VERSION(-1, "bver"),
    BASE_NAME(-2, "bn"),
    BASE_TIME(-3, "bt"),
    BASE_UNIT(-4, "bu"),
    BASE_VALUE(-5, "bv"),
    BASE_SUM(-6, "bs"),
    NAME(0, "n"),
    UNIT(1, "u"),
    VALUE(2, "v"),
    STRING_VALUE(3, "vs"),
    BOOLEAN_VALUE(4, "vb"),
    SUM(5, "s"),
    TIME(6, "t"),
    UPDATE_TIME(7, "ut"),
    DATA_VALUE(8, "vd");

    private static final SenmlLabel[] BY_ID = new SenmlLabel[15];

    static {
        for (SenmlLabel label : values()) {
            BY_ID[label.id + 6] = label;
        }
    }

    final int id;
    final String text;

    SenmlLabel(int id, String text) {
        this.id = id;
        this.text = text;
    }

    /**
     * The label a map key names: the text label, or the decimal text of a CBOR integer key as
     * Jackson reports it. {@code null} for anything else (an extension label).
     */
    static SenmlLabel of(String key) {
        if (key.isEmpty()) {
            return null;
        }
        char first = key.charAt(0);
        if (first == '-' || (first >= '0' && first <= '9')) {
            try {
                int id = Integer.parseInt(key);
                return id >= -6 && id <= 8 ? BY_ID[id + 6] : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        for (SenmlLabel label : values()) {
            if (label.text.equals(key)) {
                return label;
            }
        }
        return null;
    }
}
