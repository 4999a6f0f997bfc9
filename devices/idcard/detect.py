"""Finding the reader: probe candidate serial ports at each baud rate (115200 first) with SAM status.

A port answers as an ID card reader when a well-formed GA 467 response frame comes back; a SAM that
reports a failure still counts as a reader (it is reported, so the technician sees why it is not
usable).
"""
from __future__ import annotations

import glob
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Iterable

from serial.tools import list_ports

from devices.idcard import codec
from devices.idcard.errors import IdCardError, PortUnavailable
from devices.idcard.link import ReaderSettings, SerialLink

BAUDS = (115200, 57600, 38400, 19200, 9600)
PORT_PATTERNS = ("/dev/ttyUSB*", "/dev/ttyACM*", "/dev/ttyS[0-9]", "/dev/serial/by-id/*")


@dataclass
class Probe:
    port: str
    description: str = ""
    baud: int | None = None        # the baud rate it answered at, None when it did not
    sam_id: str | None = None
    sam_status: str | None = None  # status text of the SAM status reply
    error: str | None = None       # why it did not answer (last reason)

    @property
    def is_reader(self) -> bool:
        return self.baud is not None


def candidate_ports(extra: Iterable[str] = ()) -> list[tuple[str, str]]:
    """(port, description) for listed serial ports, the usual device names, and any extra ones
    (ptys are never listed by the system, so a twin's port must be given)."""
    seen: dict[str, str] = {}
    for port in extra:
        seen.setdefault(port, "given")
    for info in sorted(list_ports.comports(), key=lambda p: p.device):
        seen.setdefault(info.device, info.description or "")
    for pattern in PORT_PATTERNS:
        for path in sorted(glob.glob(pattern)):
            seen.setdefault(path, "")
    # one device under two names (/dev/serial/by-id/... -> /dev/ttyUSB0) is probed once
    unique: dict[str, tuple[str, str]] = {}
    for port, desc in seen.items():
        unique.setdefault(os.path.realpath(port), (port, desc))
    return list(unique.values())


def probe(port: str, bauds: Iterable[int] = BAUDS, timeout_s: float = 0.3,
          description: str = "") -> Probe:
    result = Probe(port, description)
    bauds = tuple(bauds)
    for baud in bauds:
        link = SerialLink(ReaderSettings(port=port, baud=baud, command_timeout_s=timeout_s))
        try:
            link.open()
        except PortUnavailable as exc:
            result.error = exc.message
            return result            # no baud rate will open a port that cannot be opened
        try:
            reply = link.exchange(codec.SAM_STATUS)
            result.baud = baud
            result.sam_status = codec.status_text(reply.sw3)
            if reply.sw3 == codec.SW_OK:
                sam = link.exchange(codec.SAM_ID)
                if sam.sw3 == codec.SW_OK:
                    result.sam_id = sam.data.hex().upper()
            result.error = None
            return result
        except IdCardError as exc:
            result.error = exc.message
        finally:
            link.close()
    if len(bauds) > 1 and result.error and result.error.startswith("no answer"):
        result.error = f"no answer at {', '.join(map(str, bauds))} baud"
    return result


def detect(ports: Iterable[str] = (), bauds: Iterable[int] = BAUDS, timeout_s: float = 0.3,
           only_given: bool = False, exclude: Iterable[str] = ()) -> list[Probe]:
    """Probe every candidate port; with only_given, just the ports passed in. Ports in `exclude`
    (other devices' ports: a receipt printer would print the probe bytes) are left alone."""
    bauds = tuple(bauds)
    skip = {os.path.realpath(p) for p in exclude if p}
    candidates = [(p, "given") for p in ports] if only_given else candidate_ports(ports)
    candidates = [(p, d) for p, d in candidates if os.path.realpath(p) not in skip]
    if not candidates:
        return []
    # ports are independent: probe them side by side, so silent ports cost one sweep of bauds
    with ThreadPoolExecutor(max_workers=min(8, len(candidates))) as pool:
        return list(pool.map(lambda c: probe(c[0], bauds, timeout_s, c[1]), candidates))


def find_reader(ports: Iterable[str] = (), bauds: Iterable[int] = BAUDS,
                timeout_s: float = 0.3, exclude: Iterable[str] = ()) -> Probe | None:
    """The first port that answers as a reader, for `port = "auto"`; the given ports are tried
    before the rest of the system's."""
    ports = tuple(ports)
    for only_given in ((True, False) if ports else (False,)):
        for probe_result in detect(ports, bauds, timeout_s, only_given, exclude):
            if probe_result.is_reader:
                return probe_result
    return None
