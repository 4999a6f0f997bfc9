"""Delivery by post in the real shell (offscreen) against the reference platform: choose post,
the recipient from the card, a wrong mobile number said under its box, the region picked from
its lists (one searched by initials), the detailed address typed in pinyin on the on-screen
keyboard, the fee, the confirmation, and the delivery order reaching the platform."""
from __future__ import annotations

from screens.text_entry import enable_input_method

enable_input_method()      # before the test's QApplication, as the kiosk does

from functools import partial  # noqa: E402

import pytest  # noqa: E402

import touch  # noqa: E402
from kiosk.session import Identity  # noqa: E402
from screens.text_entry import keyboard_panel  # noqa: E402
from touch import shown  # noqa: E402

PERSON = Identity("idcard", "林示例", "990101198805160026", {"address": "示范市东湖区学府街88号"})
tr = touch.translator("DeliveryScreen")
tap = partial(touch.tap, timeout=8000)


class Outbox:
    """The sync area as the flow uses it: delivers each record to the platform at once."""

    def __init__(self, client):
        self.client, self.sent = client, []

    def enqueue(self, kind, payload):
        record = {"key": payload["reference"], "kind": kind, "payload": payload, "created": 1.0}
        assert self.client.send("POST", "/api/v1/records",
                                json={"records": [record]}).status_code == 200
        self.sent.append(record)
        return type("Receipt", (), {"key": record["key"]})()

    def status(self):
        return type("Status", (), {"online": True})()


@pytest.fixture
def shell(platform, make_ctx, show_shell):
    from kiosk.wiring.platform import current_citizen, open_link
    ctx = make_ctx()
    ctx.platform_url = platform.url
    ctx.embedded_platform = platform
    ctx.platform = open_link(ctx.config, platform.url, demo=True,
                             enroll_token=platform.demo_enrollment_token)
    ctx.platform.client.identify_citizen_with(lambda: current_citizen(ctx.session))
    ctx.on_shutdown(ctx.platform.close)
    ctx.services.sync = Outbox(ctx.platform.client)
    ctx.session.identity = PERSON
    return show_shell(ctx)


def test_post_it_home_with_region_lists_and_pinyin(shell, qtbot):
    shell.go("delivery", case_ref="SL-990100-20261202-000001", item_code="1199010002GG00206002")
    screen = shell.current()
    tap(qtbot, screen, tr("Post it to me (%1)").replace("%1", "示范邮政EMS"))
    qtbot.waitUntil(lambda: "recipient" in screen.entries)
    assert screen.entries["recipient"].value() == "林示例"          # from the card
    screen.entries["phone"].set_value("1391234")
    for name in ("示范省", "示范市"):
        tap(qtbot, screen, name)
    screen.type_search("dhq")                                       # initials of 东湖区
    qtbot.waitUntil(lambda: len([b for b in touch.buttons(screen) if b.text() == "中心区"]) == 0)
    tap(qtbot, screen, "东湖区")
    tap(qtbot, screen, "学府街道")
    tap(qtbot, screen, tr("Start from the address on my ID card"))
    detail = screen.entries["detail"]
    assert detail.value() == "示范市东湖区学府街88号"
    detail.focus()
    qtbot.waitUntil(lambda: keyboard_panel().isVisible() and keyboard_panel().ready(), timeout=5000)
    detail.box.end(False)
    keyboard_panel().type_keys("danyuan")
    qtbot.waitUntil(lambda: "单元" in keyboard_panel().candidates(), timeout=5000)
    keyboard_panel().choose("单元")
    qtbot.waitUntil(lambda: screen.entries["detail"].value().endswith("单元"))
    tap(qtbot, screen, tr("Next"))
    touch.reads(qtbot, screen, "11", timeout=3000)                  # the mobile number's problem
    assert screen.flow.step == "address" and screen.flow.problems == {"phone": "mobile_shape"}
    screen.entries["phone"].set_value("13912345678")
    tap(qtbot, screen, tr("Next"))
    touch.reads(qtbot, screen, tr("Posting is free."), timeout=10000)
    assert "示范省示范市东湖区学府街道示范市东湖区学府街88号单元" in shown(screen)
    tap(qtbot, screen, tr("Confirm"))
    touch.reads(qtbot, screen, tr("Reference: %1").replace(
        "%1", screen.flow.reference[-8:].upper()), timeout=10000)
    [record] = shell.ctx.services.sync.sent
    assert record["kind"] == "delivery" and record["payload"]["region"] == "990102003"
    assert record["payload"]["address"].endswith("单元")
