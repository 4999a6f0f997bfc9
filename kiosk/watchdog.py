"""The service manager's side of the kiosk: systemd's notification protocol (sd_notify).

READY=1 goes out once the home screen is painted (the unit is Type=notify, so "started" means a
citizen sees the kiosk), and WATCHDOG=1 is sent by a timer of the Qt event loop: when the UI
thread hangs the pings stop and systemd restarts the kiosk, while a device worker that is busy
keeps nothing from pinging. Without NOTIFY_SOCKET (a developer's shell, the tests) every call is
a no-op. The protocol is a datagram of KEY=VALUE lines to a Unix socket; it is small enough to
speak here rather than through a library.
"""
from __future__ import annotations

import logging
import os
import socket
from typing import Any

log = logging.getLogger(__name__)


class Notifier:
    """Sends sd_notify messages to $NOTIFY_SOCKET; nothing when the kiosk has no service manager."""

    def __init__(self, environ: dict[str, str] | None = None):
        env = os.environ if environ is None else environ
        self.address = _socket_address(env.get("NOTIFY_SOCKET", ""))
        self.watchdog_s = watchdog_interval_s(env)
        self._sock: socket.socket | None = None
        self.ready_sent = False

    @property
    def active(self) -> bool:
        return self.address is not None

    def send(self, *lines: str) -> bool:
        if self.address is None:
            return False
        try:
            if self._sock is None:
                self._sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC)
            self._sock.sendto("\n".join(lines).encode(), self.address)
            return True
        except OSError as exc:
            # a lost manager must not take the kiosk down; the log says why pings stopped
            log.warning("sd_notify %s failed: %s", lines[0].split("=")[0], exc)
            return False

    def ready(self, status: str = "home screen shown") -> bool:
        self.ready_sent = self.send("READY=1", f"STATUS={status}", f"MAINPID={os.getpid()}")
        return self.ready_sent

    def status(self, text: str) -> bool:
        return self.send(f"STATUS={text}")

    def ping(self) -> bool:
        return self.send("WATCHDOG=1")

    def stopping(self) -> bool:
        return self.send("STOPPING=1")

    def close(self) -> None:
        if self._sock is not None:
            self._sock.close()
            self._sock = None


def _socket_address(value: str) -> str | bytes | None:
    if not value:
        return None
    if value.startswith("@"):            # abstract namespace socket
        return b"\0" + value[1:].encode()
    return value


def watchdog_interval_s(environ: dict[str, str]) -> float | None:
    """How often to ping: half of WatchdogSec (systemd's advice), None when no watchdog is armed
    for this process (WATCHDOG_PID names another one, e.g. cage when the kiosk runs under it)."""
    usec = environ.get("WATCHDOG_USEC", "")
    if not usec.isdigit() or int(usec) == 0:
        return None
    pid = environ.get("WATCHDOG_PID", "")
    if pid and pid.isdigit() and int(pid) != os.getpid():
        return None
    return int(usec) / 2_000_000


def start_qt_watchdog(notifier: Notifier, parent: Any, interval_s: float | None = None) -> Any:
    """A QTimer on the calling (UI) thread that pings: the pings are the event loop's heartbeat.
    The interval is WatchdogSec/2 from the environment unless given (under cage, which is the
    unit's main process, the app does not see WATCHDOG_USEC: the unit passes KIOSK_WATCHDOG_S)."""
    from PySide6.QtCore import QTimer
    seconds = interval_s or notifier.watchdog_s or _configured_interval()
    if not notifier.active or not seconds:
        return None
    timer = QTimer(parent)
    timer.setObjectName("sd-watchdog")
    timer.notifier = notifier       # Qt holds the slot's object weakly: the timer keeps it alive
    timer.timeout.connect(notifier.ping)
    timer.start(max(100, int(seconds * 1000)))
    notifier.ping()
    return timer


def ready_on_first_paint(notifier: Notifier, widget: Any, then=None) -> Any:
    """READY=1 as soon as `widget` has painted once, before anything else queued for that moment
    (the shell imports its other screens and starts the devices right after its first paint:
    the service manager should not wait for them). `then` runs after READY (the watchdog)."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, obj, event) -> bool:
            if event.type() == QEvent.Type.Paint:
                obj.removeEventFilter(self)
                # posted before the paint itself posts the shell's first_painted
                QTimer.singleShot(0, self.announce)
            return False

        def announce(self) -> None:
            notifier.ready()
            if then is not None:
                then()

    probe = FirstPaint(widget)
    widget.installEventFilter(probe)
    return probe


def _configured_interval() -> float | None:
    value = os.environ.get("KIOSK_WATCHDOG_S", "")
    try:
        seconds = float(value)
    except ValueError:
        return None
    return seconds if seconds > 0 else None
