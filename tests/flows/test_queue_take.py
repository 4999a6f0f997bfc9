"""Take a number without Qt: the rules of the flow against a stand-in queue system (every refusal
and failure it can give), and the whole way against the reference platform with the real receipt
service on the virtual ESC/POS printer."""
from __future__ import annotations

import datetime as dt
import itertools

import pytest

from devices.receipt.errors import NotReady
from devices.receipt.status import ReceiptStatus
from kiosk.flows.evaluation import RatingOffer
from kiosk.flows.queue_system import Category, HallRules, QueueError, QueueSystem, Ticket
from kiosk.flows.queue_take import IDENTITY_REQUIRED, TakeNumber
from kiosk.session import Identity, Session

TZ = dt.timezone(dt.timedelta(hours=8))
NOW = dt.datetime(2026, 12, 1, 10, 0, tzinfo=TZ)
READY = ReceiptStatus(online=True, cover_open=False, paper="ok", error=False)
OUT = ReceiptStatus(online=True, cover_open=False, paper="out", error=False)


def hall(now=NOW, groups=("disability", "military", "pregnant")) -> HallRules:
    return HallRules("H1", "示范市政务服务中心", "0999-6601 0000", now, 30, 15, 70, groups, 7)


def line(code="B", id_required=False, limit=0, waiting=5, departments=("医疗保障局",)) -> Category:
    return Category(code, "社保医保", "Social insurance", ("B1", "B2"), departments, waiting,
                    waiting * 2, id_required, limit)


class Queue:
    """The queue system as the flow asks it; `fail` lists what the next calls do instead."""

    def __init__(self, categories=None, now=NOW):
        self.rules = hall(now)
        self.lines = categories or [line(), line("C", True, 1, 23, ("不动产登记中心",))]
        self.issued: dict[str, Ticket] = {}
        self.calls: list[tuple] = []
        self.fail: list[Exception] = []
        self.cancelled: list[str] = []
        self.seq = itertools.count(17)

    def _maybe_fail(self):
        if self.fail:
            raise self.fail.pop(0)

    def hall(self):
        self._maybe_fail()
        return self.rules

    def categories(self):
        self._maybe_fail()
        return self.rules.now, list(self.lines)

    def issue(self, key, category, id_number=None, priority="none"):
        self.calls.append(("issue", key, category, id_number, priority))
        if key not in self.issued:        # the platform applies a key once, even when the
            n = next(self.seq)            # answer is then lost on the way back
            self.issued[key] = Ticket(f"{n:032x}", f"{category}{n:03d}", category, "社保医保",
                                      ("B1", "B2"), "normal", priority, "waiting", 5, 10, NOW,
                                      f"https://queue.example/t/{n:032x}")
        self._maybe_fail()
        return self.issued[key]

    def cancel(self, ticket_id):
        self._maybe_fail()
        self.cancelled.append(ticket_id)


class Printer:
    def __init__(self, status=READY, fail=()):
        self.status, self.fail, self.printed = status, list(fail), []

    def available(self):
        return self.status.can_print

    def print_receipt(self, kind, ref, build):
        if self.fail:
            raise self.fail.pop(0)
        self.printed.append((kind, ref, build(48, "示范市政务服务中心", "K-1")))
        return {"result": "completed"}


def person(birth: dt.date | None, id_number="990101198805160026") -> Identity:
    return Identity("idcard", "林示例", id_number, {"birth_date": birth})


def opened(queue=None, printer=None, identity=None, **kw) -> TakeNumber:
    session = Session()
    session.identity = identity
    flow = TakeNumber(queue or Queue(), session, printer or Printer(),
                      new_request_key=iter(f"key-{n:04d}" for n in itertools.count()).__next__)
    assert flow.open(**kw)
    flow.load()
    return flow


def test_categories_with_waits_then_one_printed_ticket_then_the_rating():
    queue, printer = Queue(), Printer()
    flow = opened(queue, printer)
    assert flow.step == "categories"
    assert [(c.code, c.waiting, c.est_wait_min) for c in flow.categories] == [("B", 5, 10),
                                                                             ("C", 23, 46)]
    flow.choose("B")
    assert flow.step == "confirm" and flow.why_not() is None and flow.next_step is None
    assert flow.take()
    flow.issue()
    assert flow.step == "done" and flow.ticket.number == "B017"
    [(kind, ref, data)] = printer.printed
    assert (kind, ref) == ("queue-ticket", "B017") and "B017".encode() in data
    assert flow.next_step == RatingOffer("", then="end_session")


