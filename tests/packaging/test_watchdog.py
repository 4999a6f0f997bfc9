"""The service manager's side: READY and the watchdog pings over a real notify socket.

A hung UI thread stops the pings (systemd then restarts the kiosk); a busy worker thread does
not. No systemd needed: the test binds the datagram socket systemd would."""
from __future__ import annotations

import os
import socket
import threading
import time

import pytest

from kiosk.watchdog import Notifier, start_qt_watchdog, watchdog_interval_s


@pytest.fixture
def notify_socket(tmp_path):
    path = str(tmp_path / "notify")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(path)
    sock.setblocking(False)
    yield path, sock
    sock.close()


def received(sock) -> list[str]:
    messages = []
    while True:
        try:
            messages.append(sock.recv(4096).decode())
        except BlockingIOError:
            return messages


def test_ready_names_the_main_pid_and_a_status(notify_socket):
    path, sock = notify_socket
    notifier = Notifier({"NOTIFY_SOCKET": path})
    assert notifier.ready()
    (message,) = received(sock)
    lines = message.splitlines()
    assert "READY=1" in lines and f"MAINPID={os.getpid()}" in lines
    assert any(line.startswith("STATUS=") for line in lines)


def test_without_a_service_manager_nothing_is_sent():
    notifier = Notifier({})
    assert not notifier.active
    assert notifier.ready() is False and notifier.ping() is False


def test_abstract_socket_names_are_understood():
    assert Notifier({"NOTIFY_SOCKET": "@kiosk/notify"}).address == b"\0kiosk/notify"


def test_the_ping_interval_is_half_of_watchdog_sec_for_this_process_only():
    assert watchdog_interval_s({"WATCHDOG_USEC": "30000000"}) == 15.0
    assert watchdog_interval_s({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": str(os.getpid())}) == 15.0
    # under cage the watchdog is armed for cage's pid: the unit passes KIOSK_WATCHDOG_S instead
    assert watchdog_interval_s({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "1"}) is None
    assert watchdog_interval_s({"WATCHDOG_USEC": "0"}) is None


def pings(sock) -> int:
    return sum(m.splitlines().count("WATCHDOG=1") for m in received(sock))


def test_pings_come_from_the_event_loop_and_stop_while_it_hangs(qapp, notify_socket):
    from PySide6.QtCore import QEventLoop, QObject, QTimer
    path, sock = notify_socket
    parent = QObject()
    timer = start_qt_watchdog(Notifier({"NOTIFY_SOCKET": path}), parent, interval_s=0.05)
    assert timer is not None

    def spin(seconds: float) -> None:
        loop = QEventLoop()
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()

    spin(0.5)
    assert pings(sock) >= 5                      # the loop runs: pings at 20 a second

    time.sleep(0.6)                              # the UI thread hangs: the loop cannot ping
    assert pings(sock) == 0

    stop = threading.Event()

    def busy() -> None:                          # a worker hogging the CPU, as a device loop may
        while not stop.is_set():
            sum(range(10_000))
    worker = threading.Thread(target=busy)
    worker.start()
    try:
        # the event loop is free: pings go on (counted until three came, within 5 s: how fast
        # they come beside a CPU-bound thread depends on the machine's load, that they come does not)
        seen, deadline = 0, time.monotonic() + 5
        while seen < 3 and time.monotonic() < deadline:
            spin(0.25)
            seen += pings(sock)
        assert seen >= 3
    finally:
        stop.set()
        worker.join()
    timer.stop()


def test_ready_comes_with_the_first_paint_before_what_the_paint_queued(qapp, qtbot, notify_socket):
    """The shell imports its other screens and starts devices right after its first paint;
    READY must not wait for them."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QWidget
    from kiosk.watchdog import ready_on_first_paint
    path, sock = notify_socket
    order = []

    class Painted(QWidget):
        def paintEvent(self, event):
            super().paintEvent(event)
            QTimer.singleShot(0, lambda: order.append("after paint"))

    widget = Painted()
    qtbot.addWidget(widget)
    notifier = Notifier({"NOTIFY_SOCKET": path})
    ready_on_first_paint(notifier, widget, then=lambda: order.append("ready"))
    widget.resize(200, 100)
    widget.show()
    qtbot.waitUntil(lambda: len(order) >= 2, timeout=3000)
    assert order[:2] == ["ready", "after paint"]
    assert any("READY=1" in m.splitlines() for m in received(sock))
