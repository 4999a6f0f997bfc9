"""Putting an issued ticket on paper, for the take-a-number and the check-in flows alike.

A number the queue system issued is never lost and never doubled: it is printed once; if the
printer fails (paper out, jam, cover open) the citizen may have it printed once more (the same
number, never a new one), and a number that still is not on paper is cancelled with the queue
system by the flow that issued it. What would print is built by printing.ticket from what the
queue system answered, nothing else.
"""
from __future__ import annotations

import logging
from typing import Any, Callable, Protocol

from kiosk.flows.queue_system import Ticket

log = logging.getLogger(__name__)

RECEIPT_UNAVAILABLE = "receipt_unavailable"
REPRINTS = 1                      # a failed ticket may be printed once more


class _PrinterState(Protocol):
    state: str


class TicketPrinter(Protocol):
    """printing.receipt_service.ReceiptService as far as tickets ask it."""
    @property
    def status(self) -> _PrinterState: ...
    def available(self) -> bool: ...
    def print_receipt(self, kind: str, ref: str, build: Callable[[int, str, str], bytes]) -> dict: ...


def printer_blocked(printer: TicketPrinter | None) -> str | None:
    """None when a ticket can be printed now, else the code of what stands in the way."""
    if printer is None:
        return RECEIPT_UNAVAILABLE
    if not printer.available():
        return f"receipt_{printer.status.state}"
    return None


class TicketDelivery:
    """One ticket's way onto paper: print, at most REPRINTS more tries, the outcome as a code."""

    def __init__(self, printer: TicketPrinter | None, hotline: str, slot: str = ""):
        self.printer, self.hotline, self.slot = printer, hotline, slot
        self.outcome: str | None = None        # None / "printed" / a failure code
        self.tries = 0

    @property
    def printed(self) -> bool:
        return self.outcome == "printed"

    @property
    def can_reprint(self) -> bool:
        return (self.outcome not in (None, "printed") and self.tries <= REPRINTS
                and printer_blocked(self.printer) is None)

    def print(self, ticket: Ticket) -> bool:
        """Worker: one print of `ticket`; True when it is on paper."""
        from printing.ticket import TicketPrint, queue_ticket
        self.tries += 1
        blocked = printer_blocked(self.printer)
        if blocked is not None:
            self.outcome = blocked
            return False
        layout = TicketPrint(ticket.number, ticket.category_name, ticket.windows, ticket.ahead,
                             ticket.est_wait_min, ticket.issued_at, ticket.follow_url,
                             self.hotline, ticket.priority, self.slot)
        try:
            self.printer.print_receipt("queue-ticket", ticket.number,
                                       lambda width, hall, kiosk: queue_ticket(
                                           layout, hall, kiosk, width=width))
        except Exception as exc:          # the receipt printer's coded errors, anything else too
            self.outcome = getattr(exc, "code", None) or "receipt_printer"
            log.warning("ticket not printed: %s (%s)", self.outcome, type(exc).__name__)
            return False
        self.outcome = "printed"
        return True


def summary(ticket: Ticket | None) -> dict[str, Any]:
    """What a screen shows of a ticket (the same facts as the paper)."""
    if ticket is None:
        return {}
    return {"number": ticket.number, "category": ticket.category_name,
            "windows": ", ".join(ticket.windows), "ahead": ticket.ahead,
            "est_wait_min": ticket.est_wait_min, "issued_at": ticket.issued_at,
            "priority": ticket.priority}
