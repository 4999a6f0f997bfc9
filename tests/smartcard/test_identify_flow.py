"""The social security card identify flow without Qt: the real driver reads the virtual card
through pcscd (this folder's session pcscd and `hand`), the worker's events reach the flow in
the test's thread through a queue (as the bridge delivers them), and the PIN goes to the card
through the real HandoffPinEntry."""
from __future__ import annotations

import queue
import time

import pytest

from devices.smartcard.pin import HandoffPinEntry
from devices.smartcard.service import SmartCardService
from kiosk import config
from kiosk.flows import identify_ssc as f
from kiosk.session import Session

PRIVACY = config.defaults().privacy


class Kiosk:
    """The smart card area as the wiring builds it, with its events queued for the test thread."""

    def __init__(self, reader: str):
        self.events: queue.Queue = queue.Queue()

        def sink(kind, payload=None):
            self.events.put((kind, payload))
        self.entry = HandoffPinEntry(lambda prompt: sink("pin_request", prompt), timeout_s=20)
        self.service = SmartCardService(sink, reader=reader, pin_entry=self.entry,
                                        apdu_timeout_s=1.0, retry_s=0.2).start()
        self.devices = f.SscDevices(self.service, self.entry,
                                    available=lambda: self.service.reader is not None)
        self.session = Session()
        self.flow = f.SscIdentifyFlow(self.devices, self.session, PRIVACY)

    def pump(self, until, timeout: float = 8.0) -> None:
        deadline = time.monotonic() + timeout
        while not until():
            left = deadline - time.monotonic()
            assert left > 0, f"not reached; phase {self.flow.phase}, error {self.flow.error}"
            try:
                kind, payload = self.events.get(timeout=min(left, 0.1))
            except queue.Empty:
                continue
            self.flow.on_event(kind, payload)


@pytest.fixture
def kiosk(hand):
    k = Kiosk(hand.reader)
    deadline = time.monotonic() + 5
    while k.service.reader is None:
        assert time.monotonic() < deadline, "the worker found no reader"
        time.sleep(0.05)
    yield k
    k.service.stop()


def test_read_summary_masked_then_confirm(kiosk, hand):
    flow = kiosk.flow
    flow.start()
    assert flow.phase == f.INSERT
    hand.insert("demo")
    kiosk.pump(lambda: flow.phase == f.DONE)
    summary = flow.summary
    assert (summary.name, summary.id_number) == ("测*样", "990100********123X")
    assert summary.card_number.startswith(summary.card_number[0] + "*") and \
        summary.card_number[-4:] == flow.record.card_number[-4:]
    assert kiosk.session.identity is None, "nothing is stored before the citizen confirms"
    assert flow.may_continue and flow.may_retry          # "Not me: read another card"
    identity = flow.confirm()
    assert (identity.source, identity.name, identity.id_number) == ("ssc", "测试样",
                                                                    "99010019800101123X")
    assert kiosk.session.identity is identity and flow.record is None
    assert flow.phase == f.IDENTIFIED


def test_pin_wrong_with_tries_left_then_right(kiosk, hand):
    flow = kiosk.flow
    flow.start()
    card = hand.insert("pin")
    kiosk.pump(lambda: flow.phase == f.PIN)
    assert flow.tries_left is None and flow.pin_length == 6 and kiosk.entry.pending
    assert not flow.enter_pin("99999") and card.pin_attempts == 0   # 5 digits never reach the card
    assert flow.enter_pin("999999") and flow.phase == f.VERIFYING
    kiosk.pump(lambda: flow.phase == f.PIN)
    assert flow.tries_left == 2
    assert flow.enter_pin("123456")
    kiosk.pump(lambda: flow.phase == f.DONE)
    assert card.pin_attempts == 2


def test_last_wrong_pin_blocks_the_card(kiosk, hand):
    flow = kiosk.flow
    flow.start()
    hand.insert("pin")
    hand.card.tries_left = 1
    kiosk.pump(lambda: flow.phase == f.PIN)
    flow.enter_pin("000000")
    kiosk.pump(lambda: flow.phase == f.ERROR)
    assert flow.error_code == "pin_blocked" and not flow.may_retry


