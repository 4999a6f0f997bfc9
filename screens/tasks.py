"""Run slow work (device, network, printing) off the UI thread and get the result back on it."""
from __future__ import annotations

import logging
from typing import Any, Callable

from PySide6.QtCore import QObject, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


def _job(fn: Callable[[], Any], relay: _Relay) -> Callable[[], None]:
    """What the pool runs: fn, then its outcome through the relay. A plain callable, not a
    QRunnable subclass: the soak found some subclass wrappers outliving their C++ jobs."""
    def run() -> None:
        try:
            result = fn()
        except Exception as exc:   # handed to the screen, which shows a kind message
            log.warning("background task failed: %s", exc.__class__.__name__)
            relay.failed.emit(exc)
        else:
            relay.done.emit(result)
    return run


_live: set[_Relay] = set()


def run_in_background(fn: Callable[[], Any], on_done: Callable[[Any], None],
                      on_error: Callable[[Exception], None]) -> None:
    """fn runs in Qt's thread pool; on_done(result) or on_error(exc) runs on the UI thread."""
    relay = _Relay()
    _live.add(relay)   # keep the relay alive until the job reports

    def finish(callback, value) -> None:
        # the relay's connections hold these lambdas, and the lambdas hold the relay: a cycle
        # through Qt that Python's collector cannot see, which kept every relay, its callbacks
        # and what they captured for the life of the process. Disconnecting breaks it.
        relay.done.disconnect()
        relay.failed.disconnect()
        _live.discard(relay)
        callback(value)
    relay.done.connect(lambda r: finish(on_done, r))
    relay.failed.connect(lambda e: finish(on_error, e))
    QThreadPool.globalInstance().start(_job(fn, relay))
