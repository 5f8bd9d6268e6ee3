"""An independent Modbus TCP server (pymodbus) for ModbusInteropIT.

Usage: /usr/bin/python3 pymodbus_server.py PORT
Serves two units on 127.0.0.1:PORT and prints "ready" once listening:
  unit 1: holding 0..9 = 0, 111, ..., 999; holding 20-21 = float32 123.456 (abcd);
          holding 30-33 = uint64 1234567890123 word-swapped (ghefcdab); coils 0..7 = 1,0,1,1,0,0,0,1;
          discrete inputs the same; input 5 = 0x8000 (a not-implemented int16). Nothing past 99.
  unit 2: holding 0 = 4242.
"""
import sys
import types

# Debian's python3-pymodbus only recommends the serial modules, which a TCP server never uses.
for name in ("serial", "serial_asyncio"):
    try:
        __import__(name)
    except ImportError:
        stub = types.ModuleType(name)
        stub.create_serial_connection = None
        sys.modules[name] = stub

import socket  # noqa: E402
import threading  # noqa: E402

from pymodbus.datastore import ModbusSequentialDataBlock, ModbusServerContext, ModbusSlaveContext  # noqa: E402
from pymodbus.server import StartTcpServer  # noqa: E402


def block(values, size=100):
    return ModbusSequentialDataBlock(0, (values + [0] * size)[:size])


def unit_one():
    holding = [i * 111 for i in range(10)] + [0] * 10
    holding += [0x42F6, 0xE979] + [0] * 8          # 20: float32 123.456
    holding += [0x04CB, 0x71FB, 0x011F, 0x0000]      # 30: uint64 1234567890123, ghefcdab
    bits = [1, 0, 1, 1, 0, 0, 0, 1]
    inputs = [0] * 5 + [0x8000]
    return ModbusSlaveContext(di=block(bits), co=block(bits), hr=block(holding), ir=block(inputs), zero_mode=True)


def unit_two():
    return ModbusSlaveContext(di=block([]), co=block([]), hr=block([4242]), ir=block([]), zero_mode=True)


def announce_when_listening(port):
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                print("ready", flush=True)
                return
        except OSError:
            threading.Event().wait(0.05)


def main():
    port = int(sys.argv[1])
    context = ModbusServerContext(slaves={1: unit_one(), 2: unit_two()}, single=False)
    threading.Thread(target=announce_when_listening, args=(port,), daemon=True).start()
    StartTcpServer(context=context, address=("127.0.0.1", port))


if __name__ == "__main__":
    main()
