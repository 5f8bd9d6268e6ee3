package io.carbonedge.agent.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Finds profiles: {@code <config>/profiles/<name>.yaml} first, so a site can override a shipped
 * map, then the profiles built into the agent's jar. Each profile is read once.
 */
final class ProfileLibrary {

    private static final String BUNDLED = "profiles/";

    private final Path directory;
    private final ConfigErrors errors;
    private final Map<String, Optional<Profile>> loaded = new HashMap<>();
    private final List<YamlSection> roots = new java.util.ArrayList<>();

    ProfileLibrary(Path configDir, ConfigErrors errors) {
        this.directory = configDir.resolve("profiles");
        this.errors = errors;
    }

    /** The profile, or empty when there is none of that name or its file has mistakes (reported). */
    Optional<Profile> find(String name) {
        return loaded.computeIfAbsent(name, this::load);
    }

    boolean exists(String name) {
        return Files.isRegularFile(directory.resolve(name + ".yaml"))
                || ProfileLibrary.class.getClassLoader().getResource(BUNDLED + name + ".yaml") != null;
    }

    private Optional<Profile> load(String name) {
        if (!name.matches("[A-Za-z0-9._-]+") || !exists(name)) {
            return Optional.empty();
        }
        Path own = directory.resolve(name + ".yaml");
        Optional<YamlNode.MapNode> tree;
        String fileName;
        if (Files.isRegularFile(own)) {
            fileName = "profiles/" + name + ".yaml";
            tree = YamlTree.parse(own, fileName, errors);
        } else {
            fileName = "(built-in) profiles/" + name + ".yaml";
            try (InputStream in = ProfileLibrary.class.getClassLoader().getResourceAsStream(BUNDLED + name + ".yaml");
                 Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                tree = YamlTree.parse(reader, fileName, errors);
            } catch (IOException e) {
                errors.add(fileName, 0, 0, "", "cannot read the built-in profile: " + e.getMessage());
                return Optional.empty();
            }
        }
        return tree.map(map -> {
            YamlSection root = new YamlSection(fileName, "", map, errors);
            roots.add(root);
            root.text("description", "");
            String protocol = root.text("protocol");
            List<YamlSection> points = root.maps("points");
            if (points.isEmpty()) {
                root.error("points", "expected a list of at least one point");
            }
            return new Profile(name, protocol, points);
        });
    }

    /** Names every field of every profile read that no one asked for. */
    void reportUnknownFields() {
        roots.forEach(YamlSection::reportUnknownFields);
    }

    /** Every profile name a device could use, for "expected one of" messages. */
    TreeSet<String> available() {
        TreeSet<String> names = new TreeSet<>();
        addYamlNames(directory, names);
        URL bundled = ProfileLibrary.class.getClassLoader().getResource(BUNDLED);
        if (bundled != null) {
            try {
                URI uri = bundled.toURI();
                if ("jar".equals(uri.getScheme())) {
                    try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                        addYamlNames(jar.getPath(BUNDLED), names);
                    }
                } else {
                    addYamlNames(Path.of(uri), names);
                }
            } catch (IOException | URISyntaxException | RuntimeException ignored) {
                // the list is a courtesy in an error message
            }
        }
        return names;
    }

    private static void addYamlNames(Path dir, TreeSet<String> names) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString())
                    .filter(f -> f.endsWith(".yaml"))
                    .forEach(f -> names.add(f.substring(0, f.length() - ".yaml".length())));
        } catch (IOException ignored) {
            // as above
        }
    }
}
