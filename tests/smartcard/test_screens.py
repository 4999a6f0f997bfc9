"""The social security card screens in the real shell (in the default language, Simplified
Chinese): the driver reads the virtual card through pcscd, events reach the screen through the
bridge, the PIN pad answers the driver's PIN request. Checked only by what a citizen reads and
touches."""
from __future__ import annotations

import pytest

from devices.smartcard.pin import HandoffPinEntry
from devices.smartcard.service import SmartCardService
from kiosk import messages
from kiosk.wiring.smartcard import DEVICE, SmartCardArea
from touch import button_texts, buttons, reads, shown, tap, translator

SCREEN = "IdentifySscScreen"
tr = translator(SCREEN)


def type_pin(qtbot, shell, digits: str) -> None:
    for digit in digits:
        tap(qtbot, shell, digit)
    tap(qtbot, shell, tr("Confirm", "Keypad"))


def pin_heading() -> str:
    return tr("Enter the %n-digit PIN of your social security card", "PinPadScreen", 6)


def read_heading() -> str:
    return tr("Card read. Is this you?")


@pytest.fixture
def ctx(hand, make_ctx):
    context = make_ctx(demo=False)
    sink = context.bridge.callback(DEVICE)
    entry = HandoffPinEntry(lambda prompt: sink("pin_request", prompt), timeout_s=20)
    service = SmartCardService(sink, reader=hand.reader, pin_entry=entry, apdu_timeout_s=1.0)
    area = SmartCardArea(service.start(), entry, None)
    context.services.smartcard = area
    context.on_shutdown(area.stop)
    return context


@pytest.fixture
def shell(ctx, show_shell, qtbot):
    widget = show_shell(ctx)
    qtbot.waitUntil(lambda: ctx.services.smartcard.available, timeout=3000)
    return widget


def open_screen(qtbot, shell):
    """From the identify step (going home afterwards), the social security card tile."""
    shell.go("identify", next="home")
    tap(qtbot, shell, tr("Social security card", "IdentifyMethods"))
    reads(qtbot, shell, tr("Waiting for your card…"))


def test_read_summary_masked_then_identity_in_session(shell, ctx, qtbot, hand, tmp_path):
    open_screen(qtbot, shell)
    hand.insert("demo")
    reads(qtbot, shell, read_heading())
    text = shown(shell)
    assert "测*样" in text and "990100********123X" in text and "99010019800101123X" not in text
    assert ctx.session.identity is None, "nothing is stored before the citizen confirms"
    shell.grab().save(str(tmp_path / "summary.png"))
    tap(qtbot, shell, tr("Continue"))
    identity = ctx.session.identity
    assert (identity.source, identity.name, identity.id_number) == ("ssc", "测试样",
                                                                    "99010019800101123X")
    assert shell.current().name == "home"
    shell.go("identify_ssc")
    assert "测*样" not in shown(shell)              # the card's data left with the citizen


def test_pin_pad_wrong_then_right(shell, ctx, qtbot, hand):
    open_screen(qtbot, shell)
    card = hand.insert("pin")
    reads(qtbot, shell, pin_heading())
    assert tr("Wrong PIN. You have %n tries left.", "PinPadScreen", 2) not in shown(shell)
    keys = [b.text() for b in buttons(shell) if b.text().isdigit()]
    # every digit once, in the order this entry drew (随机键盘: tests/security/test_pin_keys.py)
    assert sorted(keys) == sorted("1234567890")
    for digit in "99999":
        tap(qtbot, shell, digit)
    assert "●●●●●○" in shown(shell)                              # masked
    tap(qtbot, shell, tr("Confirm", "Keypad"))
    assert tr("Please enter all %n digits.", "PinPadScreen", 6) in shown(shell)
    assert card.pin_attempts == 0                                # 5 digits never reach the card
    type_pin(qtbot, shell, "9")
    reads(qtbot, shell, tr("Wrong PIN. You have %n tries left.", "PinPadScreen", 2))
    type_pin(qtbot, shell, "123456")
    reads(qtbot, shell, read_heading())
    assert card.pin_attempts == 2


def test_last_try_warning_and_blocked_message(shell, ctx, qtbot, hand):
    open_screen(qtbot, shell)
    hand.insert("pin")
    hand.card.tries_left = 2
    reads(qtbot, shell, pin_heading())
    type_pin(qtbot, shell, "000000")
    reads(qtbot, shell, tr("Wrong PIN. This is your last try: one more wrong PIN blocks the card.",
                           "PinPadScreen"))
    type_pin(qtbot, shell, "000000")
    reads(qtbot, shell, tr("The card could not be used"))
    assert "服务窗口" in shown(shell)                    # Simplified Chinese is the default
    assert tr("Try again") not in button_texts(shell)


def test_cancelled_pin_then_try_again(shell, ctx, qtbot, hand):
    open_screen(qtbot, shell)
    hand.insert("pin")
    reads(qtbot, shell, pin_heading())
    tap(qtbot, shell, tr("Cancel", "PinPadScreen"))
    reads(qtbot, shell, tr("The card could not be used"))
    assert messages.message("pin_cancelled", device="smartcard") in shown(shell)
    tap(qtbot, shell, tr("Try again"))
    reads(qtbot, shell, pin_heading())
    assert ctx.services.smartcard.pin_entry.pending


def test_home_while_the_pin_is_asked_leaves_no_card_waiting(shell, ctx, qtbot, hand):
    open_screen(qtbot, shell)
    card = hand.insert("pin")
    reads(qtbot, shell, pin_heading())
    tap(qtbot, shell, tr("Home", "Shell"))
    entry = ctx.services.smartcard.pin_entry
    qtbot.waitUntil(lambda: not entry.pending, timeout=3000)
    qtbot.wait(300)
    assert shell.current().name == "home" and card.pin_attempts == 0
    assert pin_heading() not in shown(shell)


def test_card_pulled_out_at_the_pin_pad_comes_back_to_say_so(shell, ctx, qtbot, hand):
    open_screen(qtbot, shell)
    hand.insert("pin")
    reads(qtbot, shell, pin_heading())
    hand.remove()
    reads(qtbot, shell, tr("The card could not be used"))
    assert pin_heading() not in shown(shell)


@pytest.mark.parametrize("card,behaviour,words", [
    ("bank", {}, "银行卡"),
])
def test_kind_messages(shell, ctx, qtbot, hand, card, behaviour, words):
    open_screen(qtbot, shell)
    hand.insert(card, **behaviour)
    reads(qtbot, shell, tr("The card could not be used"))
    assert words in shown(shell)
    assert tr("Use another way") in button_texts(shell)


def test_every_error_code_has_a_message():
    import devices.smartcard.errors as errors
    codes = {cls.code for cls in vars(errors).values()
             if isinstance(cls, type) and issubclass(cls, errors.SmartCardError)}
    assert codes <= messages.device_codes("smartcard"), codes - messages.device_codes("smartcard")
