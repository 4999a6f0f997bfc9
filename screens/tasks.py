"""Run slow work (device, network, printing) off the UI thread and get the result back on it."""
from __future__ import annotations

import logging
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay):
        super().__init__()
        self.fn = fn
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:   # handed to the screen, which shows a kind message
            log.warning("background task failed: %s", exc.__class__.__name__)
            self.relay.failed.emit(exc)
        else:
            self.relay.done.emit(result)


_live: set[_Relay] = set()


def run_in_background(fn: Callable[[], Any], on_done: Callable[[Any], None],
                      on_error: Callable[[Exception], None]) -> None:
    """fn runs in Qt's thread pool; on_done(result) or on_error(exc) runs on the UI thread."""
    relay = _Relay()
    _live.add(relay)   # keep the relay alive until the job reports

    def finish(callback, value) -> None:
        _live.discard(relay)
        callback(value)
    relay.done.connect(lambda r: finish(on_done, r))
    relay.failed.connect(lambda e: finish(on_error, e))
    QThreadPool.globalInstance().start(_Job(fn, relay))
