"""Take a number (取号): choose a line of the hall, see who is waiting and how long it may take,
then commit; the hall's queue system issues the number and the kiosk prints it.

Steps: loading -> categories -> confirm -> issuing -> done, or one of
  unavailable   the queue system cannot be reached: nothing is issued here now (where to go instead)
  refused       the queue system said no (daily limit, identification needed, not entitled)
  print_failed  issued but not on paper: print once more, or cancel the number
  cancelled     the unprinted number was cancelled with the queue system
The citizen's taps are methods that change the step at once (UI thread); load(), issue(),
print_again() and cancel_number() are slow and run on a worker, each ending in a step to render.

Policy kept here: a line that needs identification is not issued without it (the screen sends the
citizen to identify and back); the priority line is offered for the hall's age from the card's
birth date, and for the groups the hall serves as a declaration; no number is asked for while the
receipt printer says it cannot print (a number nobody can hold would be lost); one commit is one
request key, so a double tap, a retry after a lost answer or "try again" can only ever give the
one number the queue system issued for it.
"""
from __future__ import annotations

import logging
import uuid
from typing import Any, Callable

from kiosk.flows.evaluation import RatingOffer
from kiosk.flows.queue_rules import GROUPS, age_priority
from kiosk.flows.queue_system import UNAVAILABLE, Category, HallRules, QueueError, QueueSystem, \
    Ticket
from kiosk.flows.queue_ticket import TicketDelivery, TicketPrinter, printer_blocked

log = logging.getLogger(__name__)

IDENTITY_REQUIRED = "queue_id_required"


def new_key() -> str:
    return uuid.uuid4().hex


