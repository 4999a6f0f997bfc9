"""Check in to an appointment (预约签到): find today's appointments (by the identified citizen, or by
the code on an appointment's QR), see for each whether it can be checked in now, check in, and
get the appointment line's number on paper.

Steps: start -> loading -> list -> checking_in -> done, or
  unavailable   the queue system cannot be reached
  not_found     no appointment behind the scanned code
  refused       the queue system refused the check-in (its reason, e.g. too early)
  print_failed  checked in, the ticket not on paper: print once more; the number stays on screen
Each appointment in the list carries its CheckinState (kiosk.flows.queue_rules), judged on the queue
system's clock: open, too early (come back at ...), too late / a past day (take a number
instead), a later day, another hall. The queue system judges again when checking in.
"""
from __future__ import annotations

import logging
import re
import uuid
from dataclasses import dataclass
from typing import Any, Callable

from kiosk.flows.evaluation import RatingOffer
from kiosk.flows.queue_rules import CheckinState, checkin_state
from kiosk.flows.queue_system import UNAVAILABLE, Appointment, HallRules, QueueError, \
    QueueSystem, Ticket
from kiosk.flows.queue_ticket import TicketDelivery, TicketPrinter

log = logging.getLogger(__name__)

CODE = re.compile(r"\bY[0-9A-Z]{11}\b")


def code_from_qr(text: str) -> str | None:
    """The appointment code in what an appointment QR carries (the code alone, or the hall's
    appointment page https://.../a/<code>); None for anything else."""
    found = CODE.search((text or "").strip().upper())
    return found.group(0) if found else None


@dataclass(frozen=True)
class Listed:
    appointment: Appointment
    state: CheckinState


class CheckIn:
    def __init__(self, queue: QueueSystem | None, session: Any, printer: TicketPrinter | None,
                 new_request_key: Callable[[], str] = lambda: uuid.uuid4().hex):
        self.queue, self.session, self.printer = queue, session, printer
        self._new_key = new_request_key
        self.step = "start"
        self.code: str | None = None
        self.hall: HallRules | None = None
        self.listed: list[Listed] = []
        self.chosen: Listed | None = None
        self.ticket: Ticket | None = None
        self.delivery: TicketDelivery | None = None
        self.refusal: dict[str, Any] = {}
        self._scanned: str | None = None
        self._keys: dict[str, str] = {}        # appointment code -> its one check-in key
        self.cancelled: Appointment | None = None   # the one just cancelled (said once)
        self.busy = False

    @property
    def identified(self) -> bool:
        return self.session.identity is not None

    # ---- finding the appointments -----------------------------------------------------------
    def open(self, scanned: str | None = None) -> bool:
        """Start with a scanned QR text or the identified citizen. True when the screen should now
        run load() on a worker; False leaves the start step (identify or scan) or a code."""
        self.listed, self.chosen, self.ticket, self.refusal = [], None, None, {}
        if self.queue is None:
            self.step, self.code = "unavailable", UNAVAILABLE
            return False
        if scanned is not None:
            self._scanned = code_from_qr(scanned)
            if self._scanned is None:
                self.step, self.code = "not_found", "appointment_not_found"
                return False
        elif not self.identified:
            self.step, self.code = "start", None
            return False
        self.step, self.code, self.busy = "loading", None, True
        return True

    def load(self) -> None:
        """Worker: the hall's rules and the appointments (the scanned one, or the citizen's from
        today on), each with whether it can be checked in now."""
        try:
            self.hall = self.queue.hall()
            if self._scanned is not None:
                found, now = [self.queue.appointment(self._scanned)], self.hall.now
            else:
                now, found = self.queue.appointments(self.session.identity.id_number)
        except QueueError as exc:
            step = "not_found" if exc.code == "appointment_not_found" else "unavailable"
            self._fail(step, exc)
            return
        hall = self.hall
        self.listed = [Listed(a, checkin_state(a, now, hall.hall_id, hall.checkin_before_min,
                                               hall.checkin_after_min)) for a in found]
        self.step, self.busy = "list", False
        openable = [entry for entry in self.listed if entry.state.allowed]
        if len(self.listed) == 1 and openable:
            self.chosen = openable[0]

    # ---- checking in -----------------------------------------------------------------------
    def start_checkin(self, code: str) -> bool:
        """The citizen pressed "Check in" on one appointment. True: run check_in() on a worker."""
        if self.step != "list":
            return False
        entry = next((e for e in self.listed if e.appointment.code == code), None)
        if entry is None or not entry.state.allowed:
            return False
        self.chosen, self.step, self.busy = entry, "checking_in", True
        self._keys.setdefault(code, self._new_key())
        return True

    def check_in(self) -> None:
        """Worker: check in with the queue system (asked again once with the same key when the
        answer was lost), then print the appointment line's ticket."""
        appointment = self.chosen.appointment
        for attempt in (1, 2):
            try:
                ticket = self.queue.check_in(appointment.code, self._keys[appointment.code])
                break
            except QueueError as exc:
                if exc.code != UNAVAILABLE or attempt == 2:
                    self.refusal = exc.extra
                    self._fail("unavailable" if exc.code == UNAVAILABLE else "refused", exc)
                    return
        self.ticket = ticket
        slot = f"{appointment.start:%H:%M}-{appointment.end:%H:%M}"
        self.delivery = TicketDelivery(self.printer, self.hall.hotline, slot)
        self._print()

    def _print(self) -> None:
        printed = self.delivery.print(self.ticket)
        self.step = "done" if printed else "print_failed"
        self.code = None if printed else self.delivery.outcome
        self.busy = False

    def reprint(self) -> bool:
        if self.step != "print_failed" or not self.delivery.can_reprint:
            return False
        self.busy = True
        return True

    def print_again(self) -> None:
        self._print()

    # ---- cancelling one's own appointment ------------------------------------------------------
    def can_cancel(self, entry: Listed) -> bool:
        """An identified citizen may cancel a booked appointment that has not begun."""
        return (self.identified and entry.appointment.status == "booked"
                and entry.state.state in ("too_early", "later_day"))

    def start_cancel(self, code: str) -> bool:
        """The citizen cancels one appointment. True: run cancel() on a worker."""
        entry = next((e for e in self.listed if e.appointment.code == code), None)
        if self.step != "list" or entry is None or not self.can_cancel(entry):
            return False
        self.chosen, self.busy = entry, True
        return True

    def cancel(self) -> None:
        """Worker: cancel with the queue system, then list the appointments again."""
        try:
            self.queue.cancel_appointment(self.chosen.appointment.code,
                                          self.session.identity.id_number)
        except QueueError as exc:
            self._fail("unavailable" if exc.code == UNAVAILABLE else "refused", exc)
            return
        self.cancelled = self.chosen.appointment
        self.chosen = None
        self.load()

    def back_to_list(self) -> None:
        if self.step in ("refused", "list"):
            self.step, self.code, self.refusal = "list", None, {}

    def _fail(self, step: str, exc: QueueError) -> None:
        log.warning("appointment check-in: %s", exc.log_message)
        self.step, self.code, self.busy = step, exc.code, False

    @property
    def next_step(self) -> RatingOffer | None:
        if self.step != "done":
            return None
        return RatingOffer("", then="end_session")
