"""The payment receipt through the virtual ESC/POS printer: the order, the amount in figures and
capitals, the time, the order number and the payment reference, the fiscal receipt's QR code when
the platform gave one, nothing personal; a failed print may be printed once more, never a second
payment."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from devices.receipt.errors import NotReady
from devices.virtual.escpos_printer import Parser, VirtualEscposPrinter
from kiosk.flows.pay_order import Payment
from kiosk.flows.pay_receipt import PaymentReceipt

PAID = Payment("PAY0123456789ABCDEF", "PB1", "paid", 40000, "2027年度城乡居民基本医疗保险费",
               "Residents' basic medical insurance, 2027", "示范市医疗保障局",
               "https://pay.gov.example/q/PAY0123456789ABCDEF", "2026-12-02T09:35:00+08:00", 0,
               paid_at="2026-12-02T09:31:07+08:00", reference="T20261202093107ABCDEF",
               fiscal_receipt_url="https://pj.czj.gov.example/verify?code=T20261202093107ABCDEF")


class Printer:
    def __init__(self, fail=0, state="ready"):
        self.sink = VirtualEscposPrinter()
        self.fail = fail
        self.status = SimpleNamespace(state=state)
        self.kinds = []

    def available(self):
        return self.status.state == "ready"

    def print_receipt(self, kind, ref, build):
        self.kinds.append((kind, ref))
        if self.fail:
            self.fail -= 1
            raise NotReady("paper out", "receipt_paper_out")
        Parser(self.sink).feed(build(48, "示范市政务服务中心", "K-1"))
        return {"result": "completed"}


def test_the_receipt_says_what_was_paid_and_how_to_get_the_fiscal_receipt():
    printer = Printer()
    receipt = PaymentReceipt(printer)
    assert receipt.print(PAID)
    [paper] = printer.sink.receipts
    for fact in ("缴费凭条", "2027年度城乡居民基本医疗保险费", "示范市医疗保障局", "¥400.00",
                 "人民币肆佰元整", "2026-12-02 09:31", "PAY0123456789ABCDEF",
                 "T20261202093107ABCDEF", "财政电子票据", "K-1"):
        assert fact in paper.text, fact
    assert paper.qr_payloads == [PAID.fiscal_receipt_url]
    assert printer.kinds == [("payment", "PAY0123456789ABCDEF")]


def test_without_a_fiscal_receipt_there_is_no_qr_code():
    printer = Printer()
    PaymentReceipt(printer).print(Payment(**{**PAID.__dict__, "fiscal_receipt_url": ""}))
    assert printer.sink.receipts[0].qr_payloads == []


def test_a_failed_print_may_be_printed_once_more():
    printer = Printer(fail=1)
    receipt = PaymentReceipt(printer)
    assert not receipt.print(PAID)
    assert receipt.outcome == "receipt_paper_out" and receipt.can_reprint
    assert receipt.print(PAID)
    assert not receipt.can_reprint and len(printer.sink.receipts) == 1


def test_a_printer_that_is_down_says_why():
    receipt = PaymentReceipt(Printer(state="paper_out"))
    assert not receipt.print(PAID)
    assert receipt.outcome == "receipt_paper_out"
    assert PaymentReceipt(None).print(PAID) is False


def test_only_a_paid_payment_has_a_receipt():
    with pytest.raises(ValueError):
        PaymentReceipt(Printer()).print(Payment(**{**PAID.__dict__, "state": "pending"}))
