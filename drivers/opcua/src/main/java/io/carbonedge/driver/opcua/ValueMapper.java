package io.carbonedge.driver.opcua;

import io.carbonedge.driver.Quality;
import io.carbonedge.driver.Sample;
import java.time.Instant;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;

/**
 * Turns an OPC UA value into a {@link Sample}:
 * <ul>
 *   <li>numbers (any integer or floating type) as they are; booleans as 1 and 0;</li>
 *   <li>strings (and localized text) holding a number ("12.5") as that number; any other text is
 *       BAD with the reason {@code string value 'running' is not a number};</li>
 *   <li>other types (arrays, dates, structures) BAD with the type in the reason;</li>
 *   <li>the StatusCode's severity becomes the quality (Good, Uncertain, Bad) and its name
 *       ({@code Bad_SensorFailure}) the reason; an Uncertain value is kept, a Bad one is not;</li>
 *   <li>the source timestamp is the sample's time when the server sent one, else {@code now}.</li>
 * </ul>
 */
final class ValueMapper {

    private ValueMapper() {
    }

    static Sample sample(String pointId, DataValue dataValue, Instant now) {
        Instant time = time(dataValue.getSourceTime(), now);
        StatusCode status = dataValue.getStatusCode() == null ? StatusCode.GOOD : dataValue.getStatusCode();
        if (status.isBad()) {
            return Sample.bad(pointId, time, statusName(status));
        }
        Object value = dataValue.getValue() == null ? null : dataValue.getValue().getValue();
        double number;
        if (value == null) {
            return Sample.bad(pointId, time, "no value");
        } else if (value instanceof Number n) {
            number = n.doubleValue();
        } else if (value instanceof Boolean b) {
            number = b ? 1 : 0;
        } else if (value instanceof String || value instanceof LocalizedText) {
            String text = value instanceof LocalizedText lt ? String.valueOf(lt.getText()) : (String) value;
            try {
                number = Double.parseDouble(text.strip());
            } catch (NumberFormatException e) {
                return Sample.bad(pointId, time, "string value '" + abbreviate(text) + "' is not a number");
            }
        } else {
            return Sample.bad(pointId, time, "unsupported value type " + value.getClass().getSimpleName());
        }
        if (!Double.isFinite(number)) {
            return Sample.bad(pointId, time, "not a finite number: " + number);
        }
        if (status.isUncertain()) {
            return new Sample(pointId, time, number, Quality.UNCERTAIN, statusName(status));
        }
        return Sample.good(pointId, time, number);
    }

    /** {@code Bad_SensorFailure}, or the code in hex when Milo does not know it. */
    static String statusName(StatusCode status) {
        return StatusCodes.lookup(status.getValue())
                .map(names -> names[0])
                .orElseGet(() -> String.format("status 0x%08X", status.getValue()));
    }

    private static Instant time(DateTime source, Instant now) {
        if (source == null || source.isNull() || source.getUtcTime() <= 0) {
            return now;
        }
        return source.getJavaInstant();
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
