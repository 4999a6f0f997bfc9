"""Receipts through the ESC/POS printer, audited like certificates."""
from __future__ import annotations

import hashlib
from typing import Callable

from devices.receipt.errors import ReceiptPrinterError
from devices.receipt.printer import ReceiptPrinter
from printing.audit import AuditRecord, AuditTrail


class ReceiptService:
    def __init__(self, printer: ReceiptPrinter, audit: AuditTrail, hall: str, kiosk_id: str,
                 width: int = 48):
        self.printer, self.audit = printer, audit
        self.hall, self.kiosk_id, self.width = hall, kiosk_id, width

    @property
    def status(self):
        return self.printer.last_status

    def available(self) -> bool:
        """False when the printer last said it cannot print (paper out, cover open): screens take
        receipt actions out of service. Unknown counts as available (the link may be write-only)."""
        return self.printer.last_status.can_print

    def print_receipt(self, kind: str, ref: str,
                      build: Callable[[int, str, str], bytes]) -> dict:
        """Build the receipt for this printer's width and print it; every outcome is audited."""
        data = build(self.width, self.hall, self.kiosk_id)
        record = dict(document_id=f"{kind}:{ref}", content_sha256=hashlib.sha256(data).hexdigest(),
                      copies=1, kiosk=self.kiosk_id, channel="receipt")
        try:
            self.printer.print(data)
        except ReceiptPrinterError as exc:
            self.audit.record(AuditRecord(result=exc.code, **record))
            raise
        audit = AuditRecord(result="completed", **record)
        self.audit.record(audit)
        return audit.payload()
