"""Walkthrough states of taking a number and checking in: the lines with their waits, a line
chosen, the ticket issued and printed (then the rating offered), the priority line offered to a
70-year-old, a line that needs the ID card, paper out after the number was issued (given up and
cancelled with the queue system), the queue system down, today's appointments (due, early,
missed, another hall) and a check-in, early and late appointments by their QR code, booking a
later day (its slots, then booked with its slip), "my place" by the ticket's QR code, and large
text in the other language.

The embedded platform's queue clock is set to 10:00 in the hall, so the demo appointments (made
relative to that moment) fall the same way whatever time the walkthrough runs."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton

from kiosk.session import Identity
from walkthrough.walker import step, tr

OLD = Identity("idcard", "王测试", "990102195007040014", {})        # born 1950: priority line
PERSON = Identity("idcard", "林示例", "990101198805160026", {})
CONTEXT = "QueueTakeScreen"
CHECKIN = "AppointmentCheckinScreen"
BOOKING = "AppointmentBookingScreen"
QUEUE_DOWN = ("Numbers cannot be issued at this kiosk right now. Please get a number at the "
              "service desk near the entrance.")
CHECKIN_PASSED = ("The check-in time for this appointment has passed. Please take a number "
                  "instead.")


def _admin(w):
    return w.ctx.embedded_platform.admin


def tap(widget, english: str, context: str = CONTEXT) -> None:
    QCoreApplication.processEvents()
    text = QCoreApplication.translate(context, english)
    matches = [b for b in widget.findChildren(QPushButton) if b.isVisible()
               and (b.text() == text or b.text().endswith(" " + text))]
    assert matches, f"no button {text!r} on {getattr(widget, 'name', widget)}"
    matches[0].click()


def _screen(w, name: str = "queue_take"):
    screen = w.shell.current()
    assert screen.name == name, screen.name
    return screen


def _settled(w, name: str = "queue_take"):
    screen = _screen(w, name)
    w.wait_for(lambda: not screen.flow.busy, 15000)
    w.settle(250)
    return screen.flow


def _take(w, identity=None, **params):
    w.nav.end_session()
    w.ctx.session.identity = identity
    w.nav.go("queue_take", **params)
    return _settled(w)


@step(630, "queue-categories", expect=(tr(CONTEXT, "Choose what you have come for"),
                                           tr(CONTEXT, "I have an appointment")))
def categories(w) -> None:
    hall_day = _admin(w).call("/api/v1/admin/queue/clock", {"offset_s": 0})["now"][:10]
    _admin(w).call("/api/v1/admin/queue/clock", {"at": f"{hall_day}T10:00:00+08:00"})
    flow = _take(w)
    assert flow.step == "categories" and len(flow.categories) >= 6, flow.step
    assert any(c.waiting for c in flow.categories)


@step(632, "queue-line-chosen", expect=(tr(CONTEXT, "Priority line (绿色通道)"),))
def chosen(w) -> None:
    screen = _screen(w)
    screen._choose("B")
    w.settle(200)
    assert screen.flow.step == "confirm" and screen.flow.why_not() is None


@step(634, "queue-ticket-printed", expect=(tr(CONTEXT, "Your number"),))
def printed(w) -> None:
    screen = _screen(w)
    printer = w.ctx.services.printing.virtual_receipt_printer
    before = len(printer.receipts)         # earlier areas printed on it too
    tap(screen, "Take a number")
    flow = _settled(w)
    assert flow.step == "done", (flow.step, flow.code)
    paper = printer.wait_receipts(before + 1)[-1]
    assert flow.ticket.number in paper.text and paper.qr_payloads == [flow.ticket.follow_url]


@step(636, "queue-rating-offered")
def rating(w) -> None:
    tap(_screen(w), "Finish")
    w.settle(300)
    assert w.shell.current().name == "evaluation"


@step(638, "queue-priority-offered", expect=(tr(CONTEXT, "Take a number"),))
def priority(w) -> None:
    flow = _take(w, OLD, category="A")
    assert flow.step == "confirm" and flow.priority == "age"


@step(640, "queue-id-card-needed", expect=(tr(CONTEXT, "Identify"),))
def id_needed(w) -> None:
    flow = _take(w, None, category="C")
    assert flow.step == "confirm" and flow.needs_identity


@step(642, "queue-paper-out-after-issue", expect=(tr(CONTEXT, "The ticket was not printed"),))
def paper_out(w) -> None:
    flow = _take(w, None, category="D")
    printer = w.ctx.services.printing.virtual_receipt_printer
    printer.paper = "out"          # runs out after the kiosk last saw it ready
    try:
        tap(_screen(w), "Take a number")
        flow = _settled(w)
    finally:
        printer.paper = "ok"
    assert flow.step == "print_failed" and flow.ticket is not None, flow.step


@step(644, "queue-number-given-up", expect=(tr(CONTEXT, "Number given up"),))
def given_up(w) -> None:
    screen = _screen(w)
    ticket = screen.flow.ticket
    tap(screen, "Give up this number")
    flow = _settled(w)
    assert flow.step == "cancelled", (flow.step, flow.code)
    client = w.ctx.platform.client
    assert client.send("GET", f"/api/v1/queue/tickets/{ticket.ticket_id}").json()[
        "status"] == "cancelled"
    w.ctx.services.printing.receipts.printer.poll()


@step(646, "queue-system-down", expect=(tr("Messages", QUEUE_DOWN),))
def down(w) -> None:
    _admin(w).call("/api/v1/admin/queue/system", {"down": True})
    try:
        flow = _take(w)
    finally:
        _admin(w).call("/api/v1/admin/queue/system", {"down": False})
    assert (flow.step, flow.code) == ("unavailable", "queue_unavailable")


def _checkin(w, identity=None, **params):
    w.nav.end_session()
    w.ctx.session.identity = identity
    w.nav.go("appointment_checkin", **params)
    return _settled(w, "appointment_checkin")


@step(650, "queue-checkin-todays-appointments",
      expect=(tr(CHECKIN, "You can check in now."), tr(CHECKIN, "Check in")))
def appointments(w) -> None:
    flow = _checkin(w, PERSON)
    states = sorted(e.state.state for e in flow.listed)
    assert states == ["open", "other_hall", "too_early", "too_late"], states


@step(652, "queue-checkin-on-time", expect=(tr(CHECKIN, "You are checked in"),))
def on_time(w) -> None:
    screen = _screen(w, "appointment_checkin")
    due = next(e for e in screen.flow.listed if e.state.allowed)
    screen._check_in(due.appointment.code)
    flow = _settled(w, "appointment_checkin")
    assert flow.step == "done" and flow.ticket.kind == "appointment", (flow.step, flow.code)


def _code(w, state: str) -> str:
    client = w.ctx.platform.client
    listing = client.send("POST", "/api/v1/queue/appointments/query",
                          json={"id_number": PERSON.id_number}).json()["appointments"]
    wanted = {"early": "B", "late": "E"}[state]
    return "https://yuyue.shifan.example/a/" + next(a["code"] for a in listing
                                                    if a["category"] == wanted)


@step(654, "queue-checkin-early-by-qr-code")
def early(w) -> None:
    flow = _checkin(w, None, code=_code(w, "early"))
    assert [e.state.state for e in flow.listed] == ["too_early"]


@step(656, "queue-checkin-late-by-qr-code",
      expect=(tr("Messages", CHECKIN_PASSED),))
def late(w) -> None:
    flow = _checkin(w, None, code=_code(w, "late"))
    assert [e.state.state for e in flow.listed] == ["too_late"]


@step(658, "queue-booking-slots", expect=(tr(BOOKING, "Choose a time."),))
def booking_slots(w) -> None:
    w.nav.end_session()
    w.ctx.session.identity = PERSON
    w.nav.go("appointment_booking")
    flow = _settled(w, "appointment_booking")
    assert flow.step == "categories", (flow.step, flow.code)
    screen = _screen(w, "appointment_booking")
    screen._choose("F")
    flow = _settled(w, "appointment_booking")
    screen._day(flow.days[0][0])
    w.settle(200)
    assert flow.step == "slots" and flow.slots


@step(659, "queue-booking-booked", expect=(tr(BOOKING, "Your appointment is booked"),))
def booking_booked(w) -> None:
    screen = _screen(w, "appointment_booking")
    screen._slot(screen.flow.slots[1].start)
    screen._book()
    flow = _settled(w, "appointment_booking")
    assert flow.step == "booked" and flow.slip == "printed", (flow.step, flow.slip)


@step(660, "queue-my-place-by-ticket-qr")
def my_place(w) -> None:
    flow = _take(w, None, category="G")
    tap(_screen(w), "Take a number")
    flow = _settled(w)
    url = flow.ticket.follow_url
    w.nav.end_session()
    w.nav.go("queue_place", code=url)
    place = _settled(w, "queue_place")
    assert place.step == "shown" and place.ticket.status == "waiting", (place.step, flow.step)


@step(662, "queue-large-text-other-language")
def large_text(w) -> None:
    from kiosk import i18n
    before = i18n.current_language()
    _take(w, OLD, category="A")
    w.shell.toggle_elderly()
    w.shell.toggle_language()
    w.settle(300)
    assert w.ctx.session.elderly_mode and i18n.current_language() != before


@step(664, "queue-finished-back-to-normal")
def back_to_normal(w) -> None:
    w.nav.end_session()
    _admin(w).call("/api/v1/admin/queue/clock", {"offset_s": 0})
