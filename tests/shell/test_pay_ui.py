"""Pay in the real shell (offscreen) against the reference platform: from the home tile to the
order list, the payment code with its amount and countdown, the wallet paying, the receipt in the
virtual ESC/POS printer and the rating; cancelling; an expired code. Driven by what a person sees
and touches; the wallet app is the platform's simulated payer."""
from __future__ import annotations

from functools import partial
from types import SimpleNamespace

import pytest

import touch
from devices.virtual.escpos_printer import Parser, VirtualEscposPrinter
from kiosk.session import Identity
from touch import shown

PERSON = Identity("idcard", "林示例", "990101198805160026", {})
tr = touch.translator("PayScreen")
tap = partial(touch.tap, timeout=8000)


class ReceiptPrinter:
    def __init__(self):
        self.sink = VirtualEscposPrinter()
        self.status = SimpleNamespace(state="ready")

    def available(self):
        return True

    def print_receipt(self, kind, ref, build):
        Parser(self.sink).feed(build(48, "示范市政务服务中心", "K-1"))
        return {"result": "completed"}


@pytest.fixture
def printer():
    return ReceiptPrinter()


@pytest.fixture
def shell(platform, make_ctx, printer, show_shell):
    from kiosk.wiring.platform import current_citizen, open_link
    ctx = make_ctx()
    ctx.platform_url = platform.url
    ctx.embedded_platform = platform
    ctx.platform = open_link(ctx.config, platform.url, demo=True,
                             enroll_token=platform.demo_enrollment_token)
    ctx.platform.client.identify_citizen_with(lambda: current_citizen(ctx.session))
    ctx.on_shutdown(ctx.platform.close)
    ctx.services.printing = SimpleNamespace(receipts=printer)
    ctx.session.identity = PERSON
    return show_shell(ctx)


def to_the_code(shell, qtbot):
    tap(qtbot, shell.current(), touch.tr("Pay", "HomeScreen"))
    screen = shell.current()
    assert screen.name == "pay"
    touch.reads(qtbot, screen, "2027年度城乡居民基本医疗保险费", timeout=10000)
    assert "400.00" in shown(screen) and "2026-12-31" in shown(screen)
    tap(qtbot, screen, tr("Pay %1 yuan").replace("%1", "400.00"))
    touch.reads(qtbot, screen, "人民币肆佰元整", timeout=10000)
    assert screen.findChild(object, "PaymentCode") is not None
    qtbot.waitUntil(lambda: "4:5" in shown(screen) or "4:4" in shown(screen), timeout=5000)
    return screen


def test_pay_from_the_home_tile_to_the_receipt_and_the_rating(shell, qtbot, printer):
    screen = to_the_code(shell, qtbot)
    payment = screen.flow.payment
    shell.ctx.embedded_platform.admin.call(f"/api/v1/admin/pay/payments/{payment.payment_id}",
                                           {"outcome": "pay"})
    touch.reads(qtbot, screen, tr("Paid. Thank you."), timeout=15000)
    touch.reads(qtbot, screen, tr("Please take your receipt."), timeout=5000)
    [paper] = printer.sink.receipts
    for fact in ("缴费凭条", "2027年度城乡居民基本医疗保险费", "¥400.00", "人民币肆佰元整",
                 payment.payment_id, screen.flow.payment.reference, "财政电子票据"):
        assert fact in paper.text, fact
    assert PERSON.name not in paper.text and PERSON.id_number not in paper.text
    assert screen.flow.next_step is not None        # the rating is offered after the receipt


def test_cancel_says_nothing_was_charged(shell, qtbot):
    screen = to_the_code(shell, qtbot)
    payable_id = screen.flow.payment.payable_id
    tap(qtbot, screen, tr("Cancel payment"))
    touch.reads(qtbot, screen, tr("The payment was cancelled. Nothing has been charged."),
                timeout=10000)
    counts = shell.ctx.embedded_platform.admin.call(f"/api/v1/admin/pay/payables/{payable_id}",
                                                    method="GET")
    assert counts["charged"] == 0
    tap(qtbot, screen, tr("Back to my orders"))
    tap(qtbot, screen, tr("Pay %1 yuan").replace("%1", "400.00"))      # a new code, if wished
    touch.reads(qtbot, screen, "人民币肆佰元整", timeout=10000)


def test_an_expired_code_says_so_and_offers_a_new_one(shell, qtbot):
    screen = to_the_code(shell, qtbot)
    store = shell.ctx.embedded_platform.store
    with store.lock:
        store.execute("UPDATE pay_payments SET expires_at = 0")
    touch.reads(qtbot, screen, tr("The payment code has expired. Nothing has been charged. You "
                                  "can get a new code and pay again."), timeout=15000)
