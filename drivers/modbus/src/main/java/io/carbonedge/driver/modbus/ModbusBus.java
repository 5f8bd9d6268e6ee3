package io.carbonedge.driver.modbus;

import io.carbonedge.driver.DeviceUnavailableException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One serial line or TCP endpoint shared by the devices (unit ids) on it. Requests go strictly
 * one at a time, with the inter-frame silence between them; devices take turns through a fair
 * lock held for one device's whole poll. Different buses are independent.
 *
 * <p>A unit that does not answer is left alone with exponential backoff (first wait: its
 * timeout, doubling up to {@code backoff-max}), and reads of it fail at once with "backing off"
 * meanwhile, so a dead slave costs the bus one timeout per backoff period. A bus that cannot be
 * reached (refused, serial port missing) is retried the same way, starting at one second. A
 * connection that breaks is reopened on the next read; one that the device dropped while idle is
 * reopened at once within the same read.
 */
final class ModbusBus implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ModbusBus.class);
    private static final Duration FIRST_RECONNECT_DELAY = Duration.ofSeconds(1);

    private final ModbusEndpoint settings;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final RetryDelay reconnect;
    private final Map<Integer, RetryDelay> silentUnits = new HashMap<>();
    private FrameChannel channel;
    private boolean answeredOnThisChannel;
    private long lastFrameEndNanos;
    private boolean unreachableLogged;

    ModbusBus(ModbusEndpoint settings) {
        this.settings = settings;
        this.reconnect = new RetryDelay(min(FIRST_RECONNECT_DELAY, settings.backoffMax()), settings.backoffMax());
    }

    BusAddress address() {
        return settings.bus();
    }

    /** The settings of the device that opened the bus. */
    ModbusEndpoint settings() {
        return settings;
    }

    /**
     * Waits for the bus and returns a session for one unit; close it to let the next device go.
     *
     * @throws DeviceUnavailableException at once, without waiting for the bus, while the unit or
     *                                    the bus is backing off
     */
    Session open(int unitId, Duration timeout) throws DeviceUnavailableException {
        lock.lock();
        try {
            long now = System.nanoTime();
            RetryDelay unit = silentUnits.get(unitId);
            if (unit != null && unit.waitNanos(now) > 0) {
                throw backingOff(unit, now);
            }
            if (channel == null && reconnect.waitNanos(now) > 0) {
                throw backingOff(reconnect, now);
            }
            return new Session(unitId, (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
        } catch (RuntimeException | DeviceUnavailableException e) {
            lock.unlock();
            throw e;
        }
    }

    /** Closes the connection; the next session reconnects. */
    @Override
    public void close() {
        lock.lock();
        try {
            closeChannel();
        } finally {
            lock.unlock();
        }
    }

    /** Frames skipped on the current connection (late, stray or corrupt), for tests. */
    long skippedFrames() {
        lock.lock();
        try {
            return channel == null ? 0 : channel.skippedFrames();
        } finally {
            lock.unlock();
        }
    }

    /** One device's turn on the bus. */
    final class Session implements AutoCloseable {
        private final int unitId;
        private final int timeoutMillis;
        private final boolean reusingChannel;
        private boolean exchanged;

        private Session(int unitId, int timeoutMillis) {
            this.unitId = unitId;
            this.timeoutMillis = timeoutMillis;
            this.reusingChannel = channel != null;
        }

        /**
         * Reads {@code count} registers or bits from {@code first}. An exception response comes back
         * as {@link RegisterResponse.Refused}, except the gateway codes 10 and 11, which mean the
         * unit is unreachable and throw.
         */
        RegisterResponse read(Table table, int first, int count) throws DeviceUnavailableException {
            byte[] request = ModbusPdu.readRequest(table, first, count);
            byte[] answer;
            try {
                answer = exchange(request);
            } catch (NoResponseException e) {
                unitSilent(e.getMessage());
                throw new DeviceUnavailableException(e.getMessage());
            } catch (DeviceUnavailableException e) {
                throw e; // could not connect
            } catch (IOException e) {
                closeChannel();
                if (reusingChannel && !exchanged) {
                    exchanged = true;
                    log.debug("Connection to {} was dropped while idle; reconnecting", settings.address());
                    return read(table, first, count);
                }
                throw new ConnectionLostException(settings.address() + ": " + e.getMessage());
            }
            exchanged = true;
            try {
                RegisterResponse response = ModbusPdu.parse(table, count, answer);
                if (response instanceof RegisterResponse.Refused refused
                        && ModbusExceptionCode.isGatewayFailure(refused.exceptionCode())) {
                    String reason = ModbusExceptionCode.describe(refused.exceptionCode());
                    unitSilent(reason);
                    throw new DeviceUnavailableException(reason);
                }
                answered();
                return response;
            } catch (InvalidFrameException e) {
                throw new DeviceUnavailableException("invalid response from unit " + unitId + ": " + e.getMessage());
            }
        }

        private byte[] exchange(byte[] request) throws IOException {
            if (channel == null) {
                channel = connect();
                answeredOnThisChannel = false;
            }
            long quietUntil = lastFrameEndNanos + settings.interFrameDelay().toNanos();
            long wait;
            while ((wait = quietUntil - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            try {
                return channel.exchange(unitId, request, timeoutMillis);
            } finally {
                lastFrameEndNanos = System.nanoTime();
            }
        }

        private void unitSilent(String reason) {
            silentUnits.computeIfAbsent(unitId, u -> new RetryDelay(Duration.ofMillis(timeoutMillis), settings.backoffMax()))
                    .failed(reason, System.nanoTime());
            if (!answeredOnThisChannel) {
                closeChannel(); // nothing ever answered on it: the link itself may be dead
            }
        }

        private void answered() {
            answeredOnThisChannel = true;
            RetryDelay unit = silentUnits.remove(unitId);
            if (unit != null) {
                log.info("Unit {} on {} answers again", unitId, settings.address());
            }
            if (reconnect.failures() > 0 || unreachableLogged) {
                reconnect.succeeded();
                unreachableLogged = false;
            }
        }

        @Override
        public void close() {
            lock.unlock();
        }

        private FrameChannel connect() throws DeviceUnavailableException {
            try {
                FrameChannel opened = switch (settings.bus().transport()) {
                    case TCP -> new MbapChannel(socket());
                    case RTU_OVER_TCP -> new RtuChannel(new SocketLine(socket()));
                    case RTU -> new RtuChannel(SerialLine.open(settings.bus().device(), settings.serial()));
                };
                log.debug("Opened {}", settings.address());
                return opened;
            } catch (DeviceUnavailableException e) {
                unreachable(e.getMessage());
                throw e;
            } catch (IOException e) {
                String reason = connectFailure(e);
                unreachable(reason);
                throw new DeviceUnavailableException(reason, e);
            }
        }

        private Socket socket() throws IOException {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(settings.bus().host(), settings.bus().port()), timeoutMillis);
                return socket;
            } catch (IOException e) {
                socket.close();
                throw e;
            }
        }

        private String connectFailure(IOException e) {
            String message = String.valueOf(e.getMessage());
            if (e instanceof ConnectException && message.toLowerCase().contains("refused")) {
                return "connection refused " + settings.address();
            }
            if (e instanceof SocketTimeoutException) {
                return "no connection to " + settings.address() + " within " + timeoutMillis + " ms";
            }
            if (e instanceof UnknownHostException) {
                return "unknown host " + settings.bus().host();
            }
            if (e instanceof NoRouteToHostException) {
                return "no route to " + settings.bus().host();
            }
            return "cannot connect to " + settings.address() + ": " + message;
        }
    }

    private void unreachable(String reason) {
        reconnect.failed(reason, System.nanoTime());
        if (!unreachableLogged) {
            unreachableLogged = true;
            log.info("Bus {} unreachable ({}); retrying with backoff up to {}", settings.address(), reason,
                    settings.backoffMax());
        }
    }

    private void closeChannel() {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }

    private static DeviceUnavailableException backingOff(RetryDelay delay, long now) {
        long waitMillis = TimeUnit.NANOSECONDS.toMillis(delay.waitNanos(now));
        return new DeviceUnavailableException(delay.lastReason() + "; backing off, next try in " + waitMillis + " ms");
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
