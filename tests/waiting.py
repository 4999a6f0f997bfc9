"""Waiting for something to happen in a test: poll a condition until it holds, with a bounded
timeout that fails loudly naming what never happened (never a bare sleep that hopes)."""
from __future__ import annotations

import time
from typing import Callable, TypeVar

T = TypeVar("T")


def wait_until(condition: Callable[[], T], what: str, timeout: float = 10.0,
               interval: float = 0.02) -> T:
    """The first truthy value of condition(); fails the test after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout:g} s: {what}")
        time.sleep(interval)


def holds_for(condition: Callable[[], object], what: str, seconds: float,
              interval: float = 0.02) -> None:
    """condition() stays truthy for `seconds` (for 'it does not happen again' checks, where no
    event can be waited for); fails at the first moment it does not."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not condition():
            raise AssertionError(what)
        time.sleep(interval)
