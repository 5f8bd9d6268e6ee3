package io.carbonedge.driver.modbus;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.ModbusIOException;
import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.io.ModbusTCPTransaction;
import com.ghgande.j2mod.modbus.msg.ModbusRequest;
import com.ghgande.j2mod.modbus.msg.ModbusResponse;
import com.ghgande.j2mod.modbus.msg.ReadInputRegistersRequest;
import com.ghgande.j2mod.modbus.msg.ReadInputRegistersResponse;
import com.ghgande.j2mod.modbus.msg.ReadMultipleRegistersRequest;
import com.ghgande.j2mod.modbus.msg.ReadMultipleRegistersResponse;
import com.ghgande.j2mod.modbus.net.TCPMasterConnection;
import io.carbonedge.driver.DeviceUnavailableException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Modbus TCP connection to one unit, on j2mod's transaction API. It turns j2mod's failures
 * into plain reasons: a device-level failure closes the connection and throws
 * {@link DeviceUnavailableException}; an exception response is a {@link RegisterResponse.Refused}.
 * j2mod's own retries are off: the poller decides when to try again.
 */
final class ModbusTcpLink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ModbusTcpLink.class);

    private final ModbusEndpoint endpoint;
    private final int timeoutMillis;
    private TCPMasterConnection connection;
    private ModbusTCPTransaction transaction;

    ModbusTcpLink(ModbusEndpoint endpoint, Duration timeout) {
        this.endpoint = endpoint;
        this.timeoutMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    boolean isOpen() {
        return connection != null && connection.isConnected();
    }

    /** Connects, unless already connected. */
    void open() throws DeviceUnavailableException {
        if (isOpen()) {
            return;
        }
        close();
        TCPMasterConnection candidate;
        try {
            candidate = new TCPMasterConnection(InetAddress.getByName(endpoint.host()));
        } catch (UnknownHostException e) {
            throw new DeviceUnavailableException("unknown host " + endpoint.host(), e);
        }
        candidate.setPort(endpoint.port());
        candidate.setTimeout(timeoutMillis);
        try {
            candidate.connect();
        } catch (Exception e) {
            candidate.close();
            throw new DeviceUnavailableException(connectFailure(e), e);
        }
        connection = candidate;
        transaction = new ModbusTCPTransaction(candidate);
        transaction.setRetries(1);
        log.debug("Connected to {}", endpoint.address());
    }

    /** Reads {@code count} registers from {@code first}; the link must be open. */
    RegisterResponse read(Table table, int first, int count) throws DeviceUnavailableException {
        if (!isOpen()) {
            throw new ConnectionLostException("not connected to " + endpoint.address());
        }
        ModbusRequest request = table == Table.HOLDING
                ? new ReadMultipleRegistersRequest(first, count)
                : new ReadInputRegistersRequest(first, count);
        request.setUnitID(endpoint.unitId());
        transaction.setRequest(request);
        try {
            transaction.execute();
        } catch (ModbusSlaveException e) {
            return new RegisterResponse.Refused(e.getType());
        } catch (ModbusIOException e) {
            close();
            String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("timeout")) {
                throw new DeviceUnavailableException("no response within " + timeoutMillis + " ms", e);
            }
            throw new ConnectionLostException("connection to " + endpoint.address() + " lost");
        } catch (ModbusException | RuntimeException e) {
            close();
            throw new DeviceUnavailableException("invalid response from " + endpoint.address() + ": " + e.getMessage(), e);
        }
        return new RegisterResponse.Registers(words(transaction.getResponse()));
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.close();
            connection = null;
            transaction = null;
        }
    }

    private static int[] words(ModbusResponse response) {
        int[] words;
        if (response instanceof ReadMultipleRegistersResponse holding) {
            words = new int[holding.getWordCount()];
            for (int i = 0; i < words.length; i++) {
                words[i] = holding.getRegisterValue(i) & 0xFFFF;
            }
        } else if (response instanceof ReadInputRegistersResponse input) {
            words = new int[input.getWordCount()];
            for (int i = 0; i < words.length; i++) {
                words[i] = input.getRegisterValue(i) & 0xFFFF;
            }
        } else {
            words = new int[0];
        }
        return words;
    }

    private String connectFailure(Exception e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (e instanceof ConnectException && message.contains("refused")) {
            return "connection refused " + endpoint.address();
        }
        if (e instanceof SocketTimeoutException || message.contains("timed out")) {
            return "no connection to " + endpoint.address() + " within " + timeoutMillis + " ms";
        }
        if (e instanceof NoRouteToHostException) {
            return "no route to " + endpoint.host();
        }
        return "cannot connect to " + endpoint.address() + ": " + e.getMessage();
    }
}