class TakeNumber:
    def __init__(self, queue: QueueSystem | None, session: Any, printer: TicketPrinter | None,
                 new_request_key: Callable[[], str] = new_key):
        self.queue, self.session, self.printer = queue, session, printer
        self._new_key = new_request_key
        self.step = "loading"
        self.code: str | None = None          # why the current step is not the happy one
        self.hall: HallRules | None = None
        self.categories: list[Category] = []
        self.chosen: Category | None = None
        self.priority = "none"
        self.request_key: str | None = None
        self.ticket: Ticket | None = None
        self.delivery: TicketDelivery | None = None
        self.item_code = ""                   # the guide's item, when reached from a guide
        self._wanted: tuple[str | None, str | None] = (None, None)
        self.busy = False

    # ---- loading ---------------------------------------------------------------------------
    def open(self, category: str | None = None, department: str | None = None,
             item_code: str = "") -> bool:
        """Start (again). True when the screen should now run load() on a worker."""
        self.item_code = item_code
        self._wanted = (category, department)
        if self.queue is None:
            self.step, self.code = "unavailable", UNAVAILABLE
            return False
        self.step, self.code, self.busy = "loading", None, True
        return True

    def load(self) -> None:
        """Worker: the hall's rules and lines with people waiting; a line asked for (by code or
        by the department of a guide) goes straight to its confirmation."""
        try:
            hall = self.queue.hall()
            _now, categories = self.queue.categories()
        except QueueError as exc:
            self._fail("unavailable", exc)
            return
        self.hall, self.categories, self.busy = hall, categories, False
        self.step = "categories"
        code, department = self._wanted
        wanted = next((c for c in categories if c.code == code), None) or \
            self.category_for(department)
        if wanted is not None:
            self.choose(wanted.code)

    def category_for(self, department: str | None) -> Category | None:
        """The line that serves a catalog department (a guide's "take a number for this")."""
        if not department:
            return None
        return next((c for c in self.categories if department in c.departments), None)

    # ---- choosing --------------------------------------------------------------------------
    def choose(self, code: str) -> None:
        chosen = next((c for c in self.categories if c.code == code), None)
        if chosen is None:
            raise QueueError("queue_rejected", f"no line {code!r}")
        self.chosen, self.step, self.code = chosen, "confirm", None
        self.request_key = self._new_key()     # one commit, one key
        self.priority = "age" if self.age_priority else "none"

    def back_to_categories(self) -> None:
        if self.step in ("confirm", "refused"):
            self.step, self.chosen, self.code, self.request_key = "categories", None, None, None

    @property
    def age_priority(self) -> bool:
        hall = self.hall
        return hall is not None and age_priority(self.session.identity, hall.now.date(),
                                                 hall.priority_age)

    @property
    def priority_groups(self) -> tuple[str, ...]:
        """The groups the hall serves in its priority line, declared by the citizen."""
        return tuple(g for g in (self.hall.priority_groups if self.hall else ()) if g in GROUPS)

    def set_priority(self, priority: str) -> None:
        allowed = ("none",) + (("age",) if self.age_priority else ()) + self.priority_groups
        if priority not in allowed:
            raise QueueError("queue_not_entitled", f"priority {priority!r} not offered")
        self.priority = priority

    @property
    def needs_identity(self) -> bool:
        return bool(self.chosen and self.chosen.id_required and self.session.identity is None)

    def why_not(self) -> str | None:
        """None when the number may be taken now, else the code of what stands in the way."""
        if self.chosen is None:
            return "queue_rejected"
        if self.needs_identity:
            return IDENTITY_REQUIRED
        return printer_blocked(self.printer)

    # ---- issuing ---------------------------------------------------------------------------
    def take(self) -> bool:
        """The citizen pressed "Take a number". True when the screen should now run issue() on a
        worker; a second tap while that runs (or after) does nothing."""
        if self.step not in ("confirm", "unavailable") or self.request_key is None:
            return False
        if self.step == "unavailable" and self.chosen is None:
            return False
        code = self.why_not()
        if code is not None:
            self.code = code
            return False
        self.step, self.code, self.busy = "issuing", None, True
        return True

    def issue(self) -> None:
        """Worker: the queue system issues the number (asked again once with the same key when the
        answer was lost), then it is printed."""
        identity = self.session.identity
        # the ID number goes to the queue system only where the line or the priority needs it
        needed = self.chosen.id_required or self.chosen.daily_limit > 0 or self.priority == "age"
        id_number = identity.id_number if identity is not None and needed else None
        ticket = None
        for attempt in (1, 2):
            try:
                ticket = self.queue.issue(self.request_key, self.chosen.code, id_number,
                                          self.priority)
                break
            except QueueError as exc:
                if exc.code != UNAVAILABLE or attempt == 2:
                    self._fail("unavailable" if exc.code == UNAVAILABLE else "refused", exc)
                    return
        self.ticket = ticket
        self.delivery = TicketDelivery(self.printer, self.hall.hotline if self.hall else "")
        self._print()

    def _print(self) -> None:
        printed = self.delivery.print(self.ticket)
        self.step = "done" if printed else "print_failed"
        self.code = None if printed else self.delivery.outcome
        self.busy = False

    def reprint(self) -> bool:
        """The citizen asked for the unprinted number once more. True: run print_again()."""
        if self.step != "print_failed" or not self.delivery.can_reprint:
            return False
        self.busy = True
        return True

    def print_again(self) -> None:
        self._print()

    @property
    def must_cancel(self) -> bool:
        """An issued number that is not on paper: cancelled when the citizen gives it up."""
        return self.step == "print_failed" and self.ticket is not None

    def give_up(self) -> bool:
        """The citizen gave up the unprinted number. True: run cancel_number() on a worker."""
        if not self.must_cancel or self.busy:
            return False
        self.busy = True
        return True

    def cancel_number(self) -> None:
        """Worker: cancel the unprinted number with the queue system. If that cannot be done the
        number stays valid and the screen shows it (it is never silently lost)."""
        if not self.must_cancel:
            self.busy = False
            return
        try:
            self.queue.cancel(self.ticket.ticket_id)
        except QueueError as exc:
            log.warning("unprinted ticket not cancelled: %s", exc.code)
            self.step, self.code, self.busy = "print_failed", "queue_cancel_failed", False
            return
        self.step, self.code, self.busy = "cancelled", None, False

    def _fail(self, step: str, exc: QueueError) -> None:
        log.warning("take a number: %s", exc.log_message)
        self.step, self.code, self.busy = step, exc.code, False

    # ---- afterwards ------------------------------------------------------------------------
    @property
    def next_step(self) -> RatingOffer | None:
        """After a printed ticket the rating is offered (the guide's item, else the kiosk's own
        service)."""
        if self.step != "done":
            return None
        return RatingOffer(self.item_code, then="end_session")
