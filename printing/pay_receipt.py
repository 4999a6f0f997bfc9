"""The payment receipt (缴费凭条) on the receipt printer.

What the payment platform answered, nothing else: the order, who collected it, the amount in
figures and in capitals, when it was paid, the payment platform's reference, and, when the
platform issued one, the QR code of the electronic fiscal receipt (财政电子票据) to fetch or verify
it on a phone. No name and no ID number: a receipt is often left in the tray.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PaymentPrint:
    title: str
    collector: str
    amount_yuan: str                 # "400.00"
    amount_capital: str              # "人民币肆佰元整"
    paid_at: str                     # "2026-12-02 09:30"
    payment_id: str
    reference: str
    fiscal_receipt_url: str = ""
    hotline: str = "12345"


def payment_receipt(paid: PaymentPrint, hall: str, kiosk_id: str, width: int = 48) -> bytes:
    from printing.escpos import Receipt
    r = Receipt(width)
    r.text(hall, align="center")
    r.text("缴费凭条", bold=True, size=2, align="center")
    r.rule()
    r.text(paid.title, bold=True)
    r.pair("执收单位", paid.collector)
    r.pair("金额", f"¥{paid.amount_yuan}", bold=True)
    r.text(f"大写：{paid.amount_capital}")
    r.pair("缴费时间", paid.paid_at)
    r.pair("订单号", paid.payment_id)
    r.pair("交易流水号", paid.reference)
    if paid.fiscal_receipt_url:
        r.rule(".")
        r.text("扫码查看、下载财政电子票据", align="center")
        r.qr(paid.fiscal_receipt_url, module=5)
    r.rule(".")
    r.text("本凭条不作报销凭证；报销请使用财政电子票据。如有疑问请咨询服务台。")
    r.pair("服务热线", paid.hotline)
    r.pair("终端编号", kiosk_id)
    return r.feed(2).cut().bytes()
