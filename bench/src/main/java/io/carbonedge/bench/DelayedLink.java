package io.carbonedge.bench;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A UDP relay on loopback that holds every datagram for half a round trip in each direction, as a
 * cellular link would: the gateway sends to {@link #port()}, the relay forwards to the platform and
 * the answers back to whichever gateway port spoke last. Order is kept; nothing is lost.
 */
final class DelayedLink implements AutoCloseable {

    private final DatagramSocket gatewaySide;
    private final DatagramSocket platformSide;
    private final SocketAddress platform;
    private final long oneWayNanos;
    private final ScheduledExecutorService delay = Executors.newSingleThreadScheduledExecutor();
    private volatile SocketAddress gateway;

    DelayedLink(int platformPort, Duration roundTrip) throws SocketException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        this.gatewaySide = new DatagramSocket(new InetSocketAddress(loopback, 0));
        this.platformSide = new DatagramSocket(new InetSocketAddress(loopback, 0));
        this.platform = new InetSocketAddress(loopback, platformPort);
        this.oneWayNanos = roundTrip.toNanos() / 2;
        start("link-up", gatewaySide, true);
        start("link-down", platformSide, false);
    }

    int port() {
        return gatewaySide.getLocalPort();
    }

    private void start(String name, DatagramSocket from, boolean up) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[2048];
            while (!from.isClosed()) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    from.receive(packet);
                } catch (IOException e) {
                    return;   // closed
                }
                byte[] data = Arrays.copyOf(packet.getData(), packet.getLength());
                if (up) {
                    gateway = packet.getSocketAddress();
                }
                SocketAddress to = up ? platform : gateway;
                DatagramSocket via = up ? platformSide : gatewaySide;
                delay.schedule(() -> send(via, data, to), oneWayNanos, TimeUnit.NANOSECONDS);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void send(DatagramSocket via, byte[] data, SocketAddress to) {
        try {
            via.send(new DatagramPacket(data, data.length, to));
        } catch (IOException e) {
            // closed while a datagram was held: the run is over
        }
    }

    @Override
    public void close() {
        gatewaySide.close();
        platformSide.close();
        delay.shutdownNow();
    }
}
