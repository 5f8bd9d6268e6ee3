package io.carbonedge.agent.uplink;

import io.carbonedge.agent.config.SecretFiles;
import io.carbonedge.agent.config.UplinkSecurity;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;

/** Writes PSK files for tests, the way a technician would (mode 0600). */
public final class Secrets {

    private Secrets() {
    }

    /** A PSK file for {@code identity} whose key is the UTF-8 bytes of {@code key}. */
    public static Path pskFile(Path file, String identity, String key) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# test only\nidentity=" + identity + "\nkey="
                + HexFormat.of().formatHex(key.getBytes(StandardCharsets.UTF_8)) + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    /** The PSK read back through the same code as the configuration. */
    public static UplinkSecurity.Psk psk(Path dir, String identity, String key) throws Exception {
        Path file = pskFile(dir.resolve(identity + "-" + Math.abs(key.hashCode()) + ".psk"), identity, key);
        return SecretFiles.readPsk(file, file.getFileName().toString());
    }
}
