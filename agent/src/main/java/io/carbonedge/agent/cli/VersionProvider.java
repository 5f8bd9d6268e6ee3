package io.carbonedge.agent.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Properties;

/** The version the build stamped into {@code carbonedge-version.properties}. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    private static Properties properties() {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/carbonedge-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException ignored) {
            // fall through to the defaults
        }
        return p;
    }

    static String version() {
        return properties().getProperty("version", "unknown");
    }

    /** When this agent was built: no clock reading before it can be right. */
    public static Instant buildTime() {
        try {
            return Instant.parse(properties().getProperty("built", ""));
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"carbonedge " + version(), "Java " + System.getProperty("java.version")};
    }
}
