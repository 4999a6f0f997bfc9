"""Typed receipt printer errors, in the devices' error shape (devices/errors.py): a stable
snake_case `code` kiosk.messages maps to a citizen message, and a detail for staff and logs."""
from __future__ import annotations

from devices.errors import DeviceError


class ReceiptPrinterError(DeviceError):
    code = "receipt_printer"

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


class TransportError(ReceiptPrinterError):
    """The link to the printer failed (not connected, unplugged, refused, write timed out)."""
    code = "receipt_link"
    codes = ("receipt_not_connected", "receipt_not_configured")


class NotReady(ReceiptPrinterError):
    """The printer reported a state it cannot print in (paper out, cover open, offline)."""
    code = "receipt_not_ready"
    codes = ("receipt_paper_out", "receipt_cover_open", "receipt_error", "receipt_offline")