def test_a_double_tap_gives_one_ticket():
    queue, printer = Queue(), Printer()
    flow = opened(queue, printer)
    flow.choose("B")
    assert flow.take() is True
    assert flow.take() is False              # the second tap while the first one runs
    flow.issue()
    assert flow.take() is False              # and after the ticket is out
    assert len([c for c in queue.calls if c[0] == "issue"]) == 1 and len(printer.printed) == 1


def test_a_lost_answer_is_asked_again_with_the_same_key_and_gives_the_same_number():
    queue = Queue()
    flow = opened(queue)
    flow.choose("B")
    queue.fail = [QueueError("queue_unavailable", "timeout after the ticket was made")]
    assert flow.take()
    flow.issue()
    keys = [c[1] for c in queue.calls]
    assert keys == ["key-0000", "key-0000"] and flow.step == "done"
    assert len(queue.issued) == 1


def test_queue_system_down_issues_nothing_and_try_again_keeps_the_key():
    queue = Queue()
    flow = opened(queue)
    flow.choose("B")
    queue.fail = [QueueError("queue_unavailable")] * 2
    flow.take()
    flow.issue()
    assert flow.step == "unavailable" and flow.code == "queue_unavailable"
    assert flow.ticket is None
    assert flow.take()                       # "Try again": the same commit, the same key
    flow.issue()
    assert flow.step == "done" and {c[1] for c in queue.calls} == {"key-0000"}


def test_queue_system_down_before_the_categories():
    queue = Queue()
    queue.fail = [QueueError("queue_unavailable")]
    flow = opened(queue)
    assert flow.step == "unavailable" and not flow.categories and flow.take() is False


def test_no_platform_link_is_unavailable_at_once():
    flow = TakeNumber(None, Session(), Printer())
    assert flow.open() is False and flow.step == "unavailable"


def test_a_line_that_needs_identification_is_not_issued_anonymously():
    queue = Queue()
    flow = opened(queue)
    flow.choose("C")
    assert flow.needs_identity and flow.why_not() == IDENTITY_REQUIRED
    assert flow.take() is False and flow.code == IDENTITY_REQUIRED and not queue.calls
    identified = opened(queue, identity=person(dt.date(1988, 5, 16)), category="C")
    assert identified.step == "confirm" and identified.take()
    identified.issue()
    assert queue.calls[-1][3] == "990101198805160026"


def test_the_id_number_goes_only_where_the_line_or_the_priority_needs_it():
    queue = Queue()
    anonymous_line = opened(queue, identity=person(dt.date(1988, 5, 16)), category="B")
    anonymous_line.take()
    anonymous_line.issue()
    old = opened(queue, identity=person(dt.date(1950, 1, 1)), category="B")
    old.take()
    old.issue()
    assert [(c[2], c[3], c[4]) for c in queue.calls] == [
        ("B", None, "none"), ("B", "990101198805160026", "age")]


def test_the_daily_limit_refusal_is_said_as_such():
    queue = Queue()
    flow = opened(queue, identity=person(dt.date(1988, 5, 16)), category="C")
    queue.fail = [QueueError("queue_daily_limit_reached")]
    flow.take()
    flow.issue()
    assert (flow.step, flow.code) == ("refused", "queue_daily_limit_reached")
    flow.back_to_categories()
    assert flow.step == "categories"


@pytest.mark.parametrize("birth,offered", [
    (dt.date(1956, 12, 1), True),        # 70 today
    (dt.date(1956, 12, 2), False),       # 70 tomorrow
    (dt.date(1940, 2, 29), True),
    (None, False),
])
def test_the_age_priority_is_offered_from_the_birth_date_on_the_halls_today(birth, offered):
    flow = opened(identity=person(birth, "990101200001010011"), category="B")
    assert flow.age_priority is offered
    assert flow.priority == ("age" if offered else "none")


def test_the_age_comes_from_the_id_number_when_the_card_gave_no_birth_date():
    identity = Identity("ssc", "王测试", "990102195007040014", {})
    flow = opened(identity=identity, category="B")
    assert flow.age_priority and flow.priority == "age"


def test_declared_priority_groups_are_the_halls_own():
    flow = opened(category="B")
    assert flow.priority_groups == ("disability", "military", "pregnant")
    flow.set_priority("military")
    assert flow.priority == "military"
    with pytest.raises(QueueError):
        flow.set_priority("age")         # not identified: no age priority
    flow.take()
    flow.issue()
    assert flow.ticket.priority == "military"
    from devices.virtual.escpos_printer import Parser, VirtualEscposPrinter
    sink = VirtualEscposPrinter()
    Parser(sink).feed(flow.delivery.printer.printed[0][2])
    assert "绿色通道（军人" in sink.receipts[0].text


