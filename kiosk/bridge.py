"""The one bridge from device and sync threads to the Qt main thread.

Workers call post(device, kind, payload) from any thread; Qt delivers `event` in the main thread
(a queued connection, since the emitter is not the receiver's thread).
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal


class DeviceBridge(QObject):
    event = Signal(str, str, object)   # device, kind, payload

    def post(self, device: str, kind: str, payload: Any = None) -> None:
        self.event.emit(device, kind, payload)

    def callback(self, device: str):
        """A plain callable for a driver: callback(kind, payload) posts to the UI."""
        return lambda kind, payload=None: self.post(device, kind, payload)
