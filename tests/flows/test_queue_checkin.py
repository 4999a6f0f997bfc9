"""Appointment check-in without Qt: the check-in window at its edges, each reason an appointment
cannot be checked in now, the scanned code, the lost answer, and the whole way against the
reference platform."""
from __future__ import annotations

import datetime as dt

import pytest

from devices.receipt.errors import NotReady
from kiosk.flows.appointment_checkin import CheckIn, code_from_qr
from kiosk.flows.queue_rules import (CHECKED_IN, LATER_DAY, OPEN, OTHER_HALL, PAST_DAY,
                                     TOO_EARLY, TOO_LATE, age_on, checkin_state)
from kiosk.flows.queue_system import Appointment, QueueError, QueueSystem, Ticket
from kiosk.session import Identity, Session
from local_modules import local_module

_take = local_module(__file__, "test_queue_take")    # its stand-ins for the hall and printer
NOW, Printer, hall = _take.NOW, _take.Printer, _take.hall

TZ = NOW.tzinfo
START = dt.datetime(2026, 12, 1, 10, 0, tzinfo=TZ)


def appointment(start=START, hall_id="H1", status="booked", code="Y000000000A1",
                category="A") -> Appointment:
    return Appointment(code, category, "户政业务", hall_id, "示范市政务服务中心", start,
                       start + dt.timedelta(minutes=30), status)


def state_at(minutes: float, **kw) -> str:
    now = START + dt.timedelta(minutes=minutes)
    return checkin_state(appointment(**kw), now, "H1", 30, 15).state


@pytest.mark.parametrize("minutes,expected", [
    (-30.01, TOO_EARLY), (-30, OPEN), (0, OPEN), (15, OPEN), (15.01, TOO_LATE), (-300, TOO_EARLY)])
def test_the_check_in_window_edges(minutes, expected):
    assert state_at(minutes) == expected


def test_other_days_halls_and_states():
    assert state_at(0, start=START + dt.timedelta(days=1)) == LATER_DAY
    assert state_at(0, start=START - dt.timedelta(days=1)) == PAST_DAY
    assert state_at(0, hall_id="H2") == OTHER_HALL
    assert state_at(0, status="checked_in") == CHECKED_IN
    early = checkin_state(appointment(), START - dt.timedelta(hours=2), "H1", 30, 15)
    assert early.opens_at == START - dt.timedelta(minutes=30)


def test_the_day_is_the_halls_day_not_utc():
    # 07:30 in the hall is 23:30 UTC of the day before: still the same day in the hall
    early_morning = dt.datetime(2026, 12, 1, 7, 30, tzinfo=TZ)
    now_utc = dt.datetime(2026, 11, 30, 23, 30, tzinfo=dt.timezone.utc).astimezone(TZ)
    assert checkin_state(appointment(early_morning), now_utc, "H1", 30, 15).state == OPEN


def test_age_on_leap_day_birthdays():
    assert age_on(dt.date(1956, 2, 29), dt.date(2026, 2, 28)) == 69
    assert age_on(dt.date(1956, 2, 29), dt.date(2026, 3, 1)) == 70


@pytest.mark.parametrize("text,code", [
    ("Y25EFBBC36E7", "Y25EFBBC36E7"), ("https://yuyue.shifan.example/a/Y25EFBBC36E7",
                                       "Y25EFBBC36E7"),
    ("y25efbbc36e7", "Y25EFBBC36E7"), ("https://zwfw.example/bszn/11990100", None), ("", None)])
def test_the_code_in_an_appointment_qr(text, code):
    assert code_from_qr(text) == code


class Queue:
    def __init__(self, appointments, refuse=None, fail=()):
        self.rules = hall()
        self.appointments_, self.refuse, self.fail = appointments, refuse, list(fail)
        self.checkins: list[tuple[str, str]] = []

    def hall(self):
        return self.rules

    def appointments(self, id_number):
        return self.rules.now, list(self.appointments_)

    def appointment(self, code):
        found = [a for a in self.appointments_ if a.code == code]
        if not found:
            raise QueueError("appointment_not_found")
        return found[0]

    def check_in(self, code, key):
        self.checkins.append((code, key))
        if self.fail:
            raise self.fail.pop(0)
        if self.refuse:
            raise QueueError(f"checkin_{self.refuse}", extra={"opens_at": "2026-12-01T09:30:00"})
        return Ticket("a" * 32, "AY001", "A", "户政业务", ("A1",), "appointment", "none", "waiting",
                      0, 0, NOW, "https://queue.example/t/" + "a" * 32)


def paper_text(data: bytes) -> str:
    from devices.virtual.escpos_printer import Parser, VirtualEscposPrinter
    sink = VirtualEscposPrinter()
    Parser(sink).feed(data)
    return sink.receipts[0].text


