"""The ID card identify flow without Qt, fed by the real driver reading the ID card twin over a pty
(the events go through a queue and reach the flow in the test's thread, as the bridge delivers
them to the UI thread)."""
from __future__ import annotations

import queue
import subprocess
import sys
import time
from dataclasses import replace

import pytest

from devices.idcard.reader import IdCardReader, ReaderSettings
from devices.virtual.idcard_twin import IdCardTwin, apply_scenario
from kiosk import config
from kiosk.flows import identify_idcard as f
from kiosk.flows.identify import mask_name
from kiosk.session import Session

FAST = dict(poll_interval_s=0.1, command_timeout_s=0.4, retries=2, reconnect_interval_s=0.1,
            unavailable_retry_s=0.3)
PRIVACY = config.defaults().privacy


class Reader:
    """The reader area as the flow sees it (kiosk.wiring.idcard.IdCardArea does the same)."""

    def __init__(self, link: str):
        self.link = link
        self.twin = IdCardTwin(link=link).start()
        self.events: queue.Queue = queue.Queue()
        self.state = "disconnected"
        self.driver = IdCardReader(replace(ReaderSettings(port=link, **FAST)),
                                   on_event=lambda kind, payload: self.events.put((kind, payload)))

    @property
    def available(self) -> bool:
        return self.state != "disconnected"

    def rearm(self) -> None:
        self.driver.rearm()

    def unplug(self) -> None:
        self.twin.stop()

    def plug_in(self) -> None:
        self.twin = IdCardTwin(link=self.link).start()


@pytest.fixture
def reader(tmp_path):
    r = Reader(str(tmp_path / "ttyIDCARD"))
    r.driver.start()
    yield r
    r.driver.stop()
    r.twin.stop()


def pump(reader: Reader, flow: f.IdCardIdentifyFlow | None, until, timeout: float = 3.0) -> None:
    """Deliver the driver's events to the flow until until() holds."""
    deadline = time.monotonic() + timeout
    while not until():
        left = deadline - time.monotonic()
        if left <= 0:
            raise AssertionError(f"not reached; flow phase {flow.phase if flow else None}")
        try:
            kind, payload = reader.events.get(timeout=min(left, 0.1))
        except queue.Empty:
            continue
        if kind == "state":
            reader.state = payload["state"]
        if flow is not None:
            {"state": flow.on_state, "card": flow.on_card, "error": flow.on_error}[kind](payload)


class Recorder:
    """Stands in for a flow: notes the kinds of events, keeps no card."""

    def __init__(self, seen: list):
        self.seen, self.phase = seen, None
        self.on_state = lambda payload: seen.append("state")
        self.on_error = lambda payload: seen.append("error")
        self.on_card = lambda read: (read.wipe(), seen.append("card"))


@pytest.fixture
def connected(reader):
    pump(reader, None, lambda: reader.available)
    return reader


def test_the_identify_flows_import_no_qt():
    modules = ["kiosk.flows.identify", "kiosk.flows.identify_idcard", "kiosk.flows.identify_ssc",
               "kiosk.flows.face_check", "kiosk.flows.face_policy"]
    code = ("import sys\n" + "".join(f"import {m}\n" for m in modules) +
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'screens')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout


def test_read_summary_masked_then_confirm_into_the_session(connected):
    session = Session()
    flow = f.IdCardIdentifyFlow(connected, session, PRIVACY)
    flow.start()
    assert flow.phase == f.WAITING and not flow.may_continue
    connected.twin.place_card("resident")
    pump(connected, flow, lambda: flow.phase == f.READ)
    assert flow.summary == f.CardSummary("林*例", "990101********0026", "resident",
                                         flow.summary.valid_until)
    assert session.identity is None, "nothing goes into the session before the citizen confirms"
    identity = flow.confirm()
    assert flow.phase == f.IDENTIFIED and session.identity is identity
    assert (identity.source, identity.name, identity.id_number) == \
        ("idcard", "林示例", "990101198805160026")
    assert identity.extra["address"] == "示范省示范市演示区样例路8号"     # pre-fills forms
    photo = identity.extra["photo_wlt"]
    assert any(photo)
    session.wipe()
    assert session.identity is None and photo == bytearray(len(photo))


