"""The ID card reader unplugged in the middle of a read and plugged back in: the twin's pty closed
and reopened behind the same link path, the product's driver and bridge, the real shell."""
from __future__ import annotations

from functools import partial

import pytest

import touch
from kiosk.wiring.idcard import build_area

tr = touch.translator("IdentifyIdCardScreen")
reads = partial(touch.reads, timeout=5000)


@pytest.fixture
def ctx(make_ctx):
    context = make_ctx({"idcard": {"port": "virtual:idcard", "poll_interval_ms": 100}})
    area = build_area(context.config, context.bridge.callback("idcard")).start()
    context.services.idcard = area
    context.on_shutdown(area.stop)
    return context


def staff_view(ctx) -> str:
    """What the heartbeat reports for the devices (the staff menu reads the same states)."""
    from kiosk.wiring.sync import _device_states
    return str(_device_states(ctx))


def test_id_card_reader_unplugged_mid_read(row, ctx, show_shell, qtbot):
    r = row("ID card reader unplugged in the middle of a read (pty closed), then plugged back in")
    shell = show_shell(ctx)
    area = ctx.services.idcard
    qtbot.waitUntil(lambda: area.state == "connected", timeout=3000)
    shell.go("identify", next="home")
    touch.tap(qtbot, shell, tr("Resident ID card", "IdentifyMethods"))
    reads(qtbot, shell, tr("Place your ID card on the reader"))

    area.twin.rf_delay_s = 2.0                   # a slow card: the read is still going on
    area.twin.place_card("resident")
    reads(qtbot, shell, tr("Reading your card…"))
    area.twin.unplug()
    reads(qtbot, shell, tr("The ID card reader is not available"))
    r.saw(touch.shown(shell.current()).replace("\n", " "))
    assert ctx.session.identity is None          # nothing of the half-read card kept
    qtbot.waitUntil(lambda: area.state == "disconnected", timeout=3000)
    r.alerted(f"heartbeat devices: {staff_view(ctx)}")

    area.twin.rf_delay_s = 0.0
    area.twin.replug()
    reads(qtbot, shell, tr("Place your ID card on the reader"))
    area.twin.place_card("resident")
    reads(qtbot, shell, tr("Please check that this is you"))
    assert area.available
    r.came_back(f"yes, by itself: the screen asks for the card again and reads it; heartbeat "
                f"devices: {staff_view(ctx)}")
    r.records = "n/a (nothing queued; no identity kept from the interrupted read)"
