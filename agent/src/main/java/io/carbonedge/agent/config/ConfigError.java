package io.carbonedge.agent.config;

/**
 * One mistake in the configuration, as a technician reads it:
 * {@code devices/meter.yaml:12:5: unit-id: expected a whole number from 0 to 247, got 300}.
 *
 * @param file    the file, relative to the configuration directory
 * @param line    1-based; 0 when the mistake is about the file as a whole
 * @param column  1-based; 0 when unknown
 * @param field   the field's path ({@code points[2].register}), or empty
 * @param message what was expected and what was found
 */
public record ConfigError(String file, int line, int column, String field, String message) {

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(file);
        if (line > 0) {
            s.append(':').append(line);
            if (column > 0) {
                s.append(':').append(column);
            }
        }
        s.append(": ");
        if (!field.isEmpty()) {
            s.append(field).append(": ");
        }
        return s.append(message).toString();
    }
}
