"""My place in the queue (排队进度): the citizen scans the QR code on their ticket and sees how many
are ahead now, the estimated wait, or the window that called them. Nothing is identified: the
ticket's own code is all it takes, as on the phone.

Steps: loading -> shown, or not_a_ticket (the code is not one of the hall's tickets),
not_found, unavailable.
"""
from __future__ import annotations

import logging
import re
from typing import Any

from kiosk.flows.queue_system import UNAVAILABLE, QueueError, QueueSystem, Ticket

log = logging.getLogger(__name__)

TICKET_ID = re.compile(r"/t/([0-9a-f]{32})\b")


def ticket_id_from_qr(text: str) -> str | None:
    """The ticket id in the follow-on-the-phone link a ticket's QR carries."""
    found = TICKET_ID.search((text or "").strip().lower())
    return found.group(1) if found else None


class MyPlace:
    def __init__(self, queue: QueueSystem | None, session: Any = None):
        self.queue = queue
        self.step = "loading"
        self.code: str | None = None
        self.ticket: Ticket | None = None
        self._id: str | None = None
        self.busy = False

    def open(self, scanned: str | None) -> bool:
        if self.queue is None:
            self.step, self.code = "unavailable", UNAVAILABLE
            return False
        self._id = ticket_id_from_qr(scanned or "")
        if self._id is None:
            self.step, self.code = "not_a_ticket", "ticket_not_found"
            return False
        self.step, self.code, self.busy = "loading", None, True
        return True

    def load(self) -> None:
        try:
            self.ticket = self.queue.ticket(self._id)
        except QueueError as exc:
            log.warning("my place: %s", exc.log_message)
            self.step = "not_found" if exc.code == "ticket_not_found" else "unavailable"
            self.code, self.busy = exc.code, False
            return
        self.step, self.busy = "shown", False

    def refresh(self) -> bool:
        if self.step != "shown" or self.busy:
            return False
        self.busy = True
        return True
