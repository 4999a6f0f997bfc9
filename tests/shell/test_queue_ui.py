"""Take a number and appointment check-in in the real shell (offscreen) against the reference
platform, with tickets printed into the virtual ESC/POS printer. Driven as a person would:
buttons found by what they say, labels read."""
from __future__ import annotations

from functools import partial
from types import SimpleNamespace

import pytest

import touch
from devices.receipt.errors import NotReady
from devices.virtual.escpos_printer import Parser, VirtualEscposPrinter
from kiosk.session import Identity
from touch import button_texts, shown

OLD = Identity("idcard", "王测试", "990102195007040014", {})
PERSON = Identity("idcard", "林示例", "990101198805160026", {})
tr = touch.translator("QueueTakeScreen")
tr_in = touch.translator("AppointmentCheckinScreen")
tap = partial(touch.tap, timeout=5000)


class TicketPrinter:
    """The receipt service as the screens reach it, printing into the virtual ESC/POS printer;
    `fail` makes the next prints fail as a printer that ran out of paper does."""

    def __init__(self):
        self.sink = VirtualEscposPrinter()
        self.fail = 0
        self.status = SimpleNamespace(state="ready")

    def available(self):
        return True

    def print_receipt(self, kind, ref, build):
        if self.fail:
            self.fail -= 1
            raise NotReady("paper out", "receipt_paper_out")
        Parser(self.sink).feed(build(48, "示范市政务服务中心", "K-1"))
        return {"result": "completed"}


@pytest.fixture
def printer():
    return TicketPrinter()


@pytest.fixture
def platform_ctx(platform, make_ctx, printer):
    from kiosk.wiring.platform import open_link
    ctx = make_ctx()
    ctx.platform_url = platform.url
    ctx.embedded_platform = platform
    ctx.platform = open_link(ctx.config, platform.url, demo=True,
                             enroll_token=platform.demo_enrollment_token)
    ctx.on_shutdown(ctx.platform.close)
    ctx.services.printing = SimpleNamespace(receipts=printer)
    platform.admin.call("/api/v1/admin/queue/clock", {"at": "2026-06-02T10:00:00+08:00"})
    return ctx


@pytest.fixture
def shell(platform_ctx, show_shell):
    return show_shell(platform_ctx)


def test_from_the_home_tile_to_a_printed_ticket_and_the_rating(shell, printer, qtbot):
    tap(qtbot, shell.current(), touch.tr("Take a number", "HomeScreen"))
    screen = shell.current()
    assert screen.name == "queue_take"
    touch.reads(qtbot, screen, "户政业务")
    assert tr("Waiting: %n", n=12) in shown(screen)               # people waiting, before any tap
    tap(qtbot, screen, "社保医保")
    touch.reads(qtbot, screen, tr("Windows: %1").replace("%1", "B1、B2、B3、B4"))
    tap(qtbot, screen, tr("Take a number"))
    touch.reads(qtbot, screen, tr("Your number"))
    [paper] = printer.sink.receipts
    number = screen.flow.ticket.number
    assert number in shown(screen) and number in paper.text
    assert paper.qr_payloads == [screen.flow.ticket.follow_url]
    tap(qtbot, screen, tr("Finish"))
    assert shell.current().name == "evaluation"


def test_a_seventy_year_old_is_offered_the_priority_line(shell, platform_ctx, printer, qtbot):
    platform_ctx.session.identity = OLD
    shell.go("queue_take", category="A")
    screen = shell.current()
    touch.reads(qtbot, screen, tr("You are %1 or older: your number will be in the priority "
                                  "line.").replace("%1", "70"))
    tap(qtbot, screen, tr("Take a number"))
    touch.reads(qtbot, screen, tr("Your number"))
    assert "绿色通道（70岁及以上老年人）" in printer.sink.receipts[0].text


def test_a_line_that_needs_the_id_card_asks_for_it(shell, qtbot):
    shell.go("queue_take", category="C")
    screen = shell.current()
    touch.reads(qtbot, screen, touch.tr("This line needs you to identify yourself first, with "
                                        "your ID card or social security card.", "Messages"))
    assert tr("Take a number") not in button_texts(screen)
    tap(qtbot, screen, tr("Identify"))
    assert shell.current().name in ("identify", "identify_idcard")


def test_paper_out_after_the_number_was_issued(shell, platform, printer, qtbot):
    printer.fail = 2
    shell.go("queue_take", category="D")
    screen = shell.current()
    tap(qtbot, screen, tr("Take a number"))
    touch.reads(qtbot, screen, tr("The ticket was not printed"))
    ticket = screen.flow.ticket
    tap(qtbot, screen, tr("Print again"))
    touch.reads(qtbot, screen, tr("The number cannot be printed here, so it will be cancelled. "
                                  "Please get a number at the service desk near the entrance."))
    assert tr("Print again") not in button_texts(screen)          # once more, not twice
    tap(qtbot, screen, tr("Give up this number"))
    touch.reads(qtbot, screen, tr("Number given up"))
    # the line had nobody else: the given-up number is not there to be called
    import requests
    called = requests.post(platform.url + "/api/v1/admin/queue/call", json={"category": "D"},
                           headers=platform.admin_headers, timeout=5)
    assert (called.status_code, called.json()["error"]) == (409, "nobody_waiting")
    assert ticket.number.startswith("D")


