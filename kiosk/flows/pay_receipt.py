"""The paid order on paper: once, and once more if the printer failed (same receipt, never a
second payment). The layout is printing.pay_receipt's, built from the platform's answer only."""
from __future__ import annotations

import logging

from kiosk.flows.pay_order import Payment
from kiosk.flows.queue_ticket import TicketPrinter, printer_blocked

log = logging.getLogger(__name__)
REPRINTS = 1


def paid_at_text(iso: str) -> str:
    """"2026-12-02T09:30:05+08:00" -> "2026-12-02 09:30" (the platform's own local time)."""
    return iso[:16].replace("T", " ") if iso else ""


class PaymentReceipt:
    def __init__(self, printer: TicketPrinter | None, hotline: str = "12345"):
        self.printer, self.hotline = printer, hotline
        self.outcome: str | None = None        # None / "printed" / a failure code
        self.tries = 0

    @property
    def can_reprint(self) -> bool:
        return (self.outcome not in (None, "printed") and self.tries <= REPRINTS
                and printer_blocked(self.printer) is None)

    def print(self, payment: Payment) -> bool:
        """Worker: one print of the paid payment's receipt; True when it is on paper."""
        from printing.pay_receipt import PaymentPrint, payment_receipt
        if payment.state != "paid":
            raise ValueError("only a paid payment has a receipt")
        self.tries += 1
        blocked = printer_blocked(self.printer)
        if blocked is not None:
            self.outcome = blocked
            return False
        layout = PaymentPrint(payment.title, payment.collector, payment.yuan, payment.capital,
                              paid_at_text(payment.paid_at), payment.payment_id,
                              payment.reference, payment.fiscal_receipt_url, self.hotline)
        try:
            self.printer.print_receipt("payment", payment.payment_id,
                                       lambda width, hall, kiosk: payment_receipt(
                                           layout, hall, kiosk, width=width))
        except Exception as exc:          # the receipt printer's coded errors, anything else too
            self.outcome = getattr(exc, "code", None) or "receipt_printer"
            log.warning("payment receipt not printed: %s", self.outcome)
            return False
        self.outcome = "printed"
        return True
