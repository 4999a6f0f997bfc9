"""Walkthrough states of paying at the kiosk: the identified person's orders, the payment code with
the amount and its countdown, paid (the receipt printed, with its fiscal-receipt QR), the rating
offered, a code cancelled, a code expired, a payment the wallet completed after the kiosk gave up
(reconciled on the next look: the order is no longer listed, charged once), large text in the
other language; then the delivery choice an application hands over to: post, the region by its
lists (searched by initials), the address typed in pinyin, the fee, the confirmation. The wallet
app is the embedded platform's simulated payer (admin)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton

from kiosk.session import Identity
from walkthrough.walker import step, tr

PERSON = Identity("idcard", "林示例", "990101198805160026", {})
CONTEXT = "PayScreen"


def _admin(w):
    return w.ctx.embedded_platform.admin


def _screen(w):
    screen = w.shell.current()
    assert screen.name == "pay", screen.name
    return screen


def _settled(w, step: str | None = None):
    screen = _screen(w)
    w.wait_for(lambda: not screen._working and (step is None or screen.flow.step == step), 15000)
    w.settle(250)
    return screen.flow


def _open(w):
    w.nav.end_session()
    w.ctx.session.identity = PERSON
    w.nav.go("pay")
    return _settled(w)


def _pay_first(w):
    screen = _screen(w)
    screen.choose(screen.flow.orders[0].payable_id)
    return _settled(w, "waiting")


def _wallet(w, outcome: str = "pay") -> dict:
    payment = _screen(w).flow.payment
    return _admin(w).call(f"/api/v1/admin/pay/payments/{payment.payment_id}",
                          {"outcome": outcome})


def tap(widget, english: str) -> None:
    QCoreApplication.processEvents()
    text = QCoreApplication.translate(CONTEXT, english)
    matches = [b for b in widget.findChildren(QPushButton) if b.isVisible() and b.text() == text]
    assert matches, f"no button {text!r}"
    matches[0].click()


def _first_order_title(w) -> str:
    from kiosk import i18n
    return _screen(w).flow.orders[0].text(i18n.current_language())


@step(720, "pay-orders", expect=(_first_order_title, "400.00"))
def orders(w) -> None:
    flow = _open(w)
    assert flow.step == "orders" and len(flow.orders) >= 2, (flow.step, flow.code)


@step(722, "pay-code-shown", expect=("人民币肆佰元整",))
def code_shown(w) -> None:
    flow = _pay_first(w)
    assert flow.remaining_s() > 200
    assert _screen(w).findChild(object, "PaymentCode") is not None


@step(724, "pay-paid-receipt", expect=(tr(CONTEXT, "Paid. Thank you."),
                                       tr(CONTEXT, "Please take your receipt.")))
def paid(w) -> None:
    printer = w.ctx.services.printing.virtual_receipt_printer
    before = len(printer.receipts)
    _wallet(w)
    screen = _screen(w)
    w.wait_for(lambda: screen.receipt is not None and screen.receipt.outcome is not None, 20000)
    _settled(w, "paid")
    paper = printer.wait_receipts(before + 1)[-1]
    payment = screen.flow.payment
    assert "缴费凭条" in paper.text and payment.reference in paper.text
    assert paper.qr_payloads == [payment.fiscal_receipt_url]


@step(725, "pay-rating-offered")
def rating(w) -> None:
    tap(_screen(w), "Finish")
    w.settle(300)
    assert w.shell.current().name in ("evaluation", "home"), w.shell.current().name


@step(726, "pay-cancelled", expect=(tr(CONTEXT, "The payment was cancelled. Nothing has been "
                                             "charged."),))
def cancelled(w) -> None:
    _open(w)
    _pay_first(w)
    tap(_screen(w), "Cancel payment")
    _settled(w, "cancelled")


@step(728, "pay-expired", expect=(tr(CONTEXT, "The payment code has expired. Nothing has been "
                                           "charged. You can get a new code and pay again."),))
def expired(w) -> None:
    tap(_screen(w), "Back to my orders")
    _settled(w, "orders")
    flow = _pay_first(w)
    store = w.ctx.embedded_platform.store
    with store.lock:
        store.execute("UPDATE pay_payments SET expires_at = 0 WHERE payment_id = ?",
                      (flow.payment.payment_id,))
    _settled(w, "expired")


@step(730, "pay-late-payment-reconciled", expect=(tr(CONTEXT, "Paid in the last day"),))
def late(w) -> None:
    flow = _screen(w).flow
    payable_id = flow.payment.payable_id
    assert _wallet(w, "pay_late")["state"] == "paid"     # the wallet completed after expiry
    flow = _open(w)                                       # the next look
    assert payable_id not in [o.payable_id for o in flow.orders]
    assert payable_id in [o.payable_id for o in flow.recent]          # seen as paid
    counts = _admin(w).call(f"/api/v1/admin/pay/payables/{payable_id}", method="GET")
    assert counts["charged"] == 1, counts


@step(732, "pay-large-text-other-language")
def large_text(w) -> None:
    from kiosk import i18n
    before = i18n.current_language()
    _open(w)
    _pay_first(w)
    w.shell.toggle_elderly()
    w.shell.toggle_language()
    w.settle(300)
    assert w.ctx.session.elderly_mode and i18n.current_language() != before


@step(734, "pay-finished-back-to-normal")
def back_to_normal(w) -> None:
    screen = _screen(w)
    screen.cancel()
    _settled(w, "cancelled")
    w.nav.end_session()
    w.settle(200)


# ---- delivery by post (the screen an application hands over to) ----------------------------
DELIVERY = "DeliveryScreen"
CARD_PERSON = Identity("idcard", "林示例", "990101198805160026",
                       {"address": "示范市东湖区学府街88号"})


def _delivery(w):
    screen = w.shell.current()
    assert screen.name == "delivery", screen.name
    w.wait_for(lambda: screen.flow.step != "loading", 15000)
    w.settle(250)
    return screen


@step(740, "pay-delivery-choose", expect=(tr(DELIVERY, "How would you like to receive the "
                                                   "result?"),))
def delivery_choose(w) -> None:
    w.nav.end_session()
    w.ctx.session.identity = CARD_PERSON
    w.nav.go("delivery", case_ref="SL-990100-20261202-000001", item_code="1199010002GG00206002")
    screen = _delivery(w)
    assert screen.flow.methods() == ("window", "post", "locker"), screen.flow.methods()


@step(742, "pay-delivery-region-search", expect=("东湖区",))
def delivery_region(w) -> None:
    screen = _delivery(w)
    screen.choose("post")
    for name in ("示范省", "示范市"):
        [region] = [r for r in screen.flow.options() if r.name == name]
        screen.pick(region.code)
    screen.type_search("dhq")
    w.settle(200)
    assert [r.name for r in screen.flow.options()] == ["东湖区"]


@step(744, "pay-delivery-address-pinyin", expect=(tr(DELIVERY, "Street, number, building and "
                                                            "room"),))
def delivery_address(w) -> None:
    from screens.text_entry import keyboard_panel
    screen = _delivery(w)
    screen.pick("990102")
    screen.pick("990102003")
    screen.use_card_address()
    screen.entries["phone"].set_value("13912345678")
    detail = screen.entries["detail"]
    detail.focus()
    w.wait_for(lambda: keyboard_panel().isVisible() and keyboard_panel().ready(), 5000)
    detail.box.end(False)
    keyboard_panel().type_keys("danyuan")
    w.wait_for(lambda: "单元" in keyboard_panel().candidates(), 5000)
    w.settle(200)


@step(746, "pay-delivery-fee", expect=("12.00", "临江市江北区码头街道"))
def delivery_fee(w) -> None:
    from screens.text_entry import keyboard_panel
    screen = _delivery(w)
    keyboard_panel().choose("单元")
    w.settle(200)
    # a street in the other city, so the fee shows (the hall's own city posts for free)
    screen.unpick("city")
    for code in ("990200", "990201", "990201002"):
        screen.pick(code)
    screen.next_step()
    w.wait_for(lambda: screen.flow.step == "confirm", 15000)
    w.settle(250)
    assert screen.flow.fee_fen == 1200


@step(748, "pay-delivery-confirmed")
def delivery_confirmed(w) -> None:
    screen = _delivery(w)
    if w.ctx.services.sync is None:
        return          # no outbox on this kiosk: the screen says it was not saved
    screen.confirm()
    w.wait_for(lambda: screen.flow.step in ("done", "not_saved"), 15000)
    w.settle(250)
    assert screen.flow.step == "done", screen.flow.code


@step(750, "pay-delivery-finished")
def delivery_finished(w) -> None:
    w.nav.end_session()
    w.settle(200)