def test_the_queue_system_down_says_where_to_go(shell, platform, qtbot):
    platform.admin.call("/api/v1/admin/queue/system", {"down": True})
    shell.go("queue_take")
    screen = shell.current()
    touch.reads(qtbot, screen, touch.tr("Numbers cannot be issued at this kiosk right now. Please "
                                        "get a number at the service desk near the entrance.",
                                        "Messages"))
    assert tr("Take a number") not in button_texts(screen)


def test_check_in_lists_todays_appointments_and_checks_in_the_due_one(shell, platform_ctx,
                                                                       printer, qtbot):
    platform_ctx.session.identity = PERSON
    shell.go("queue_take")
    tap(qtbot, shell.current(), tr("I have an appointment"))
    screen = shell.current()
    assert screen.name == "appointment_checkin"
    touch.reads(qtbot, screen, tr_in("You can check in now."))
    text = shown(screen)
    for said in (touch.tr("The check-in time for this appointment has passed. Please take a "
                          "number instead.", "Messages"),
                 touch.tr("This appointment is at another service hall. Please check in there.",
                          "Messages"),
                 tr_in("Please come back from %1.").replace("%1", "12:30")):
        assert said in text, said
    tap(qtbot, screen, "户政业务")
    touch.reads(qtbot, screen, tr_in("You are checked in"))
    assert "预约签到凭条" in printer.sink.receipts[0].text


def test_without_identity_check_in_offers_identify_or_scan(shell, qtbot):
    shell.go("appointment_checkin")
    screen = shell.current()
    assert {tr_in("Identify"), tr_in("Scan the appointment code")} <= set(button_texts(screen))


tr_book = touch.translator("AppointmentBookingScreen")


def test_booking_a_later_day_from_the_lines(shell, platform_ctx, printer, qtbot):
    platform_ctx.session.identity = PERSON
    shell.go("queue_take")
    tap(qtbot, shell.current(), tr("Book for another day"))
    screen = shell.current()
    assert screen.name == "appointment_booking"
    tap(qtbot, screen, "税务")
    # the queue clock is a Tuesday: Wednesday 3 June is the first day with free places
    day = tr_book("%1/%2 (%3)").replace("%1", "6").replace("%2", "3").replace(
        "%3", tr_book("Wed"))
    qtbot.waitUntil(lambda: any(text.startswith(day) for text in button_texts(screen)),
                    timeout=8000)
    next(b for b in touch.buttons(screen) if b.text().startswith(day)).click()
    touch.reads(qtbot, screen, tr_book("Choose a time."))
    next(b for b in touch.buttons(screen) if b.text().startswith("09:30-10:00")).click()
    tap(qtbot, screen, tr_book("Book this time"))
    touch.reads(qtbot, screen, tr_book("Your appointment is booked"))
    code = screen.flow.appointment.code
    assert tr_book("Appointment code: %1").replace("%1", code) in shown(screen)
    [slip] = printer.sink.receipts
    assert "预约凭条" in slip.text and slip.qr_payloads == [code]


def test_booking_asks_who_first(shell, qtbot):
    shell.go("appointment_booking")
    screen = shell.current()
    touch.reads(qtbot, screen, tr_book("An appointment is made in your name: please identify "
                                       "yourself first."))
    assert tr_book("Identify") in button_texts(screen)


def test_where_am_i_in_the_queue_by_the_tickets_code(shell, platform, printer, qtbot):
    shell.go("queue_take", category="B")
    tap(qtbot, shell.current(), tr("Take a number"))
    touch.reads(qtbot, shell.current(), tr("Your number"))
    ticket = shell.current().flow.ticket
    shell.go("queue_place", code=ticket.follow_url)     # what the QR scan hands on
    screen = shell.current()
    tr_place = touch.translator("QueuePlaceScreen")
    touch.reads(qtbot, screen, ticket.number)
    assert tr_place("People ahead of you: %1. About %2 minutes.").replace(
        "%1", str(ticket.ahead)).replace("%2", str(ticket.est_wait_min)) in shown(screen)
    for _ in range(ticket.ahead + 1):
        platform.admin.call("/api/v1/admin/queue/call", {"category": "B"})
    tap(qtbot, screen, tr_place("Refresh"))
    touch.reads(qtbot, screen, tr_place("Your number has been called: please go to window "
                                        "%1.").replace("%1", "B1"))


def test_walking_away_from_an_unprinted_number_cancels_it(shell, platform_ctx, printer, qtbot):
    printer.fail = 1
    shell.go("queue_take", category="E")
    screen = shell.current()
    tap(qtbot, screen, tr("Take a number"))
    touch.reads(qtbot, screen, tr("The ticket was not printed"))
    ticket = screen.flow.ticket
    shell.end_session()                    # the citizen left; the idle timeout does the same
    client = platform_ctx.platform.client

    def status() -> str:
        return client.send("GET", f"/api/v1/queue/tickets/{ticket.ticket_id}").json()["status"]
    qtbot.waitUntil(lambda: status() == "cancelled", timeout=5000)
