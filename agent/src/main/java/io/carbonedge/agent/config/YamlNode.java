package io.carbonedge.agent.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A node of a parsed YAML file that remembers where it stood (1-based line and column). */
sealed interface YamlNode permits YamlNode.MapNode, YamlNode.ListNode, YamlNode.Scalar {

    int line();

    int column();

    /** What kind of value this is, for messages: "a map", "a list", "text 'abc'", "nothing". */
    String describe();

    /** A key of a map, with its own position (for "unknown field" messages). */
    record Key(String name, int line, int column) {
    }

    record MapNode(Map<Key, YamlNode> entries, int line, int column) implements YamlNode {
        public MapNode {
            entries = new LinkedHashMap<>(entries);
        }

        YamlNode get(String name) {
            for (var e : entries.entrySet()) {
                if (e.getKey().name().equals(name)) {
                    return e.getValue();
                }
            }
            return null;
        }

        @Override
        public String describe() {
            return "a map";
        }
    }

    record ListNode(List<YamlNode> items, int line, int column) implements YamlNode {
        public ListNode {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /** A scalar; {@code text} is {@code null} for an empty value ({@code key:} with nothing after it). */
    record Scalar(String text, int line, int column) implements YamlNode {
        @Override
        public String describe() {
            return text == null ? "nothing" : "'" + text + "'";
        }
    }
}
