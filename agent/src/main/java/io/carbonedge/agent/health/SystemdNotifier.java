package io.carbonedge.agent.health;

import org.newsclub.net.unix.AFUNIXDatagramSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The sd_notify protocol: one datagram per message to the AF_UNIX socket systemd names in
 * {@code $NOTIFY_SOCKET} ({@code @name} for the abstract namespace). Only exists when the
 * agent runs under a {@code Type=notify} unit.
 */
public final class SystemdNotifier implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SystemdNotifier.class);

    private final AFUNIXDatagramSocket socket;
    private final Optional<Duration> watchdog;
    private boolean failing;

    SystemdNotifier(AFUNIXSocketAddress target, Optional<Duration> watchdog) throws IOException {
        this.socket = AFUNIXDatagramSocket.newInstance();
        this.socket.connect(target);
        this.watchdog = watchdog;
    }

    /** The notifier systemd asked for through the environment, if any. */
    public static Optional<SystemdNotifier> fromEnvironment(Map<String, String> env) {
        String socketName = env.get("NOTIFY_SOCKET");
        if (socketName == null || socketName.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SystemdNotifier(address(socketName), watchdogPeriod(env)));
        } catch (IOException e) {
            log.warn("cannot reach systemd at NOTIFY_SOCKET={}: {}", socketName, e.getMessage());
            return Optional.empty();
        }
    }

    private static AFUNIXSocketAddress address(String name) throws SocketException {
        if (name.startsWith("@")) {
            byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
            bytes[0] = 0;
            return AFUNIXSocketAddress.of(bytes);
        }
        return AFUNIXSocketAddress.of(Path.of(name));
    }

    /** {@code WATCHDOG_USEC}, when it is meant for this process ({@code WATCHDOG_PID} unset or ours). */
    private static Optional<Duration> watchdogPeriod(Map<String, String> env) {
        String usec = env.get("WATCHDOG_USEC");
        String pid = env.get("WATCHDOG_PID");
        if (usec == null || pid != null && !pid.equals(Long.toString(ProcessHandle.current().pid()))) {
            return Optional.empty();
        }
        try {
            long micros = Long.parseLong(usec.strip());
            return micros > 0 ? Optional.of(Duration.ofNanos(micros * 1000)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The watchdog period systemd expects pings within, if it set one. */
    public Optional<Duration> watchdogPeriod() {
        return watchdog;
    }

    public void ready(String status) {
        send("READY=1\nSTATUS=" + status);
    }

    public void watchdog() {
        send("WATCHDOG=1");
    }

    public void stopping() {
        send("STOPPING=1");
    }

    synchronized void send(String message) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        try {
            socket.send(new DatagramPacket(bytes, bytes.length));
            failing = false;
        } catch (IOException | RuntimeException e) {
            if (!failing) {
                failing = true;
                log.warn("cannot notify systemd: {}", e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
