"""Making and cancelling an appointment, and "my place" by the ticket's QR code, without Qt, against
the reference platform (its queue clock set to a Tuesday morning), with the slip and the
ticket printed by the stand-in printer of the take-a-number tests."""
from __future__ import annotations

import pytest

from kiosk.flows.appointment_booking import Booking, day_text
from kiosk.flows.appointment_checkin import CheckIn
from kiosk.flows.queue_place import MyPlace, ticket_id_from_qr
from kiosk.flows.queue_system import QueueSystem
from kiosk.flows.queue_take import TakeNumber
from kiosk.session import Identity, Session
from local_modules import local_module

_take = local_module(__file__, "test_queue_take")
Printer = _take.Printer
PERSON = Identity("idcard", "林示例", "990101198805160026", {})


@pytest.fixture
def queue(platform, tmp_path):
    from sync.client import ClientSettings, PlatformClient
    from sync.credential import provision
    client = PlatformClient(ClientSettings(platform.url))
    client.use_credential(provision(client, platform.url, "KIOSK-QUEUE-03",
                                    platform.demo_enrollment_token, tmp_path / "cred.json"))
    platform.admin.call("/api/v1/admin/queue/clock", {"at": "2026-06-02T10:00:00+08:00"})
    yield QueueSystem(client)
    client.close()


def identified() -> Session:
    session = Session()
    session.identity = PERSON
    return session


def booked(queue, printer, session=None) -> Booking:
    flow = Booking(queue, session or identified(), printer)
    assert flow.open()
    flow.load()
    assert flow.choose("F")
    flow.load_days()
    # Tuesday: Wednesday to Friday, then Monday and Tuesday (the hall takes none at weekends)
    assert [d.isoweekday() for d, _s in flow.days] == [3, 4, 5, 1, 2]
    flow.choose_day(flow.days[0][0])
    flow.choose_slot(flow.slots[0].start)
    assert flow.step == "confirm" and flow.book() and not flow.book()     # a double tap: one
    flow.do_book()
    return flow


def test_a_booking_with_its_slip_then_cancelled_from_the_appointments(queue):
    printer = Printer()
    flow = booked(queue, printer)
    assert flow.step == "booked" and flow.slip == "printed"
    assert flow.appointment.start.isoformat() == "2026-06-03T09:00:00+08:00"
    [(kind, ref, data)] = printer.printed
    assert (kind, ref) == ("booking-slip", flow.appointment.code)
    again = Booking(queue, identified(), printer)
    again.open()
    again.load()
    again.choose("F")
    again.load_days()
    assert sum(s.free for s in again.days[0][1]) == sum(s.free for s in flow.days[0][1]) - 1
    # the appointment is listed on the check-in screen, where it can be cancelled
    checkin = CheckIn(queue, identified(), printer)
    checkin.open()
    checkin.load()
    mine = next(e for e in checkin.listed if e.appointment.code == flow.appointment.code)
    assert mine.state.state == "later_day" and checkin.can_cancel(mine)
    assert checkin.start_cancel(mine.appointment.code)
    checkin.cancel()
    assert checkin.cancelled.code == mine.appointment.code
    assert next(e for e in checkin.listed
                if e.appointment.code == mine.appointment.code).appointment.status == "cancelled"


def test_a_second_booking_for_the_same_line_is_refused(queue):
    booked(queue, Printer())
    second = booked(queue, Printer())
    assert (second.step, second.code) == ("refused", "booking_already_booked")


def test_a_booking_stands_when_the_slip_cannot_print(queue):
    from devices.receipt.errors import NotReady
    flow = booked(queue, Printer(fail=[NotReady("out", "receipt_paper_out")]))
    assert flow.step == "booked" and flow.slip == "receipt_paper_out"


def test_booking_needs_identification():
    flow = Booking(object(), Session(), Printer())
    assert flow.open() is False and flow.step == "identity_required"


def test_day_text():
    import datetime as dt
    assert day_text(dt.date(2026, 12, 3)) == "2026年12月3日（星期四）"


def test_my_place_by_the_tickets_qr(queue, platform):
    take = TakeNumber(queue, Session(), Printer())
    take.open(category="G")
    take.load()
    take.take()
    take.issue()
    assert ticket_id_from_qr(take.ticket.follow_url) == take.ticket.ticket_id
    place = MyPlace(queue)
    assert place.open(take.ticket.follow_url)
    place.load()
    assert place.step == "shown" and place.ticket.ahead == take.ticket.ahead
    platform.admin.call("/api/v1/admin/queue/call", {"category": "G"})
    assert place.refresh()
    place.load()
    assert (place.ticket.status, place.ticket.ahead) == ("waiting", take.ticket.ahead - 1)
    assert MyPlace(queue).open("https://zwfw.example/bszn/x") is False