def test_a_guide_reaches_its_line_by_department():
    flow = opened(department="不动产登记中心", item_code="11990100XK001")
    assert flow.step == "confirm" and flow.chosen.code == "C"
    unknown = opened(department="不存在的部门")
    assert unknown.step == "categories"


def test_no_number_is_asked_for_while_the_printer_cannot_print():
    queue = Queue()
    flow = opened(queue, Printer(OUT))
    flow.choose("B")
    assert flow.why_not() == "receipt_paper_out"
    assert flow.take() is False and not queue.calls


def test_paper_out_after_issue_prints_once_more_then_the_number_is_cancelled():
    queue = Queue()
    printer = Printer(fail=[NotReady("paper out", "receipt_paper_out")] * 2)
    flow = opened(queue, printer)
    flow.choose("B")
    flow.take()
    flow.issue()
    assert (flow.step, flow.code) == ("print_failed", "receipt_paper_out")
    assert flow.must_cancel and flow.reprint()
    flow.print_again()
    assert flow.step == "print_failed" and not flow.reprint()    # once more, not twice
    assert flow.give_up() and flow.busy and not flow.give_up()
    flow.cancel_number()
    assert flow.step == "cancelled" and not flow.busy and queue.cancelled == [flow.ticket.ticket_id]
    assert len(queue.issued) == 1 and not printer.printed


def test_a_reprint_that_works_keeps_the_same_number():
    queue = Queue()
    printer = Printer(fail=[NotReady("jam", "receipt_error")])
    flow = opened(queue, printer)
    flow.choose("B")
    flow.take()
    flow.issue()
    assert flow.reprint()
    flow.print_again()
    assert flow.step == "done" and [p[1] for p in printer.printed] == [flow.ticket.number]
    assert not queue.cancelled and len(queue.issued) == 1


def test_a_number_that_cannot_be_cancelled_stays_on_screen():
    queue = Queue()
    flow = opened(queue, Printer(fail=[NotReady("out", "receipt_paper_out")] * 2))
    flow.choose("B")
    flow.take()
    flow.issue()
    queue.fail = [QueueError("queue_unavailable")]
    flow.cancel_number()
    assert (flow.step, flow.code) == ("print_failed", "queue_cancel_failed")
    assert flow.ticket.number == "B017"


# ---- against the reference platform --------------------------------------------------------
@pytest.fixture
def platform_queue(platform):
    from sync.client import ClientSettings, PlatformClient
    from sync.credential import provision
    client = PlatformClient(ClientSettings(platform.url))
    import tempfile
    from pathlib import Path
    credential = provision(client, platform.url, "KIOSK-QUEUE-01",
                           platform.demo_enrollment_token,
                           Path(tempfile.mkdtemp()) / "credential.json")
    client.use_credential(credential)
    yield QueueSystem(client)
    client.close()


@pytest.fixture
def receipt_service(tmp_path):
    from devices.receipt.printer import ReceiptPrinter
    from devices.receipt.transport import NetworkTransport
    from devices.virtual.escpos_printer import VirtualEscposPrinter
    from printing.audit import AuditTrail, Journal
    from printing.receipt_service import ReceiptService
    virtual = VirtualEscposPrinter(tmp_path / "receipts").start()
    printer = ReceiptPrinter(lambda: NetworkTransport(*virtual.address))
    yield ReceiptService(printer, AuditTrail(Journal(tmp_path / "j.jsonl")), "示范市政务服务中心",
                         "K-1"), virtual
    printer.stop()
    virtual.stop()


def test_the_whole_way_against_the_reference_platform(platform, platform_queue, receipt_service):
    service, virtual = receipt_service
    session = Session()
    session.identity = Identity("idcard", "王测试", "990102195007040014", {})
    flow = TakeNumber(platform_queue, session, service)
    assert flow.open(category="A")
    flow.load()
    assert flow.step == "confirm" and flow.chosen.waiting >= 12 and flow.priority == "age"
    assert flow.take()
    flow.issue()
    assert flow.step == "done", flow.code
    assert flow.ticket.kind == "priority" and flow.ticket.number.startswith("AV")
    [paper] = virtual.wait_receipts(1)
    assert flow.ticket.number in paper.text and "绿色通道" in paper.text
    assert paper.qr_payloads == [flow.ticket.follow_url]
    platform.admin.call("/api/v1/admin/queue/system", {"down": True})
    again = TakeNumber(platform_queue, Session(), service)
    again.open()
    again.load()
    assert (again.step, again.code) == ("unavailable", "queue_unavailable")
