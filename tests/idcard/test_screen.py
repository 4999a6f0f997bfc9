"""The "place your ID card" screen in the real shell, driven by the twin through driver and bridge,
checked only by what a citizen reads and touches."""
from __future__ import annotations

from functools import partial

import pytest

import touch
from kiosk.wiring.idcard import build_area
from touch import button_texts, shown, tap, translator

SCREEN = "IdentifyIdCardScreen"
tr = translator(SCREEN)
reads = partial(touch.reads, timeout=3000)     # the twin is polled every 100 ms (the ctx below)


@pytest.fixture
def ctx(make_ctx):
    context = make_ctx({"idcard": {"port": "virtual:idcard", "poll_interval_ms": 100}})
    service = build_area(context.config, context.bridge.callback("idcard")).start()
    context.services.idcard = service
    context.on_shutdown(service.stop)
    return context


@pytest.fixture
def shell(ctx, show_shell, qtbot):
    widget = show_shell(ctx)
    qtbot.waitUntil(lambda: ctx.services.idcard.state == "connected", timeout=3000)
    return widget


def open_screen(qtbot, shell):
    """From the identify step (going home afterwards), the ID card tile."""
    shell.go("identify", next="home")
    tap(qtbot, shell, tr("Resident ID card", "IdentifyMethods"))
    reads(qtbot, shell, tr("Place your ID card on the reader"))


def test_read_confirm_and_wipe(shell, ctx, qtbot):
    open_screen(qtbot, shell)
    assert tr("Yes, this is me, continue") not in button_texts(shell)
    ctx.services.idcard.twin.place_card("resident")
    reads(qtbot, shell, tr("Please check that this is you"))
    text = shown(shell)
    assert "林*例" in text and "990101********0026" in text
    assert "990101198805160026" not in text and "林示例" not in text
    assert ctx.session.identity is None, "nothing goes into the session before the citizen confirms"
    tap(qtbot, shell, tr("Yes, this is me, continue"))
    assert shell.current().name == "home"             # where the identify step was going
    identity = ctx.session.identity
    assert (identity.source, identity.name, identity.id_number) == \
        ("idcard", "林示例", "990101198805160026")
    photo = identity.extra["photo_wlt"]
    assert any(photo)
    shell.end_session()
    assert ctx.session.identity is None and photo == bytearray(len(photo))


def test_leaving_without_confirming_forgets_the_card(shell, ctx, qtbot):
    open_screen(qtbot, shell)
    ctx.services.idcard.twin.place_card("hmt_permit")
    reads(qtbot, shell, tr("Please check that this is you"))
    assert tr("Residence permit for Hong Kong, Macao and Taiwan residents") in shown(shell)
    tap(qtbot, shell, tr("Choose another way"))
    assert ctx.session.identity is None
    assert "990101" not in shown(shell)


def test_expired_card_is_refused_kindly(shell, ctx, qtbot):
    open_screen(qtbot, shell)
    ctx.services.idcard.twin.place_card("resident_expired")
    reads(qtbot, shell, tr("This ID card has expired"))
    assert "2018-01-15" in shown(shell)
    assert ctx.session.identity is None
    assert tr("Yes, this is me, continue") not in button_texts(shell)
    assert tr("Choose another way") in button_texts(shell)


def test_card_not_recognised_asks_to_place_again_then_reads(shell, ctx, qtbot):
    open_screen(qtbot, shell)
    service = ctx.services.idcard
    service.twin.scenario("removed_before_read")
    reads(qtbot, shell, tr("The card could not be read"))
    assert tr("Read again") in button_texts(shell)
    service.twin.place_card("resident_longterm")
    reads(qtbot, shell, tr("Please check that this is you"))
    assert tr("Long-term") in shown(shell)


def test_reader_unplugged_then_back(shell, ctx, qtbot):
    open_screen(qtbot, shell)
    service = ctx.services.idcard
    service.twin.unplug()
    reads(qtbot, shell, tr("The ID card reader is not available"))
    service.twin.replug()
    reads(qtbot, shell, tr("Place your ID card on the reader"), timeout=2500)


def test_card_placed_before_the_screen_opens_is_read(shell, ctx, qtbot):
    ctx.services.idcard.twin.place_card("foreign_2023")
    qtbot.wait(400)                                 # read once while nobody listened
    open_screen(qtbot, shell)
    reads(qtbot, shell, tr("Please check that this is you"))
    assert tr("Foreign permanent residence ID card") in shown(shell)


def test_chooser_offers_the_reader_only_when_it_works(shell, ctx, qtbot):
    shell.go("identify", next="home")
    tile = tr("Resident ID card", "IdentifyMethods")
    qtbot.waitUntil(lambda: tile in button_texts(shell), timeout=1000)
    ctx.services.idcard.twin.unplug()
    qtbot.waitUntil(lambda: not ctx.services.idcard.available, timeout=3000)
    shell.go("identify", next="home")
    qtbot.wait(100)
    assert tile not in button_texts(shell)
