"""The citizen PIN pad (issue 14): with a fixed layout someone behind the citizen reads the PIN
from the hand's movements. The keys are drawn in a new random order for each entry (on by
default, configurable), typing follows what the keys say, and the order reaches no log and no
remote screenshot."""
from __future__ import annotations

import logging
import random

import touch
from touch import buttons, tap


class Entry:
    def __init__(self):
        self.answers, self.cancelled = [], False

    def answer(self, pin):
        self.answers.append(pin)

    def cancel(self):
        self.cancelled = True


def digit_keys(widget) -> list[str]:
    return [b.text() for b in buttons(widget) if b.text().isdigit()]


def test_each_entry_draws_a_new_order_and_typing_follows_the_keys(make_ctx, show_shell, qtbot,
                                                                  caplog):
    """The finding: a fixed layout gives the PIN away to whoever watches the hand."""
    ctx = make_ctx()
    shell = show_shell(ctx)
    orders = set()
    caplog.set_level(logging.DEBUG)
    for _ in range(5):
        entry = Entry()
        shell.go("pin_pad", entry=entry)
        keys = digit_keys(shell.current())
        assert sorted(keys) == sorted("0123456789")
        orders.add("".join(keys))
        for digit in "135790":
            tap(qtbot, shell, digit)                 # the key that says 1, wherever it is
        tap(qtbot, shell, touch.tr("Confirm", "Keypad"))
        assert entry.answers == ["135790"]
    assert len(orders) >= 4                          # 10! orders: repeats are near impossible
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert not any(order in logged for order in orders)


def test_the_phone_order_when_configured(make_ctx, show_shell):
    ctx = make_ctx({"smartcard": {"shuffle_pin_keys": False}})
    shell = show_shell(ctx)
    shell.go("pin_pad", entry=Entry())
    assert digit_keys(shell.current()) == list("1234567890")


def test_the_keypad_shuffle_is_the_digits_only():
    from screens.keypad import Keypad
    pad = Keypad(6)
    pad.shuffle(random.Random(7))
    assert sorted(pad.digit_order()) == sorted("0123456789")
    assert pad.key_buttons["clear"].text() and pad.key_buttons["del"].text()
    first = pad.digit_order()
    pad.press(first[0])
    assert pad.value == first[0]


def test_no_remote_screenshot_while_the_pin_pad_is_up(make_ctx, show_shell, qtbot):
    import threading
    from types import SimpleNamespace

    import pytest
    from screens.remote import install_remote_handlers
    ctx = make_ctx()
    shell = show_shell(ctx)
    registry = {}
    ctx.services.sync = SimpleNamespace(
        commands=SimpleNamespace(register=registry.__setitem__),
        status=lambda: SimpleNamespace(online=False))
    assert install_remote_handlers(shell)
    shell.go("pin_pad", entry=Entry())
    assert not ctx.session.active            # the card is not confirmed yet: no identity
    box = {}

    def grab():
        try:
            box["result"] = registry["screenshot"]({})
        except Exception as exc:
            box["error"] = exc
    worker = threading.Thread(target=grab)
    worker.start()
    qtbot.waitUntil(lambda: not worker.is_alive(), timeout=10000)
    assert isinstance(box.get("error"), PermissionError), box
