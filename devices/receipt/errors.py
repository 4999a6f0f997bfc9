"""Typed receipt printer errors with a stable `code` (screens map codes to citizen messages)."""
from __future__ import annotations


class ReceiptPrinterError(Exception):
    code = "receipt-printer"

    def __init__(self, message: str, code: str | None = None):
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


class TransportError(ReceiptPrinterError):
    """The link to the printer failed (not connected, unplugged, refused, write timed out)."""
    code = "receipt-link"


class NotReady(ReceiptPrinterError):
    """The printer reported a state it cannot print in (paper out, cover open, offline)."""
    code = "receipt-not-ready"
