"""The "place your ID card" screen in the real shell, driven by the twin through driver and bridge."""
from __future__ import annotations

import pytest

from kiosk.wiring.idcard import build_service


@pytest.fixture
def ctx(make_ctx):
    context = make_ctx({"idcard": {"port": "virtual:idcard", "poll_interval_ms": 100}})
    service = build_service(context.config, context.bridge.callback("idcard")).start()
    context.services["idcard"] = service
    context.on_shutdown(service.stop)
    return context


@pytest.fixture
def shell(ctx, show_shell, qtbot):
    widget = show_shell(ctx)
    qtbot.waitUntil(lambda: ctx.services["idcard"].state == "connected", timeout=3000)
    return widget


def open_screen(shell):
    shell.go("identify", next="home")
    shell.go("identify_idcard")
    return shell.current()


def test_read_confirm_and_wipe(shell, ctx, qtbot):
    screen = open_screen(shell)
    assert screen.phase == "waiting" and screen.picture.phase == "waiting"
    ctx.services["idcard"].place_card("resident")
    qtbot.waitUntil(lambda: screen.phase == "read", timeout=3000)
    identity = ctx.session.identity
    assert (identity.source, identity.name, identity.id_number) == \
        ("idcard", "林示例", "990101198805160026")
    shown = [v.text() for v in screen.summary_values]
    assert shown[0] == "林*例" and shown[1] == "990101********0026"
    assert screen.continue_button.isVisible()
    photo = identity.extra["photo_wlt"]
    assert any(photo)
    screen.continue_button.click()
    assert shell.current().name == "home"             # where the identify step was going
    assert ctx.session.identity is identity and any(photo)   # confirming keeps it
    shell.end_session()
    assert ctx.session.identity is None and photo == bytearray(1024)


def test_leaving_without_confirming_forgets_the_card(shell, ctx, qtbot):
    screen = open_screen(shell)
    ctx.services["idcard"].place_card("hmt_permit")
    qtbot.waitUntil(lambda: screen.phase == "read", timeout=3000)
    photo = ctx.session.identity.extra["photo_wlt"]
    shell.back()
    assert ctx.session.identity is None and photo == bytearray(1024)


def test_expired_card_is_refused_kindly(shell, ctx, qtbot):
    screen = open_screen(shell)
    ctx.services["idcard"].place_card("resident_expired")
    qtbot.waitUntil(lambda: screen.phase == "expired", timeout=3000)
    assert ctx.session.identity is None
    assert "2018-01-15" in screen.banner.text.text()
    assert not screen.continue_button.isVisible() and screen.other_button.isVisible()


def test_card_not_recognised_asks_to_place_again_then_reads(shell, ctx, qtbot):
    screen = open_screen(shell)
    service = ctx.services["idcard"]
    service.scenario("removed_before_read")
    qtbot.waitUntil(lambda: screen.phase == "retry", timeout=3000)
    assert screen.again_button.isVisible()
    service.place_card("resident_longterm")
    qtbot.waitUntil(lambda: screen.phase == "read", timeout=3000)
    assert screen.summary_values[3].text() in ("Long-term", "长期")


def test_reader_unplugged_then_back(shell, ctx, qtbot):
    screen = open_screen(shell)
    service = ctx.services["idcard"]
    service.unplug()
    qtbot.waitUntil(lambda: screen.phase == "unavailable", timeout=3000)
    assert screen.picture.phase == "unavailable"
    service.plug_in()
    qtbot.waitUntil(lambda: screen.phase == "waiting", timeout=2500)


def test_card_placed_before_the_screen_opens_is_read(shell, ctx, qtbot):
    service = ctx.services["idcard"]
    service.place_card("foreign_2023")
    qtbot.wait(400)                                 # read once while nobody listened
    screen = open_screen(shell)
    qtbot.waitUntil(lambda: screen.phase == "read", timeout=3000)
    assert ctx.session.identity.extra["card_type"] == "foreign_permanent_2023"


def test_chooser_offers_the_reader_only_when_it_works(shell, ctx, qtbot):
    from screens.identify import IDENTIFY_METHODS
    method = IDENTIFY_METHODS["idcard"]
    assert method.screen == "identify_idcard" and method.available(ctx)
    ctx.services["idcard"].unplug()
    qtbot.waitUntil(lambda: not method.available(ctx), timeout=3000)


def test_mask_name():
    from screens.identify_idcard import mask_name
    assert (mask_name("林示例"), mask_name("王五"), mask_name("欧阳示例名")) == \
        ("林*例", "王*", "欧***名")
    assert mask_name("SAMPLE, ALEX") == "S***** A***"