def test_leaving_unconfirmed_wipes_what_was_read(connected):
    session = Session()
    flow = f.IdCardIdentifyFlow(connected, session, PRIVACY)
    flow.start()
    connected.twin.place_card("hmt_permit")
    pump(connected, flow, lambda: flow.phase == f.READ)
    photo = flow._read.photo_wlt
    flow.leave()
    assert session.identity is None and photo == bytearray(len(photo))
    assert flow.confirm() is None


def test_expired_card_is_refused(connected):
    flow = f.IdCardIdentifyFlow(connected, Session(), PRIVACY)
    flow.start()
    connected.twin.place_card("resident_expired")
    pump(connected, flow, lambda: flow.phase == f.EXPIRED)
    assert flow.expired_until.isoformat() == "2018-01-15"
    assert flow.summary is None and not flow.may_continue and not flow.may_read_again
    assert flow.confirm() is None


def test_not_recognised_then_read(connected):
    flow = f.IdCardIdentifyFlow(connected, Session(), PRIVACY)
    flow.start()
    apply_scenario(connected.twin, "removed_before_read")
    pump(connected, flow, lambda: flow.phase == f.RETRY)
    assert flow.may_read_again and not flow.card_may_be_damaged
    connected.twin.place_card("resident_longterm")
    pump(connected, flow, lambda: flow.phase == f.READ)
    assert flow.summary.valid_until is None              # 长期


def test_damaged_card_says_staff_can_help():
    flow = f.IdCardIdentifyFlow(None, Session(), PRIVACY)
    flow.on_error({"code": "check_digit", "advice": "retry"})
    assert flow.phase == f.RETRY and flow.card_may_be_damaged
    flow.on_error({"code": "sam", "advice": "staff"})
    assert flow.phase == f.UNAVAILABLE


def test_reader_unplugged_then_back(connected):
    flow = f.IdCardIdentifyFlow(connected, Session(), PRIVACY)
    flow.start()
    connected.twin.unplug()
    pump(connected, flow, lambda: flow.phase == f.UNAVAILABLE)
    connected.twin.replug()
    pump(connected, flow, lambda: flow.phase == f.WAITING)


def test_no_reader_at_all():
    flow = f.IdCardIdentifyFlow(None, Session(), PRIVACY)
    flow.start()
    assert flow.phase == f.UNAVAILABLE
    flow.read_again()
    assert flow.phase == f.UNAVAILABLE


def test_card_on_the_reader_before_the_flow_starts_is_read(connected):
    seen = []
    connected.twin.place_card("foreign_2023")
    pump(connected, Recorder(seen), lambda: "card" in seen)      # read while nobody listened
    flow = f.IdCardIdentifyFlow(connected, Session(), PRIVACY)
    flow.start()                                     # re-arms: the card is read for this citizen
    pump(connected, flow, lambda: flow.phase == f.READ)
    assert flow.summary.card_type == "foreign_permanent_2023"


def test_a_read_stays_whatever_the_reader_does_next(connected):
    flow = f.IdCardIdentifyFlow(connected, Session(), PRIVACY)
    flow.start()
    connected.twin.place_card("resident")
    pump(connected, flow, lambda: flow.phase == f.READ)
    flow.on_state({"state": "disconnected", "reason": "port_unavailable"})
    flow.on_error({"code": "no_answer", "advice": "staff"})
    assert flow.phase == f.READ and flow.may_continue


def test_mask_name():
    assert (mask_name("林示例"), mask_name("王五"), mask_name("欧阳示例名")) == \
        ("林*例", "王*", "欧***名")
    assert mask_name("SAMPLE, ALEX") == "S***** A***"
