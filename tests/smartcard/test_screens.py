"""The social security card screens in the real shell (in the default language, Simplified Chinese): the driver reads the virtual card through
pcscd, events reach the screen through the bridge, the PIN pad answers the driver's PIN request."""
from __future__ import annotations

import pytest

from devices.smartcard.pin import HandoffPinEntry
from devices.smartcard.service import SmartCardService
from kiosk.wiring.smartcard import DEVICE, SmartCardArea


@pytest.fixture
def ctx(hand, make_ctx):
    context = make_ctx(demo=False)
    sink = context.bridge.callback(DEVICE)
    entry = HandoffPinEntry(lambda prompt: sink("pin_request", prompt), timeout_s=20)
    service = SmartCardService(sink, reader=hand.reader, pin_entry=entry, apdu_timeout_s=1.0)
    area = SmartCardArea(service.start(), entry, None)
    context.services[DEVICE] = area
    context.on_shutdown(area.stop)
    return context


@pytest.fixture
def shell(ctx, show_shell, qtbot):
    widget = show_shell(ctx)
    qtbot.waitUntil(lambda: ctx.services[DEVICE].available, timeout=3000)
    return widget


def open_screen(shell):
    shell.go("identify", next="home")
    shell.go("identify_ssc")
    return shell.current()


def test_offered_as_an_identify_method(shell):
    shell.go("identify", next="home")
    keys = [method.key for _tile, method in shell.current().tiles]
    assert "ssc" in keys


def test_read_summary_masked_then_identity_in_session(shell, ctx, qtbot, hand, tmp_path):
    screen = open_screen(shell)
    assert screen.state == "insert" and screen.picture.state == "insert"
    hand.insert("demo")
    qtbot.waitUntil(lambda: screen.state == "done", timeout=5000)
    text = screen.summary_rows.text()
    assert "测*样" in text and "990100********123X" in text and "99010019800101123X" not in text
    assert ctx.session.identity is None, "nothing is stored before the citizen confirms"
    screen.grab().save(str(tmp_path / "summary.png"))
    screen.continue_button.click()
    identity = ctx.session.identity
    assert (identity.source, identity.name, identity.id_number) == ("ssc", "测试样",
                                                                    "99010019800101123X")
    assert shell.current().name == "home" and screen.record is None


def test_pin_pad_wrong_then_right(shell, ctx, qtbot, hand):
    screen = open_screen(shell)
    card = hand.insert("pin")
    qtbot.waitUntil(lambda: shell.current().name == "pin_pad", timeout=5000)
    pad = shell.current()
    assert pad.tries_left is None and not pad.banner.isVisible()
    keys = [pad.keypad.key_buttons[k].text() for k in "1234567890"]
    assert keys == list("1234567890")                       # fixed order, never shuffled
    for digit in "99999":
        pad.keypad.key_buttons[digit].click()
    assert pad.keypad.display.text() == "●●●●●○"              # masked
    pad.keypad.ok_button.click()
    assert "6" in pad.banner.text.text() and card.pin_attempts == 0   # 5 digits never reach the card
    pad.keypad.key_buttons["9"].click()
    pad.keypad.ok_button.click()
    qtbot.waitUntil(lambda: shell.current().name == "pin_pad" and pad.tries_left == 2, timeout=5000)
    assert "2" in pad.banner.text.text()
    for digit in "123456":
        pad.keypad.key_buttons[digit].click()
    pad.keypad.ok_button.click()
    qtbot.waitUntil(lambda: shell.current() is screen and screen.state == "done", timeout=5000)
    assert card.pin_attempts == 2


def test_last_try_warning_and_blocked_message(shell, ctx, qtbot, hand):
    screen = open_screen(shell)
    hand.insert("pin")
    hand.card.tries_left = 1
    qtbot.waitUntil(lambda: shell.current().name == "pin_pad", timeout=5000)
    pad = shell.current()
    for digit in "000000":
        pad.keypad.key_buttons[digit].click()
    pad.keypad.ok_button.click()
    qtbot.waitUntil(lambda: screen.state == "error", timeout=5000)
    assert screen.error["code"] == "pin_blocked"
    assert "服务窗口" in screen.banner.text.text()          # Simplified Chinese is the default
    pad.enter(entry=None, tries_left=1)
    assert "最后一次" in pad.banner.text.text()


def test_cancelled_pin_then_try_again(shell, ctx, qtbot, hand):
    screen = open_screen(shell)
    hand.insert("pin")
    qtbot.waitUntil(lambda: shell.current().name == "pin_pad", timeout=5000)
    shell.current().cancel_button.click()
    qtbot.waitUntil(lambda: screen.state == "error", timeout=5000)
    assert screen.error["code"] == "pin_cancelled" and screen.retry_button.isVisible()
    screen.retry_button.click()
    qtbot.waitUntil(lambda: shell.current().name == "pin_pad", timeout=5000)
    assert ctx.services[DEVICE].pin_entry.pending


@pytest.mark.parametrize("card,behaviour,code,words", [
    ("bank", {}, "unknown_card", "银行卡"),
])
def test_kind_messages(shell, ctx, qtbot, hand, card, behaviour, code, words):
    screen = open_screen(shell)
    hand.insert(card, **behaviour)
    qtbot.waitUntil(lambda: screen.state == "error", timeout=6000)
    assert screen.error["code"] == code
    assert words in screen.banner.text.text()
    assert screen.picture.state == "error" and screen.other_button.isVisible()


def test_every_error_code_has_a_message():
    import devices.smartcard.errors as errors
    from screens.identify_ssc import MESSAGES
    codes = {cls.code for cls in vars(errors).values()
             if isinstance(cls, type) and issubclass(cls, errors.SmartCardError)}
    assert codes - {"smartcard"} <= set(MESSAGES), codes - set(MESSAGES)
