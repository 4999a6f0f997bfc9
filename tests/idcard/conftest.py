"""Fixtures for the ID card tests: a twin on a real pty and a collector for reader events."""
from __future__ import annotations

import threading
import time
from dataclasses import replace

import pytest

from devices.idcard.reader import IdCardReader, ReaderSettings
from devices.virtual.idcard_twin import IdCardTwin

FAST = dict(poll_interval_s=0.1, command_timeout_s=0.4, retries=2, reconnect_interval_s=0.1,
            unavailable_retry_s=0.3)


@pytest.fixture
def twin():
    t = IdCardTwin(baud=115200).start()
    yield t
    t.stop()


def settings_for(port: str, **overrides) -> ReaderSettings:
    return replace(ReaderSettings(port=port, **FAST), **overrides)


@pytest.fixture
def reader(twin):
    r = IdCardReader(settings_for(twin.port))
    yield r
    r.stop()


class Events:
    """Thread-safe record of (time, kind, payload) from a reader worker."""

    def __init__(self):
        self.items: list[tuple[float, str, object]] = []
        self._cond = threading.Condition()

    def __call__(self, kind, payload=None):
        with self._cond:
            self.items.append((time.monotonic(), kind, payload))
            self._cond.notify_all()

    def wait_for(self, pred, timeout=3.0, start=0):
        """The first event from index `start` on that satisfies pred(kind, payload)."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for i, (t, kind, payload) in enumerate(self.items[start:], start):
                    if pred(kind, payload):
                        return i, t, payload
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"event not seen within {timeout} s; got "
                                         f"{[(k, p if k != 'card' else 'CARD') for _, k, p in self.items]}")
                self._cond.wait(left)

    def state(self, name, timeout=3.0, start=0):
        return self.wait_for(lambda k, p: k == "state" and p["state"] == name, timeout, start)

    def kinds(self):
        return [(k, p["state"] if k == "state" else (p.get("code") if k == "error" else "card"))
                for _, k, p in self.items]


@pytest.fixture
def events():
    return Events()
