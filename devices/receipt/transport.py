"""Links to an ESC/POS printer. All are bidirectional where the hardware is, so DLE EOT works.

- serial: pyserial on a COM/tty port (or a pty, for the virtual printer);
- usb: the kernel's USB printer class device (/dev/usb/lpN, usblp), found by vendor/product id in
  sysfs, so no libusb or pyusb is needed and reads (status replies) work;
- network: raw TCP, usually port 9100;
- any other kind: whatever registered an opener for it under area "receipt" in devices.openers
  (the virtual printer registers "virtual").
"""
from __future__ import annotations

import os
import select
import socket
import time
from pathlib import Path
from typing import Protocol

from devices import openers
from devices.receipt.errors import TransportError


class Transport(Protocol):
    name: str

    def write(self, data: bytes) -> None: ...
    def read(self, size: int, timeout: float) -> bytes: ...
    def drain(self) -> None: ...
    def close(self) -> None: ...


class SerialTransport:
    def __init__(self, port: str, baud: int = 19200, write_timeout: float = 5.0):
        import serial
        self.name = f"serial:{port}"
        try:
            self._port = serial.Serial(port, baud, timeout=0, write_timeout=write_timeout)
        except (serial.SerialException, OSError) as exc:
            raise TransportError(f"cannot open {port}: {exc}", "receipt_not_connected") from None

    def write(self, data: bytes) -> None:
        import serial
        try:
            self._port.write(data)
            self._port.flush()
        except (serial.SerialException, OSError) as exc:
            raise TransportError(f"{self.name}: write failed: {exc}") from None

    def read(self, size: int, timeout: float) -> bytes:
        import serial
        self._port.timeout = timeout
        try:
            return self._port.read(size)
        except (serial.SerialException, OSError) as exc:
            raise TransportError(f"{self.name}: read failed: {exc}") from None
        finally:
            self._port.timeout = 0

    def drain(self) -> None:
        self._port.reset_input_buffer()

    def close(self) -> None:
        self._port.close()


class NetworkTransport:
    def __init__(self, host: str, port: int = 9100, connect_timeout: float = 3.0,
                 write_timeout: float = 10.0):
        self.name = f"tcp:{host}:{port}"
        try:
            self._sock = socket.create_connection((host, port), timeout=connect_timeout)
        except OSError as exc:
            raise TransportError(f"cannot connect to {host}:{port}: {exc}", "receipt_not_connected") from None
        self._sock.settimeout(write_timeout)

    def write(self, data: bytes) -> None:
        try:
            self._sock.sendall(data)
        except OSError as exc:
            raise TransportError(f"{self.name}: send failed: {exc}") from None

    def read(self, size: int, timeout: float) -> bytes:
        ready, _, _ = select.select([self._sock], [], [], timeout)
        if not ready:
            return b""
        try:
            data = self._sock.recv(size)
        except OSError as exc:
            raise TransportError(f"{self.name}: receive failed: {exc}") from None
        if not data:
            raise TransportError(f"{self.name}: the printer closed the connection")
        return data

    def drain(self) -> None:
        while True:
            ready, _, _ = select.select([self._sock], [], [], 0)
            try:
                if not ready or not self._sock.recv(4096):
                    return
            except OSError as exc:       # a printer switched off resets the connection
                raise TransportError(f"{self.name}: receive failed: {exc}") from None

    def close(self) -> None:
        self._sock.close()


def find_usblp(vendor: int, product: int, sysfs: Path = Path("/sys/class/usbmisc")) -> Path:
    """/dev/usb/lpN of the USB printer with this vendor:product, via sysfs."""
    for entry in sorted(sysfs.glob("lp*")):
        device = (entry / "device").resolve().parent    # the interface's parent is the USB device
        try:
            vid = int((device / "idVendor").read_text().strip(), 16)
            pid = int((device / "idProduct").read_text().strip(), 16)
        except (OSError, ValueError):
            continue
        if (vid, pid) == (vendor, product):
            return Path("/dev/usb") / entry.name
    raise TransportError(f"no USB printer {vendor:04x}:{product:04x} (is the usblp module loaded?)",
                         "receipt_not_connected")


class UsbLpTransport:
    def __init__(self, vendor: int, product: int, path: Path | None = None):
        self.path = path or find_usblp(vendor, product)
        self.name = f"usb:{vendor:04x}:{product:04x}"
        try:
            self._fd = os.open(self.path, os.O_RDWR | os.O_NONBLOCK)
        except OSError as exc:
            raise TransportError(f"cannot open {self.path}: {exc}", "receipt_not_connected") from None

    def write(self, data: bytes) -> None:
        view = memoryview(data)
        deadline = time.monotonic() + 10
        while view:
            _, ready, _ = select.select([], [self._fd], [], 1.0)
            if time.monotonic() > deadline:
                raise TransportError(f"{self.name}: write timed out (printer not taking data)")
            if ready:
                try:
                    view = view[os.write(self._fd, view):]
                except BlockingIOError:
                    continue
                except OSError as exc:
                    raise TransportError(f"{self.name}: write failed: {exc}") from None

    def read(self, size: int, timeout: float) -> bytes:
        ready, _, _ = select.select([self._fd], [], [], timeout)
        if not ready:
            return b""
        try:
            return os.read(self._fd, size)
        except BlockingIOError:
            return b""
        except OSError as exc:
            raise TransportError(f"{self.name}: read failed: {exc}") from None

    def drain(self) -> None:
        while self.read(4096, 0):
            pass

    def close(self) -> None:
        os.close(self._fd)


def open_transport(cfg) -> Transport:
    """The link the receipt_printer config section asks for. A kind this module does not know
    goes to the opener registered for it (opener(cfg) -> Transport, raising TransportError)."""
    kind = cfg["transport"]
    if kind == "serial":
        if not cfg["port"]:
            raise TransportError("receipt_printer.port is empty", "receipt_not_configured")
        return SerialTransport(cfg["port"], cfg["baud"])
    if kind == "usb":
        return UsbLpTransport(cfg["usb_vendor"], cfg["usb_product"])
    if kind == "network":
        return NetworkTransport(cfg["host"], cfg["tcp_port"])
    opener = openers.get("receipt", kind)
    if opener is not None:
        return opener(cfg)
    registered = ", ".join(openers.schemes("receipt"))
    raise TransportError(f"unknown transport {kind!r} (serial, usb, network"
                         f"{', ' + registered if registered else ''})", "receipt_not_configured")
