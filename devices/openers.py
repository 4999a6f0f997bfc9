"""The registry of openers: what opens a source or port that names a scheme, e.g. `virtual:face`.

A driver opens the sources it knows (a device node, a serial port, a URL) and asks this registry
for a scheme it does not know; whoever can open that scheme registered an opener for it. The twins
in devices/virtual register theirs when the composition root asks for them
(devices.virtual.register_all()), so a driver never names its twin and never branches on
"virtual": the driver under test is the driver that ships. Where nothing is registered (a
production kiosk without the twins) the driver reports the source as unknown.

Openers are kept per area ("camera", "receipt"): each area calls its opener with its own
arguments, documented where the area asks (devices.camera.capture.open_source,
devices.receipt.transport.open_transport).
"""
from __future__ import annotations

import re
import threading
from typing import Any, Callable

Opener = Callable[..., Any]

# scheme:name, where the scheme is a lower-case word; "rtsp://..." is a URL, not a scheme name
_NAMED = re.compile(r"([a-z][a-z0-9_-]*):(?!//)(.*)", re.S)

_lock = threading.Lock()
_openers: dict[tuple[str, str], Opener] = {}


def split(source: str) -> tuple[str, str] | None:
    """("virtual", "face") for "virtual:face"; None for what is not scheme:name (a path, a URL,
    a camera index)."""
    match = _NAMED.fullmatch(source)
    return (match.group(1), match.group(2)) if match else None


def register(area: str, scheme: str, opener: Opener) -> Opener | None:
    """Let `opener` open the area's `scheme` sources; returns the opener it replaced, if any."""
    with _lock:
        previous = _openers.get((area, scheme))
        _openers[(area, scheme)] = opener
    return previous


def unregister(area: str, scheme: str, opener: Opener | None = None) -> None:
    """Forget the area's opener for scheme; with `opener`, only while it is still that one (a
    twin that stops must not remove the opener of a twin started after it)."""
    with _lock:
        current = _openers.get((area, scheme))
        if current is not None and (opener is None or current == opener):
            del _openers[(area, scheme)]


def get(area: str, scheme: str) -> Opener | None:
    with _lock:
        return _openers.get((area, scheme))


def schemes(area: str) -> tuple[str, ...]:
    """The schemes the area can open through the registry (for error messages and diagnostics)."""
    with _lock:
        return tuple(sorted(scheme for a, scheme in _openers if a == area))
