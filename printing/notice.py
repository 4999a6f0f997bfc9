"""The guide screen's "print notice" button: the one-time notice (一次性告知) on the receipt printer.

The caller passes the kiosk.catalog.ServiceItem the screen shows (the same object, so paper and
screen come from one source) and the receipt printer service from kiosk/wiring/printing.py.
"""
from __future__ import annotations

from typing import Any

from printing import receipts


def print_guide_notice(item: Any, printer: Any) -> dict:
    """Encode and print the notice; returns the audit payload. Raises the receipt printer's typed
    errors (NotReady with code receipt_paper_out, ..., TransportError) for the screen to map."""
    return printer.print_receipt("guide-notice", item.impl_code,
                                 lambda width, hall, kiosk: receipts.guide_notice(item, hall, kiosk,
                                                                                  width=width))
