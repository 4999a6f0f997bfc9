"""How the driver asks for a card PIN: a small interface so the screen keypad and a hardware PIN pad
are interchangeable.

The driver asks only when the card demands it (69 82) and never sends a PIN on its own: every VERIFY
carries digits the citizen has just entered, and after a wrong PIN the citizen decides whether to try
again (the prompt tells them how many tries are left).
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Callable, Protocol

from devices.smartcard.errors import PinEntryUnavailable

PIN_LENGTH = 6       # the social security card's service PIN: six digits, sent as 3 BCD bytes


@dataclass(frozen=True)
class PinPrompt:
    """What the PIN entry shows: why the PIN is asked for, and tries left after a wrong PIN."""
    tries_left: int | None = None     # None: first request; a number after a wrong PIN
    length: int = PIN_LENGTH

    @property
    def after_wrong_pin(self) -> bool:
        return self.tries_left is not None


class PinEntry(Protocol):
    def request_pin(self, prompt: PinPrompt) -> str | None:
        """Block until the citizen enters a PIN (digits) or cancels (None). Called on the device
        thread, never on the UI thread."""

    def cancel(self) -> None:
        """Abandon a pending request (card removed, session ended)."""


def valid_pin(pin: str, length: int = PIN_LENGTH) -> bool:
    return len(pin) == length and all(c in "0123456789" for c in pin)


class HandoffPinEntry:
    """Hands a PIN request from the device thread to whoever shows the keypad, and waits.

    `on_request(prompt)` is called on the device thread (the wiring posts it to the UI through the
    bridge); the keypad answers with answer(pin) or cancel() from any thread.
    """

    def __init__(self, on_request: Callable[[PinPrompt], None], timeout_s: float = 120.0):
        self._on_request = on_request
        self._timeout_s = timeout_s
        self._lock = threading.Lock()
        self._event: threading.Event | None = None
        self._pin: str | None = None

    @property
    def pending(self) -> bool:
        return self._event is not None

    def request_pin(self, prompt: PinPrompt) -> str | None:
        event = threading.Event()
        with self._lock:
            self._event, self._pin = event, None
        self._on_request(prompt)
        answered = event.wait(self._timeout_s)
        with self._lock:
            pin, self._pin = self._pin, None
            self._event = None
        return pin if answered else None

    def answer(self, pin: str) -> None:
        with self._lock:
            if self._event is None:
                return
            self._pin = pin
            self._event.set()

    def cancel(self) -> None:
        with self._lock:
            if self._event is not None:
                self._pin = None
                self._event.set()


class OncePinEntry:
    """A PIN given up front (command line --pin-stdin): offered once, never again after a wrong PIN,
    so a typing mistake costs one try, not all of them."""

    def __init__(self, pin: str | None):
        self._pin = pin

    def request_pin(self, prompt: PinPrompt) -> str | None:
        pin, self._pin = self._pin, None
        return pin

    def cancel(self) -> None:
        self._pin = None


class MissingPinPad:
    """Stands in when config says pin_entry = "pinpad" but no PIN pad driver is installed: the
    citizen gets a clear 'ask staff' message instead of a keypad that should not be used."""

    def request_pin(self, prompt: PinPrompt) -> str | None:
        raise PinEntryUnavailable("smartcard.pin_entry is 'pinpad' but no PIN pad driver is installed")

    def cancel(self) -> None:
        pass
