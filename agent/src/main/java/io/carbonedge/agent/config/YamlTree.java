package io.carbonedge.agent.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses a YAML file into {@link YamlNode}s that keep their line and column, reporting broken
 * syntax, an empty file, a top level that is not a map and duplicate keys as {@link ConfigError}s.
 */
final class YamlTree {

    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlTree() {
    }

    /**
     * @param file   the file to read
     * @param name   how messages name it (relative to the configuration directory)
     * @param errors where mistakes go
     * @return the top-level map, or empty when the file has none
     */
    static Optional<YamlNode.MapNode> parse(Path file, String name, ConfigErrors errors) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, name, errors);
        } catch (IOException e) {
            errors.add(name, 0, 0, "", "cannot read the file: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** As {@link #parse(Path, String, ConfigErrors)}, from a reader the caller closes. */
    static Optional<YamlNode.MapNode> parse(Reader reader, String name, ConfigErrors errors) {
        try (JsonParser parser = FACTORY.createParser(reader)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                errors.add(name, 0, 0, "", "file is empty: expected a map of settings");
                return Optional.empty();
            }
            YamlNode root = node(parser, name, errors);
            if (root instanceof YamlNode.MapNode map) {
                return Optional.of(map);
            }
            if (root instanceof YamlNode.Scalar s && s.text() == null) {
                errors.add(name, 0, 0, "", "file is empty: expected a map of settings");
            } else {
                errors.add(name, root.line(), root.column(), "", "expected a map of settings (key: value), got " + root.describe());
            }
            return Optional.empty();
        } catch (JsonProcessingException e) {
            syntaxError(e, name, errors);
            return Optional.empty();
        } catch (IOException e) {
            errors.add(name, 0, 0, "", "cannot read the file: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static YamlNode node(JsonParser parser, String name, ConfigErrors errors) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<YamlNode.Key, YamlNode> entries = new LinkedHashMap<>();
            Map<String, YamlNode.Key> seen = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                JsonLocation keyAt = parser.currentTokenLocation();
                YamlNode.Key key = new YamlNode.Key(parser.currentName(), keyAt.getLineNr(), keyAt.getColumnNr());
                parser.nextToken();
                YamlNode value = node(parser, name, errors);
                YamlNode.Key earlier = seen.putIfAbsent(key.name(), key);
                if (earlier != null) {
                    errors.add(name, key.line(), key.column(), key.name(),
                            "duplicate key: '" + key.name() + "' is already set on line " + earlier.line());
                } else {
                    entries.put(key, value);
                }
            }
            return new YamlNode.MapNode(entries, line, column);
        }
        if (token == JsonToken.START_ARRAY) {
            List<YamlNode> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(node(parser, name, errors));
            }
            return new YamlNode.ListNode(items, line, column);
        }
        return new YamlNode.Scalar(token == JsonToken.VALUE_NULL ? null : parser.getText(), line, column);
    }

    private static void syntaxError(JsonProcessingException e, String name, ConfigErrors errors) {
        Throwable cause = e.getCause();
        if (cause instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            errors.add(name, marked.getProblemMark().getLine() + 1, marked.getProblemMark().getColumn() + 1, "",
                    "broken YAML: " + marked.getProblem()
                            + (marked.getContext() != null ? " (" + marked.getContext() + ")" : ""));
            return;
        }
        JsonLocation at = e.getLocation();
        String message = e.getOriginalMessage().lines().findFirst().orElse("unreadable");
        errors.add(name, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), "", "broken YAML: " + message);
    }
}
