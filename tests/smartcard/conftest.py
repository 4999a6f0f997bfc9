"""A real pcscd with the vpcd driver for the whole session, and a virtual card to put in its reader.

pcscd is one per machine, and vpcd's first slot (TCP 35963, reader "Virtual PCD 00 00") takes one
card: the session claims that slot, so a second test run on this machine waits for the first.
A pcscd that already runs with vpcd is reused and left running; otherwise `pcscd -f` is started as
our child and stopped at the end (unless a demo kiosk started meanwhile uses it: it uses vpcd's
second slot and the same pcscd).
"""
from __future__ import annotations

import time

import pytest

from devices.smartcard.daemon import Pcscd, SlotClaim, vpcd_readers
from devices.smartcard.errors import ServiceUnavailable
from devices.smartcard.pcsc import Context
from devices.virtual.ssc_card import VPCD_PORT, VirtualSSC

# after a card is pulled mid-command, pcscd+vpcd miss a reinsertion that comes within ~0.5 s
SETTLE_AFTER_INTERRUPT_S = 1.0


@pytest.fixture(scope="session")
def pcscd(tmp_path_factory):
    try:
        slot = SlotClaim(VPCD_PORT, wait_s=120)
    except ServiceUnavailable as exc:
        pytest.fail(f"cannot run the smart card tests: {exc}")
    daemon = Pcscd(apdu_log=True, log_file=tmp_path_factory.mktemp("pcscd") / "pcscd.log")
    try:
        daemon.ensure()
    except ServiceUnavailable as exc:
        slot.release()
        pytest.fail(f"cannot run the smart card tests: {exc}")
    yield daemon
    daemon.stop()
    slot.release()


@pytest.fixture(scope="session")
def reader_name(pcscd) -> str:
    readers = vpcd_readers() or []
    assert readers, "pcscd runs but offers no vpcd reader"
    return sorted(readers)[0]      # slot 0: TCP 35963


class Hand:
    """Puts the virtual card into the reader and takes it out, waiting until PC/SC agrees."""

    def __init__(self, reader: str):
        self.reader = reader
        self.card = VirtualSSC("demo", port=VPCD_PORT)
        self.ctx = Context()

    def present(self) -> bool:
        flags, _atr = self.ctx.card_state(self.reader)
        return bool(flags & 0x20)

    def wait(self, present: bool, timeout_s: float = 5.0) -> None:
        deadline = time.monotonic() + timeout_s
        while self.present() != present:
            if time.monotonic() > deadline:
                raise AssertionError(f"card {'not inserted' if present else 'still present'} "
                                     f"after {timeout_s:g} s")
            time.sleep(0.02)

    def insert(self, name: str = "demo", **behaviour: bool) -> VirtualSSC:
        self.remove()
        self.card.load(name)
        self.card.behaviour.set(**{k: False for k in vars(self.card.behaviour)})
        self.card.behaviour.set(pin_required=self.card.card.pin_required)
        self.card.behaviour.set(**behaviour)
        self.card.insert()
        self.wait(True)
        return self.card

    def remove(self) -> None:
        interrupted = self.card.interrupted
        self.card.remove()
        self.wait(False)
        if interrupted or self.card.interrupted:
            time.sleep(SETTLE_AFTER_INTERRUPT_S)
            self.card.interrupted = False

    def close(self) -> None:
        self.remove()
        self.ctx.release()


@pytest.fixture
def hand(pcscd, reader_name):
    if not vpcd_readers():
        pcscd.ensure()          # pcscd went away under us (a test stopped it, or another process)
    h = Hand(reader_name)
    yield h
    h.close()


@pytest.fixture
def demo_slot(pcscd):
    """For tests of the demo's virtual card: vpcd's second slot must be free (a demo kiosk running
    on this machine holds it; the first slot is this session's)."""
    try:
        SlotClaim(VPCD_PORT + 1).release()
    except ServiceUnavailable:
        pytest.skip("a demo kiosk on this machine holds vpcd's second slot")


@pytest.fixture
def hand_factory(pcscd, reader_name):
    """For a test that restarts pcscd: a Hand made afterwards has a live PC/SC context."""
    return lambda: Hand(reader_name)
