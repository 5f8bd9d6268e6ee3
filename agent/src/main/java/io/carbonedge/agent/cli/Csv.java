package io.carbonedge.agent.cli;

/** RFC 4180 fields for the CSV that {@code export} and {@code totals --csv} write. */
final class Csv {

    private Csv() {
    }

    /** The text as one field: quoted, with quotes doubled, when it holds a comma, a quote or a line break. */
    static String field(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
