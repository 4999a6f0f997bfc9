"""The serial link to an ID card reader: its settings and one GA 467 request/response exchange.

Both the reader worker (reader.py) and the port finder (detect.py) talk through it, so it depends
on neither of them.
"""
from __future__ import annotations

import logging
import os
import termios
import time
from dataclasses import dataclass
from typing import Any, Mapping

import serial

from devices.idcard import codec
from devices.idcard.errors import NoAnswer, PortUnavailable, ProtocolError

log = logging.getLogger(__name__)

BITS_PER_BYTE = 10     # start + 8 data + stop


@dataclass(frozen=True)
class ReaderSettings:
    port: str
    baud: int = 115200
    poll_interval_s: float = 0.3
    command_timeout_s: float = 1.5
    retries: int = 2
    read_fingerprint: bool = False
    reconnect_interval_s: float = 0.25    # how often a missing port is tried again (goal: < 2 s)
    unavailable_retry_s: float = 2.0      # how often a port that answers wrongly is tried again
    exclude_ports: tuple[str, ...] = ()   # with port "auto": other devices' ports, never probed

    @classmethod
    def from_config(cls, section: Mapping[str, Any], port: str | None = None,
                    baud: int | None = None) -> "ReaderSettings":
        return cls(port=port or section["port"], baud=baud or section["baud"],
                   poll_interval_s=section["poll_interval_ms"] / 1000,
                   command_timeout_s=section["command_timeout_ms"] / 1000,
                   retries=section["retries"], read_fingerprint=section["read_fingerprint"])

    def wire_time(self, nbytes: int) -> float:
        return nbytes * BITS_PER_BYTE / self.baud



class SerialLink:
    """One open serial port and the request/response exchange over it."""

    def __init__(self, settings: ReaderSettings):
        self.settings = settings
        self.decoder = codec.FrameDecoder(min_body=3)
        self.ser: serial.Serial | None = None
        self.resyncs = 0

    def open(self) -> None:
        try:
            self.ser = serial.serial_for_url(self.settings.port, baudrate=self.settings.baud,
                                             timeout=0, write_timeout=self.settings.command_timeout_s)
        except (serial.SerialException, OSError, ValueError) as exc:
            raise PortUnavailable(f"cannot open {self.settings.port}: {_reason(exc)}") from None

    def close(self) -> None:
        ser, self.ser = self.ser, None
        if ser is not None:
            try:
                ser.close()
            except (serial.SerialException, OSError, termios.error) as exc:
                log.debug("closing %s: %s", self.settings.port, exc)

    @property
    def is_open(self) -> bool:
        return self.ser is not None

    def exchange(self, cmd: tuple[int, int], data: bytes = b"", extra_wait_s: float = 0.0
                 ) -> codec.Frame:
        """Send one command and return its response frame (one attempt)."""
        if self.ser is None:
            raise PortUnavailable(f"{self.settings.port} is not open")
        ser = self.ser
        frame = codec.command(cmd, data)
        try:
            # whatever is still buffered belongs to an earlier, failed exchange
            ser.reset_input_buffer()
            self.decoder.clear()
            ser.write(frame)
            deadline = (time.monotonic() + self.settings.command_timeout_s + extra_wait_s
                        + self.settings.wire_time(len(frame)))
            while True:
                try:
                    reply = self.decoder.next()
                except ProtocolError:
                    self.resyncs += 1
                    raise
                if reply is not None:
                    return reply
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                ser.timeout = min(remaining, 0.1)
                chunk = ser.read(ser.in_waiting or 1)
                if chunk:
                    self.decoder.feed(chunk)
        except (serial.SerialException, OSError, termios.error) as exc:
            # an unplugged port fails in read, write or termios calls (EIO) depending on timing
            raise PortUnavailable(f"{self.settings.port} went away: {_reason(exc)}") from None
        self.decoder.finish()     # raises TruncatedFrame when a frame had started
        raise NoAnswer(f"no answer to command {cmd[0]:02X} {cmd[1]:02X} within "
                       f"{self.settings.command_timeout_s + extra_wait_s:.1f} s")


def _reason(exc: BaseException) -> str:
    errno = getattr(exc, "errno", None)
    if isinstance(exc, termios.error) and exc.args:
        errno = exc.args[0]
    if isinstance(errno, int) and errno:
        return os.strerror(errno)
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
