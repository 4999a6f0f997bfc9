"""The device worker: insertion and removal events, reading only when armed, the PIN handoff, and
recovery when the card, the reader or pcscd come back."""
from __future__ import annotations

import threading
import time

import pytest

from waiting import holds_for

from devices.smartcard.pin import HandoffPinEntry, PinPrompt
from devices.smartcard.service import SmartCardService
from devices.smartcard.ssc import SscRecord


class Events:
    """What the UI would receive through the bridge, with a way to wait for a kind."""

    def __init__(self):
        self.items: list[tuple[str, object]] = []
        self.changed = threading.Condition()

    def __call__(self, kind, payload=None):
        with self.changed:
            self.items.append((kind, payload))
            self.changed.notify_all()

    def kinds(self) -> list[str]:
        with self.changed:
            return [k for k, _ in self.items]

    def wait(self, kind: str, timeout_s: float = 8.0, after: int = 0):
        deadline = time.monotonic() + timeout_s
        with self.changed:
            while True:
                for k, payload in self.items[after:]:
                    if k == kind:
                        return payload
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"no {kind!r} event within {timeout_s:g} s; got {self.kinds()}")
                self.changed.wait(left)

    def mark(self) -> int:
        with self.changed:
            return len(self.items)


@pytest.fixture
def running(hand):
    events = Events()
    entry = HandoffPinEntry(lambda prompt: events("pin_request", prompt), timeout_s=10)
    service = SmartCardService(events, reader=hand.reader, pin_entry=entry, apdu_timeout_s=1.0,
                               retry_s=0.2).start()
    events.wait("reader_added")
    yield service, events, entry
    service.stop()


def test_no_matching_reader_is_said_once(pcscd):
    events = Events()
    service = SmartCardService(events, reader="Reader That Is Not There").start()
    try:
        assert events.wait("no_reader")["code"] == "no_reader"
        assert service.looked.is_set() and service.reader is None
        # a few more looks (the service shows no count of them): said once all along
        holds_for(lambda: events.kinds().count("no_reader") == 1, "no_reader said again", 1.2)
    finally:
        service.stop()


def test_reads_when_armed_only(hand, running):
    service, events, _entry = running
    hand.insert("demo")
    events.wait("card_inserted")
    holds_for(lambda: "read_started" not in events.kinds(), "read a card nobody asked for", 0.3)
    service.arm()
    record = events.wait("read_ok")
    assert isinstance(record, SscRecord) and record.name == "测试样"
    kinds = events.kinds()
    progress = [p["fraction"] for k, p in events.items if k == "read_progress"]
    assert kinds.index("read_started") < kinds.index("read_progress") < kinds.index("read_ok")
    assert progress == sorted(progress) and progress[-1] == 1.0
    mark = events.mark()
    hand.remove()
    assert events.wait("card_removed", after=mark) == {"reader": hand.reader}


def test_pin_handoff_to_the_keypad(hand, running):
    service, events, entry = running
    hand.insert("pin")
    service.arm()
    prompt = events.wait("pin_request")
    assert prompt == PinPrompt(tries_left=None) and entry.pending
    threading.Timer(0.1, entry.answer, args=("000000",)).start()     # the citizen mistypes
    mark = events.mark()
    assert events.wait("pin_request", after=mark).tries_left == 2
    entry.answer("123456")
    assert events.wait("read_ok").id_number == "990102195607132465"


def test_disarmed_while_the_pin_is_asked(hand, running):
    """The citizen leaves the identify screen with the keypad up: the read ends, no PIN is sent."""
    service, events, entry = running
    card = hand.insert("pin")
    service.arm()
    events.wait("pin_request")
    service.disarm()
    assert events.wait("read_failed")["code"] == "pin_cancelled"
    assert not entry.pending and card.pin_attempts == 0


def test_card_removed_while_the_pin_is_asked_then_read_again(hand, running):
    service, events, entry = running
    card = hand.insert("pin")
    service.arm()
    events.wait("pin_request")
    hand.remove()
    failure = events.wait("read_failed")
    assert failure["code"] == "card_removed" and not entry.pending
    assert card.pin_attempts == 0
    mark = events.mark()
    hand.insert("demo")
    assert events.wait("read_ok", after=mark).name == "测试样"


def test_mute_card_reported_then_recovered(hand, running):
    service, events, _entry = running
    hand.insert("demo", mute=True)
    service.arm()
    assert events.wait("read_failed")["code"] == "mute_card"
    mark = events.mark()
    hand.insert("demo")
    assert events.wait("read_ok", after=mark).name == "测试样"


def test_recovers_when_pcscd_comes_back(pcscd, reader_name, hand_factory):
    """pcscd stops (reader gone, service unavailable), then comes back: the worker finds the reader
    again and reads without being restarted."""
    if not pcscd.started_here or pcscd.others_using():
        pytest.skip("pcscd is shared with another process (it ran before the tests, or a demo "
                    "uses it): not ours to stop")
    events = Events()
    service = SmartCardService(events, reader=reader_name, retry_s=0.2).start()
    try:
        events.wait("reader_added")
        mark = events.mark()
        assert pcscd.stop()
        assert events.wait("reader_removed", after=mark) == {"reader": reader_name}
        assert events.wait("service_unavailable", after=mark)["code"] == "service_unavailable"
        assert service.status() == {"service": False, "reader": None, "card_present": False}
        pcscd.ensure()
        mark = events.mark()
        events.wait("reader_added", after=mark)
        hand = hand_factory()
        try:
            service.arm()
            hand.insert("demo")
            assert events.wait("read_ok", after=mark).name == "测试样"
        finally:
            hand.close()
    finally:
        service.stop()
