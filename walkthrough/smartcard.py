"""Walkthrough states of the social security card (orders 350-399), driven through the demo's
virtual card in vpcd's second reader, read by the real driver through pcscd."""
from __future__ import annotations

from walkthrough.walker import step


def _area(w):
    area = w.ctx.services.smartcard
    if area is None or area.virtual is None:
        raise RuntimeError("the smart card area with its virtual card is not running")
    if area.virtual.problem:
        raise RuntimeError(f"virtual smart card unavailable: {area.virtual.problem}")
    return area


def _screen(w):
    return w.shell.screen("identify_ssc")


def _fresh(w, card: str | None = None, **behaviour) -> None:
    """Back to an empty reader and the insert prompt, then optionally insert a card."""
    area = _area(w)
    interrupted = area.virtual.card.interrupted
    area.virtual.remove_card()
    w.wait_for(lambda: not area.service.card_present, 5000)
    if interrupted or area.virtual.card.interrupted:
        w.settle(1000)       # pcscd+vpcd miss a card reinserted right after a mid-command removal
    w.nav.go("identify_ssc")
    w.wait_for(lambda: _screen(w).flow.phase == "insert", 5000)
    if card is not None:
        area.virtual.insert_card(card, **behaviour)


def _pin_pad(w):
    return w.shell.screen("pin_pad")


@step(350, "ssc-insert-card")
def insert_card(w) -> None:
    w.wait_for(lambda: _area(w).available, 8000)
    _fresh(w)
    w.settle(500)            # the illustration is animated: let the card move a little


@step(355, "ssc-reading")
def reading(w) -> None:
    _fresh(w, "demo")
    w.wait_for(lambda: _screen(w).progress.value() >= 40, 8000)


@step(360, "ssc-read-summary")
def read_summary(w) -> None:
    if w.shell.current() is not _screen(w) or _screen(w).flow.phase not in ("reading", "done"):
        _fresh(w, "demo")
    w.wait_for(lambda: _screen(w).flow.phase == "done", 8000)
    text = _screen(w).summary_rows.text()
    assert "990100********123X" in text and "19800101" not in text, "ID number must be masked"


def _type(w, digits: str) -> None:
    pad = _pin_pad(w)
    pad.keypad.reset()
    for digit in digits:
        pad.keypad.press(digit)


@step(365, "ssc-pin-pad")
def pin_pad(w) -> None:
    _fresh(w, "pin")
    w.wait_for(lambda: w.shell.current().name == "pin_pad", 8000)
    _type(w, "111")


@step(367, "ssc-pin-pad-large-text")
def pin_pad_large(w) -> None:
    if w.shell.current().name != "pin_pad":
        pin_pad(w)
    if not w.ctx.session.elderly_mode:
        w.shell.toggle_elderly()


@step(370, "ssc-pin-wrong-tries-left")
def pin_wrong(w) -> None:
    if w.ctx.session.elderly_mode:
        w.shell.toggle_elderly()
    if w.shell.current().name != "pin_pad" or _pin_pad(w).tries_left is not None:
        pin_pad(w)
    _type(w, "111111")
    _pin_pad(w).keypad.submitted.emit(_pin_pad(w).keypad.value)
    w.wait_for(lambda: w.shell.current().name == "pin_pad" and _pin_pad(w).tries_left == 2, 8000)
    for digit in "12":
        _pin_pad(w).keypad.press(digit)


@step(372, "ssc-pin-accepted")
def pin_ok(w) -> None:
    if w.shell.current().name != "pin_pad":
        pin_pad(w)
    _type(w, "123456")
    _pin_pad(w).keypad.submitted.emit(_pin_pad(w).keypad.value)
    w.wait_for(lambda: w.shell.current().name == "identify_ssc" and _screen(w).flow.phase == "done",
               8000)


@step(375, "ssc-pin-blocked")
def pin_blocked(w) -> None:
    _fresh(w, "pin", blocked=True)
    w.wait_for(lambda: w.shell.current().name == "pin_pad", 8000)
    _type(w, "654321")
    _pin_pad(w).keypad.submitted.emit(_pin_pad(w).keypad.value)
    w.wait_for(lambda: _screen(w).flow.phase == "error"
               and _screen(w).flow.error.get("code") == "pin_blocked", 8000)


@step(380, "ssc-bank-card")
def bank_card(w) -> None:
    _fresh(w, "bank")
    w.wait_for(lambda: _screen(w).flow.phase == "error", 8000)
    assert _screen(w).flow.error.get("kind") == "bank"


@step(385, "ssc-card-pulled-out")
def pulled_out(w) -> None:
    _fresh(w, "demo", remove_mid_read=True)
    w.wait_for(lambda: _screen(w).flow.phase == "error"
               and _screen(w).flow.error.get("code") == "card_removed", 8000)


@step(390, "ssc-card-mute")
def mute(w) -> None:
    service = _area(w).service
    configured = service.apdu_timeout_s
    service.apdu_timeout_s = 1.0     # the same screen as after the configured wait, sooner
    try:
        _fresh(w, "demo", mute=True)
        w.wait_for(lambda: _screen(w).flow.phase == "error", 8000)
    finally:
        service.apdu_timeout_s = configured
    assert _screen(w).flow.error.get("code") == "mute_card"


@step(395, "ssc-identified")
def identified(w) -> None:
    _fresh(w, "demo")
    w.wait_for(lambda: _screen(w).flow.phase == "done", 8000)
    _screen(w).continue_button.click()
    identity = w.ctx.session.identity
    assert identity is not None and identity.source == "ssc" and identity.name == "测试样"
    _area(w).virtual.remove_card()
    w.ctx.session.wipe()
