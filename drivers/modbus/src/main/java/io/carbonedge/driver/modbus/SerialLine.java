package io.carbonedge.driver.modbus;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import io.carbonedge.driver.DeviceUnavailableException;
import java.io.IOException;

/**
 * A local serial port through jSerialComm (the library j2mod's serial support is built on),
 * opened raw with the line's baud rate, parity, data and stop bits.
 */
final class SerialLine implements ByteLine {

    private final SerialPort port;
    private final String name;

    private SerialLine(SerialPort port, String name) {
        this.port = port;
        this.name = name;
    }

    static SerialLine open(String device, SerialSettings settings) throws DeviceUnavailableException {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(device);
        } catch (SerialPortInvalidPortException e) {
            throw new DeviceUnavailableException("no serial port " + device, e);
        }
        int parity = switch (settings.parity()) {
            case NONE -> SerialPort.NO_PARITY;
            case EVEN -> SerialPort.EVEN_PARITY;
            case ODD -> SerialPort.ODD_PARITY;
        };
        int stopBits = settings.stopBits() == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT;
        port.setComPortParameters(settings.baud(), settings.dataBits(), stopBits, parity);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 100, 0);
        if (!port.openPort()) {
            throw new DeviceUnavailableException("cannot open serial port " + device
                    + " (error " + port.getLastErrorCode() + " at " + port.getLastErrorLocation()
                    + ": missing, busy, or no permission)");
        }
        return new SerialLine(port, device);
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        int written = port.writeBytes(bytes, bytes.length);
        if (written != bytes.length) {
            throw new IOException("serial port " + name + " write failed");
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length, int timeoutMillis) throws IOException {
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, Math.max(1, timeoutMillis), 0);
        int n = port.readBytes(buffer, length, offset);
        if (n < 0) {
            throw new IOException("serial port " + name + " read failed (unplugged?)");
        }
        return n;
    }

    @Override
    public void discardInput() throws IOException {
        int available = port.bytesAvailable();
        if (available < 0) {
            throw new IOException("serial port " + name + " is gone");
        }
        if (available > 0) {
            port.readBytes(new byte[available], available);
        }
    }

    @Override
    public void close() {
        port.closePort();
    }
}