def test_cancelled_pin_then_try_again(kiosk, hand):
    flow = kiosk.flow
    flow.start()
    hand.insert("pin")
    kiosk.pump(lambda: flow.phase == f.PIN)
    flow.keypad.cancel()                                  # the keypad's Cancel
    kiosk.pump(lambda: flow.phase == f.ERROR)
    assert flow.error_code == "pin_cancelled" and flow.may_retry
    flow.keypad.cancel()                                  # nothing waits: nothing happens
    assert flow.phase == f.ERROR
    flow.retry()
    kiosk.pump(lambda: flow.phase == f.PIN)
    assert kiosk.entry.pending


def test_a_pin_request_nobody_answers_is_cancelled_when_the_screen_is_left(kiosk, hand):
    flow = kiosk.flow
    flow.start()
    card = hand.insert("pin")
    kiosk.pump(lambda: flow.phase == f.PIN)
    flow.leave()                                          # Home, idle timeout
    deadline = time.monotonic() + 3
    while kiosk.entry.pending:
        assert time.monotonic() < deadline, "the worker still waits for a PIN"
        time.sleep(0.05)
    assert flow.phase == f.INSERT and not flow.enter_pin("123456")
    time.sleep(0.5)
    while not kiosk.events.empty():                       # what the worker says next is ignored
        flow.on_event(*kiosk.events.get())
    assert flow.phase == f.INSERT and flow.error is None and card.pin_attempts == 0


def test_card_pulled_out_while_the_pin_is_asked(kiosk, hand):
    flow = kiosk.flow
    flow.start()
    hand.insert("pin")
    kiosk.pump(lambda: flow.phase == f.PIN)
    hand.remove()
    kiosk.pump(lambda: flow.phase == f.ERROR)
    assert flow.error_code in ("card_removed", "pin_cancelled") and not kiosk.entry.pending


@pytest.mark.parametrize("card,behaviour,code", [
    ("bank", {}, "unknown_card"),
    ("demo", {"remove_mid_read": True}, "card_removed"),
    ("demo", {"mute": True}, "mute_card"),
])
def test_cards_that_cannot_be_used(kiosk, hand, card, behaviour, code):
    flow = kiosk.flow
    flow.start()
    hand.insert(card, **behaviour)
    kiosk.pump(lambda: flow.phase == f.ERROR)
    assert flow.error_code == code, flow.error
    if card == "bank":
        assert flow.error["kind"] == "bank"
    assert flow.summary is None and flow.confirm() is None


class Slot:
    def __init__(self):
        self.service_up, self.calls = True, []

    def arm(self, fresh=True):
        self.calls.append(("arm", fresh))

    def disarm(self):
        self.calls.append(("disarm",))


class Entry:
    def __init__(self):
        self.calls = []

    def answer(self, pin):
        self.calls.append(("answer", pin))

    def cancel(self):
        self.calls.append(("cancel",))


def test_without_a_reader_the_citizen_is_told_which_problem():
    assert_start = f.SscIdentifyFlow(None, Session(), PRIVACY)
    assert_start.start()
    assert assert_start.phase == f.ERROR and assert_start.error_code == "service_unavailable"
    slot = Slot()
    flow = f.SscIdentifyFlow(f.SscDevices(slot, Entry(), lambda: False), Session(), PRIVACY)
    flow.start()
    assert flow.error_code == "no_reader" and slot.calls == []
    flow.on_event("reader_added", {"reader": "R"})
    assert flow.phase == f.INSERT and slot.calls == [("arm", True)]


def test_not_me_reads_only_a_card_inserted_anew():
    slot = Slot()
    flow = f.SscIdentifyFlow(f.SscDevices(slot, Entry(), lambda: True), Session(), PRIVACY)
    flow.start()
    flow.on_event("read_failed", {"code": "card_error"})
    flow.retry()                                          # "Try again": the same card
    assert slot.calls[-1] == ("arm", True)
    flow.phase, flow.record = f.DONE, object()
    flow.retry()                                          # "Not me"
    assert slot.calls[-1] == ("arm", False) and flow.record is None


def test_a_pin_request_after_leaving_is_cancelled():
    entry = Entry()
    flow = f.SscIdentifyFlow(f.SscDevices(Slot(), entry, lambda: True), Session(), PRIVACY)
    flow.start()
    flow.leave()
    flow.on_event("pin_request", f.PinPrompt())
    assert entry.calls == [("cancel",)] and flow.phase == f.INSERT
