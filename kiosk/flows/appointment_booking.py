"""Make an appointment for a later day (预约), where the hall takes bookings at the kiosk: a line,
a day with free places, a time slot, then the booking and its confirmation slip.

Steps: loading -> categories -> days -> slots -> confirm -> booking -> booked, or
  identity_required   a booking is made for an identified citizen only
  unavailable         the queue system cannot be reached, or the hall takes no bookings here
  refused             the slot filled up meanwhile, or the citizen already has one for this line
One confirmation is one request key: a double tap or a retry after a lost answer books once.
"""
from __future__ import annotations

import datetime as dt
import logging
import uuid
from typing import Any, Callable

from kiosk.flows.queue_system import UNAVAILABLE, Appointment, Category, HallRules, QueueError, \
    QueueSystem, Slot
from kiosk.flows.queue_ticket import TicketPrinter, printer_blocked

log = logging.getLogger(__name__)

WEEKDAYS_ZH = "一二三四五六日"


class Booking:
    def __init__(self, queue: QueueSystem | None, session: Any, printer: TicketPrinter | None,
                 new_request_key: Callable[[], str] = lambda: uuid.uuid4().hex):
        self.queue, self.session, self.printer = queue, session, printer
        self._new_key = new_request_key
        self.step = "loading"
        self.code: str | None = None
        self.hall: HallRules | None = None
        self.categories: list[Category] = []
        self.chosen: Category | None = None
        self.days: list[tuple[dt.date, list[Slot]]] = []   # days with at least one free place
        self.day: dt.date | None = None
        self.slot: Slot | None = None
        self.request_key: str | None = None
        self.appointment: Appointment | None = None
        self.slip: str | None = None          # None / "printed" / a failure code
        self.busy = False

    def open(self) -> bool:
        if self.queue is None:
            self.step, self.code = "unavailable", UNAVAILABLE
            return False
        if self.session.identity is None:
            self.step, self.code = "identity_required", None
            return False
        self.step, self.code, self.busy = "loading", None, True
        return True

    def load(self) -> None:
        try:
            hall = self.queue.hall()
            _now, categories = self.queue.categories()
        except QueueError as exc:
            self._fail("unavailable", exc)
            return
        self.hall, self.categories, self.busy = hall, categories, False
        if hall.booking_days <= 0:
            self.step, self.code = "unavailable", "booking_not_offered"
            return
        self.step = "categories"

    def choose(self, code: str) -> bool:
        """A line chosen: True when the screen should run load_days() on a worker."""
        chosen = next((c for c in self.categories if c.code == code), None)
        if chosen is None or self.step != "categories":
            return False
        self.chosen, self.step, self.busy = chosen, "days", True
        return True

    def load_days(self) -> None:
        """Worker: the days from tomorrow on that the hall takes bookings for, each with its slots;
        days with no free place are left out."""
        today = self.hall.now.date()
        days = []
        try:
            for n in range(1, self.hall.booking_days + 1):
                day = today + dt.timedelta(days=n)
                slots = self.queue.slots(self.chosen.code, day)
                if any(s.free > 0 for s in slots):
                    days.append((day, slots))
        except QueueError as exc:
            self._fail("unavailable", exc)
            return
        self.days, self.busy = days, False

    def choose_day(self, day: dt.date) -> None:
        if any(d == day for d, _slots in self.days):
            self.day, self.step = day, "slots"

    @property
    def slots(self) -> list[Slot]:
        return next((slots for d, slots in self.days if d == self.day), [])

    def choose_slot(self, start: dt.datetime) -> None:
        slot = next((s for s in self.slots if s.start == start and s.free > 0), None)
        if slot is not None:
            self.slot, self.step, self.request_key = slot, "confirm", self._new_key()

    def back(self) -> None:
        """One step back: slot -> day -> line."""
        if self.step in ("confirm", "refused"):
            self.step, self.slot = "slots", None
        elif self.step == "slots":
            self.step, self.day = "days", None
        elif self.step == "days":
            self.step, self.chosen, self.days = "categories", None, []

    def book(self) -> bool:
        """The citizen confirmed. True: run do_book() on a worker; a second tap does nothing."""
        if self.step != "confirm":
            return False
        self.step, self.busy = "booking", True
        return True

    def do_book(self) -> None:
        """Worker: book (asked again once with the same key when the answer was lost), then the
        confirmation slip, when the receipt printer can print (the booking stands either way)."""
        identity = self.session.identity
        for attempt in (1, 2):
            try:
                self.appointment = self.queue.book(self.request_key, identity.id_number,
                                                   self.chosen.code, self.slot.start)
                break
            except QueueError as exc:
                if exc.code != UNAVAILABLE or attempt == 2:
                    self._fail("unavailable" if exc.code == UNAVAILABLE else "refused", exc)
                    return
        self.slip = self._print_slip()
        self.step, self.busy = "booked", False

    def _print_slip(self) -> str:
        from printing.ticket import BookingPrint, booking_slip
        blocked = printer_blocked(self.printer)
        if blocked is not None:
            return blocked
        a, hall = self.appointment, self.hall
        slip = BookingPrint(a.code, a.category_name, a.hall_name, day_text(a.start),
                            f"{a.start:%H:%M}-{a.end:%H:%M}",
                            f"请在预约时段开始前{hall.checkin_before_min}分钟至开始后"
                            f"{hall.checkin_after_min}分钟内签到",
                            a.code, hall.hotline)
        try:
            self.printer.print_receipt("booking-slip", a.code,
                                       lambda width, name, kiosk: booking_slip(
                                           slip, name, kiosk, width=width))
        except Exception as exc:          # the receipt printer's coded errors, anything else too
            code = getattr(exc, "code", None) or "receipt_printer"
            log.warning("booking slip not printed: %s", code)
            return code
        return "printed"

    def _fail(self, step: str, exc: QueueError) -> None:
        log.warning("booking: %s", exc.log_message)
        self.step, self.code, self.busy = step, exc.code, False


def day_text(when: dt.datetime | dt.date) -> str:
    """2026年12月3日（星期四）: how a day is written on paper."""
    return f"{when.year}年{when.month}月{when.day}日（星期{WEEKDAYS_ZH[when.weekday()]}）"
