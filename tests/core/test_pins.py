"""PIN handling: the staff menu's lock after exactly max_pin_attempts wrong PINs, and the card PIN
hand-off between the device thread and the keypad (never a PIN the citizen did not just type)."""
from __future__ import annotations

import threading
import time
from types import SimpleNamespace

import pytest

from devices.smartcard.errors import PinEntryUnavailable
from devices.smartcard.pin import (PIN_LENGTH, HandoffPinEntry, MissingPinPad, OncePinEntry,
                                   PinPrompt, valid_pin)

STAFF_PIN = "246810"


def _guard(attempts=3, lockout_s=300, pin=STAFF_PIN, demo=False):
    from kiosk.staff_auth import PinGuard, hash_pin
    # a cheap argon2id cost keeps the test quick; the policy is the same
    cfg = SimpleNamespace(pin_hash=hash_pin(pin, memory_kib=1024, passes=1) if pin else "",
                          max_pin_attempts=attempts, lockout_s=lockout_s)
    return PinGuard(cfg, demo)


@pytest.mark.parametrize("attempts", [1, 3, 5])
def test_staff_pin_locks_after_exactly_max_attempts(attempts):
    guard = _guard(attempts)
    for _ in range(attempts - 1):
        assert guard.check("000001") is False
        assert guard.locked_for() == 0
    assert guard.check(STAFF_PIN) is True            # one try left: the right PIN still opens
    for _ in range(attempts - 1):
        guard.check("000001")
    assert guard.locked_for() == 0
    assert guard.check("000001") is False             # the last wrong one locks
    assert 290 < guard.locked_for() <= 300
    assert guard.check(STAFF_PIN) is False            # even the right PIN, while locked


def test_a_right_pin_resets_the_count():
    guard = _guard(3)
    guard.check("1"), guard.check("2")
    assert guard.check(STAFF_PIN)
    guard.check("1"), guard.check("2")
    assert guard.locked_for() == 0


def test_no_pin_configured_disables_the_menu_outside_demo():
    assert _guard(pin="").enabled is False and _guard(pin="").check("000000") is False
    demo = _guard(pin="", demo=True)
    assert demo.enabled and demo.check("000000") and not demo.check("123456")


def test_valid_pin_is_six_digits():
    assert valid_pin("012345") and PIN_LENGTH == 6
    for bad in ("01234", "0123456", "01234a", "01234X", "", "０１２３４５"):
        assert not valid_pin(bad), bad
    assert valid_pin("0123", length=4)


def test_handoff_waits_for_the_keypad_and_returns_its_digits():
    prompts = []
    entry = HandoffPinEntry(prompts.append, timeout_s=5)
    assert not entry.pending                         # nobody asked yet
    got = []
    worker = threading.Thread(target=lambda: got.append(entry.request_pin(PinPrompt(tries_left=2))))
    worker.start()
    asked = threading.Event()
    for _ in range(500):
        if entry.pending and prompts:
            asked.set()
            break
        worker.join(0.01)
    assert asked.is_set(), "the PIN request never reached the keypad"
    assert prompts == [PinPrompt(tries_left=2)] and prompts[0].after_wrong_pin
    entry.answer("135790")
    worker.join(5)
    assert got == ["135790"] and not entry.pending
    entry.answer("999999")                           # nobody asked: ignored, not kept for later
    assert not entry.pending


def test_handoff_cancel_and_timeout_give_no_pin():
    entry = HandoffPinEntry(lambda prompt: entry.cancel(), timeout_s=60)
    started = time.monotonic()
    assert entry.request_pin(PinPrompt()) is None
    assert time.monotonic() - started < 30, "cancel did not end the wait"   # a hang guard
    silent = HandoffPinEntry(lambda prompt: None, timeout_s=0.05)
    assert silent.request_pin(PinPrompt()) is None and not silent.pending
    late = HandoffPinEntry(lambda prompt: None, timeout_s=0.05)
    assert late.request_pin(PinPrompt()) is None
    late.answer("111111")
    assert late.request_pin(PinPrompt()) is None     # a late answer never reaches a new request


def test_once_pin_entry_offers_its_pin_once():
    entry = OncePinEntry("123456")
    assert entry.request_pin(PinPrompt()) == "123456"
    assert entry.request_pin(PinPrompt(tries_left=2)) is None
    cancelled = OncePinEntry("123456")
    cancelled.cancel()
    assert cancelled.request_pin(PinPrompt()) is None
    assert PinPrompt().after_wrong_pin is False and PinPrompt().length == PIN_LENGTH


def test_missing_pin_pad_says_so():
    with pytest.raises(PinEntryUnavailable) as err:
        MissingPinPad().request_pin(PinPrompt())
    assert err.value.detail.startswith("smartcard.pin_entry is 'pinpad'")
    assert "no PIN pad driver" in err.value.detail
    MissingPinPad().cancel()
