"""The guide's one-time notice (一次性告知) on the receipt printer: whether it can print now, one
print, the outcome as a code, and the rating of the item offered once the notice is out.

Steps: ready -> printing -> printed / failed (and ready again for another try). A printer that
already said it cannot print (paper out, cover open, offline) is not tried: the outcome says why at
once, so the citizen is pointed to the guide's QR code instead of waiting for a failure.
"""
from __future__ import annotations

import logging
from typing import Any, Callable, Protocol

from kiosk.flows.evaluation import RatingOffer

log = logging.getLogger(__name__)

UNAVAILABLE = "receipt_unavailable"      # no receipt printer on this kiosk


class PrinterState(Protocol):
    state: str                            # devices.receipt.status.ReceiptStatus.state


class ReceiptPrinter(Protocol):
    """printing.receipt_service.ReceiptService as far as this flow asks it."""
    @property
    def status(self) -> PrinterState: ...
    def available(self) -> bool: ...


class ServiceItem(Protocol):
    impl_code: str


# prints the notice for an item and returns the audit payload (printing.notice.print_guide_notice
# bound to the receipt service); raises the receipt printer's coded errors
NoticePrinter = Callable[[Any], dict]


class GuideNotice:
    def __init__(self, item: ServiceItem | None, print_notice: NoticePrinter | None,
                 printer: ReceiptPrinter | None = None):
        self.item, self._print_notice, self.printer = item, print_notice, printer
        self.step = "ready"               # ready / printing / printed / failed
        self.outcome: str | None = None    # "completed" or the failure code

    def why_not(self) -> str | None:
        """None when the notice can be printed now, else the code of what stands in the way."""
        if self._print_notice is None or self.item is None:
            return UNAVAILABLE
        if self.printer is not None and not self.printer.available():
            return f"receipt_{self.printer.status.state}"
        return None

    @property
    def can_print_now(self) -> bool:
        return self.why_not() is None

    def start(self) -> bool:
        """The citizen pressed "Print this notice". True when the screen should now run print()
        on a worker; False when the outcome already says why it cannot."""
        code = self.why_not()
        if code is not None:
            self.step, self.outcome = "failed", code
            return False
        self.step, self.outcome = "printing", None
        return True

    def print(self) -> None:
        """Worker: one print; the outcome is "completed" or the printer's code."""
        try:
            self._print_notice(self.item)
            self.step, self.outcome = "printed", "completed"
        except Exception as exc:          # the receipt printer's coded errors, anything else too
            code = getattr(exc, "code", None) or "receipt_printer"
            log.warning("guide notice not printed: %s (%s)", code, type(exc).__name__)
            self.step, self.outcome = "failed", code

    @property
    def busy(self) -> bool:
        return self.step == "printing"

    @property
    def next_step(self) -> RatingOffer | None:
        """Once the notice is out, the item's rating is offered; skipping it returns to the guide."""
        if self.step != "printed":
            return None
        return RatingOffer(self.item.impl_code, then="back")