def identified() -> Session:
    session = Session()
    session.identity = Identity("idcard", "林示例", "990101198805160026", {})
    return session


def test_todays_appointments_each_with_what_can_be_done():
    due = appointment(START + dt.timedelta(minutes=10), code="Y000000000A1")
    early = appointment(START + dt.timedelta(hours=3), code="Y000000000B2", category="B")
    missed = appointment(START - dt.timedelta(hours=2), code="Y000000000E3", category="E")
    printer = Printer()
    flow = CheckIn(Queue([missed, due, early]), identified(), printer)
    assert flow.open() and (flow.load() or True)
    assert [e.state.state for e in flow.listed] == [TOO_LATE, OPEN, TOO_EARLY]
    assert flow.start_checkin("Y000000000B2") is False        # not in its window
    assert flow.start_checkin("Y000000000A1") and flow.start_checkin("Y000000000A1") is False
    flow.check_in()
    assert flow.step == "done" and flow.ticket.number == "AY001"
    assert "预约时段：10:10-10:40" in paper_text(printer.printed[0][2])


def test_without_identity_or_code_the_flow_asks_for_one():
    flow = CheckIn(Queue([]), Session(), Printer())
    assert flow.open() is False and flow.step == "start"


def test_a_scanned_code_lists_that_appointment_and_a_wrong_code_says_so():
    flow = CheckIn(Queue([appointment()]), Session(), Printer())
    assert flow.open("https://yuyue.shifan.example/a/Y000000000A1")
    flow.load()
    assert flow.step == "list" and flow.chosen.appointment.code == "Y000000000A1"
    other = CheckIn(Queue([appointment()]), Session(), Printer())
    assert other.open("Y0000000ZZZZ")
    other.load()
    assert (other.step, other.code) == ("not_found", "appointment_not_found")
    junk = CheckIn(Queue([]), Session(), Printer())
    assert junk.open("hello") is False and junk.step == "not_found"


def test_the_queue_systems_refusal_is_kept_with_what_it_named():
    flow = CheckIn(Queue([appointment()], refuse="too_early"), identified(), Printer())
    flow.open()
    flow.load()
    flow.start_checkin("Y000000000A1")
    flow.check_in()
    assert (flow.step, flow.code) == ("refused", "checkin_too_early")
    assert flow.refusal["opens_at"] == "2026-12-01T09:30:00"


def test_a_lost_answer_checks_in_again_with_the_same_key():
    queue = Queue([appointment()], fail=[QueueError("queue_unavailable")])
    flow = CheckIn(queue, identified(), Printer())
    flow.open()
    flow.load()
    flow.start_checkin("Y000000000A1")
    flow.check_in()
    assert flow.step == "done" and len({key for _c, key in queue.checkins}) == 1


def test_paper_out_after_check_in_prints_once_more_and_keeps_the_number():
    printer = Printer(fail=[NotReady("out", "receipt_paper_out")] * 2)
    flow = CheckIn(Queue([appointment()]), identified(), printer)
    flow.open()
    flow.load()
    flow.start_checkin("Y000000000A1")
    flow.check_in()
    assert flow.step == "print_failed" and flow.reprint()
    flow.print_again()
    assert flow.step == "print_failed" and not flow.reprint() and flow.ticket.number == "AY001"


def test_against_the_reference_platform(platform, platform_queue):
    platform.admin.call("/api/v1/admin/queue/clock", {"at": "2026-06-02T10:00:00+08:00"})
    session = Session()
    session.identity = Identity("idcard", "林示例", "990101198805160026", {})
    printer = Printer()
    flow = CheckIn(platform_queue, session, printer)
    assert flow.open()
    flow.load()
    states = {e.appointment.category: e.state.state for e in flow.listed}
    assert states == {"A": OPEN, "B": TOO_EARLY, "E": TOO_LATE, "G": OTHER_HALL}
    due = next(e for e in flow.listed if e.state.allowed)
    assert flow.start_checkin(due.appointment.code)
    flow.check_in()
    assert flow.step == "done" and flow.ticket.kind == "appointment"
    again = CheckIn(platform_queue, session, printer)
    again.open()
    again.load()
    assert {e.appointment.category: e.state.state for e in again.listed}["A"] == CHECKED_IN


@pytest.fixture
def platform_queue(platform, tmp_path):
    from sync.client import ClientSettings, PlatformClient
    from sync.credential import provision
    client = PlatformClient(ClientSettings(platform.url))
    client.use_credential(provision(client, platform.url, "KIOSK-QUEUE-02",
                                    platform.demo_enrollment_token, tmp_path / "cred.json"))
    yield QueueSystem(client)
    client.close()
