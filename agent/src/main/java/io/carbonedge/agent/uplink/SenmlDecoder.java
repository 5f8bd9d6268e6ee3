package io.carbonedge.agent.uplink;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import io.carbonedge.agent.config.PayloadFormat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes a SenML pack (RFC 8428) in CBOR or JSON into records with base values resolved. Accepts
 * integer and text labels in either format, keeps labels it does not know as extensions, and
 * refuses packs that use a must-understand label ({@code ..._}) it does not know. Thread-safe.
 */
public final class SenmlDecoder {

    private final CBORFactory cbor = new CBORFactory();
    private final JsonFactory json = new JsonFactory();

    /** The records of the pack, in order. */
    public List<SenmlRecord> decode(byte[] payload, PayloadFormat format) throws SenmlFormatException {
        try (JsonParser p = format == PayloadFormat.SENML_CBOR ? cbor.createParser(payload) : json.createParser(payload)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new SenmlFormatException("a SenML pack is an array of records");
            }
            Base base = new Base();
            List<SenmlRecord> records = new ArrayList<>();
            JsonToken token;
            while ((token = p.nextToken()) == JsonToken.START_OBJECT) {
                records.add(readRecord(p, base, records.size()));
            }
            if (token != JsonToken.END_ARRAY) {
                throw new SenmlFormatException("record " + records.size() + " is not a map");
            }
            if (p.nextToken() != null) {
                throw new SenmlFormatException("data after the end of the pack");
            }
            return records;
        } catch (JsonProcessingException e) {
            throw new SenmlFormatException("not well-formed: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new SenmlFormatException("cannot read: " + e.getMessage(), e);
        }
    }

    private static SenmlRecord readRecord(JsonParser p, Base base, int index) throws IOException, SenmlFormatException {
        String name = null;
        String unit = null;
        Double value = null;
        String stringValue = null;
        Boolean booleanValue = null;
        Double sum = null;
        double time = 0;
        Map<String, Object> extensions = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken valueToken = p.nextToken();
            SenmlLabel label = SenmlLabel.of(key);
            if (label == null) {
                if (key.endsWith("_")) {
                    throw new SenmlFormatException("record " + index + " has a label that must be understood: " + key);
                }
                extensions.put(key, scalar(p, valueToken, key, index));
                continue;
            }
            switch (label) {
                case BASE_NAME -> base.name = text(p, valueToken, key, index);
                case BASE_TIME -> base.time = number(p, valueToken, key, index);
                case BASE_UNIT -> base.unit = text(p, valueToken, key, index);
                case BASE_VALUE -> base.value = number(p, valueToken, key, index);
                case BASE_SUM -> base.sum = number(p, valueToken, key, index);
                case NAME -> name = text(p, valueToken, key, index);
                case UNIT -> unit = text(p, valueToken, key, index);
                case VALUE -> value = number(p, valueToken, key, index);
                case STRING_VALUE -> stringValue = text(p, valueToken, key, index);
                case BOOLEAN_VALUE -> booleanValue = bool(p, valueToken, key, index);
                case SUM -> sum = number(p, valueToken, key, index);
                case TIME -> time = number(p, valueToken, key, index);
                case BASE_VERSION, UPDATE_TIME, DATA_VALUE -> p.skipChildren();
            }
        }
        if (p.currentToken() != JsonToken.END_OBJECT) {
            throw new SenmlFormatException("record " + index + " has a label that is not text or an integer");
        }
        String fullName = (base.name == null ? "" : base.name) + (name == null ? "" : name);
        if (fullName.isEmpty()) {
            throw new SenmlFormatException("record " + index + " has no name");
        }
        if (value != null || (base.value != 0 && stringValue == null && booleanValue == null && sum == null)) {
            value = (value == null ? 0 : value) + base.value;
        }
        if (sum != null || base.sum != 0) {
            sum = (sum == null ? 0 : sum) + base.sum;
        }
        return new SenmlRecord(fullName, base.time + time, unit != null ? unit : base.unit, value, stringValue,
                booleanValue, sum, extensions);
    }

    private static String text(JsonParser p, JsonToken t, String key, int index) throws IOException, SenmlFormatException {
        if (t != JsonToken.VALUE_STRING) {
            throw new SenmlFormatException("record " + index + ": " + key + " must be text");
        }
        return p.getText();
    }

    private static double number(JsonParser p, JsonToken t, String key, int index) throws IOException, SenmlFormatException {
        if (!t.isNumeric()) {
            throw new SenmlFormatException("record " + index + ": " + key + " must be a number");
        }
        return p.getDoubleValue();
    }

    private static boolean bool(JsonParser p, JsonToken t, String key, int index) throws SenmlFormatException {
        if (!t.isBoolean()) {
            throw new SenmlFormatException("record " + index + ": " + key + " must be true or false");
        }
        return t == JsonToken.VALUE_TRUE;
    }

    private static Object scalar(JsonParser p, JsonToken t, String key, int index) throws IOException, SenmlFormatException {
        return switch (t) {
            case VALUE_NUMBER_INT -> p.getLongValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_STRING -> p.getText();
            case VALUE_TRUE, VALUE_FALSE -> t == JsonToken.VALUE_TRUE;
            default -> throw new SenmlFormatException("record " + index + ": extension " + key + " must be a scalar");
        };
    }

    /** Base values, which apply to the record that sets them and every later one. */
    private static final class Base {
        String name;
        double time;
        String unit;
        double value;
        double sum;
    }
}
