"""Helpers of the package tests (loaded by path: tests/local_modules.py)."""
from __future__ import annotations

import re
import socket
import subprocess
import time
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parents[2]
VERSION = re.search(r'__version__ = "(.*)"', (REPO / "kiosk" / "__init__.py").read_text()).group(1)
SYSTEM_PYTHON = "/usr/bin/python3"


def run_update(root: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    """The root's own /usr/sbin/kiosk-update, with its paths moved into the root."""
    script = root / "usr/lib/hall-kiosk/kiosk_update.py"
    return subprocess.run([SYSTEM_PYTHON, str(script), "--root", str(root), *args],
                          capture_output=True, text=True, check=check, timeout=300)


def bundle_env(**extra: str) -> dict[str, str]:
    """What the unit gives the app, minus the display: nothing from the developer's venv."""
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": "/nonexistent",
           "QT_QPA_PLATFORM": "offscreen"}
    env.update(extra)
    return env


def enrollment_token(platform) -> str:
    answer = requests.post(platform.url + "/api/v1/admin/enrollment", headers=platform.admin,
                           verify=str(platform.ca), timeout=10)
    answer.raise_for_status()
    return answer.json()["enrollment_token"]


class Notified:
    """A notify socket like systemd's: the test sees READY=1 and the watchdog pings."""

    def __init__(self, folder: Path):
        self.path = str(folder / "notify")
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(self.path)

    def wait_for(self, line: str, timeout: float, proc: subprocess.Popen | None = None) -> float | None:
        """Seconds until a message holding `line` came, None at the timeout or when proc ended."""
        start = time.monotonic()
        while time.monotonic() - start < timeout:
            if proc is not None and proc.poll() is not None:
                return None
            self.sock.settimeout(0.2)
            try:
                message = self.sock.recv(4096).decode()
            except socket.timeout:
                continue
            if line in message.splitlines():
                return time.monotonic() - start
        return None

    def close(self) -> None:
        self.sock.close()



BARE_WINDOW = r'''
import os, socket, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

class FirstPaint(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Paint:
            obj.removeEventFilter(self)
            s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
            s.sendto(b"READY=1", os.environ["NOTIFY_SOCKET"])
            QTimer.singleShot(0, QApplication.instance().quit)
        return False

app = QApplication(sys.argv[:1])
probe = FirstPaint()
w = QWidget(); w.resize(1080, 1920); w.installEventFilter(probe); w.show(); app.exec()
'''


def time_to_ready(argv: list[str], env: dict[str, str], folder: Path, timeout: float = 90) -> float:
    """Seconds from exec to READY=1 on a fresh notify socket; the process is then stopped."""
    folder.mkdir(parents=True, exist_ok=True)
    notified = Notified(folder)
    started = time.monotonic()
    proc = subprocess.Popen(argv, env=dict(env, NOTIFY_SOCKET=notified.path),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        waited = notified.wait_for("READY=1", timeout, proc)
        if waited is None:
            raise AssertionError(f"{argv[0]}: no READY=1: "
                                 + (proc.stderr.read().decode()[-1500:] if proc.poll() is not None
                                    else f"none within {timeout} s"))
        return time.monotonic() - started
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        proc.stderr.close()
        notified.close()
        Path(notified.path).unlink(missing_ok=True)
