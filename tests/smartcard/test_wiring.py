"""kiosk/wiring/smartcard.py: the demo's virtual card in vpcd's second reader, demo controls,
events to the bridge, and the PIN entry chosen by configuration."""
from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

import demo_controls
from devices.smartcard.daemon import SlotClaim
from devices.virtual import ssc_setup
from kiosk import config
from kiosk.context import AppContext
from kiosk.session import Session
from kiosk.wiring import smartcard as wiring

ROOT = Path(__file__).resolve().parents[2]


class Recorder:
    """Stands where the Qt bridge is: callback(device) -> callable(kind, payload)."""

    def __init__(self):
        self.events: list[tuple[str, str, object]] = []
        self.cond = threading.Condition()

    def callback(self, device):
        def post(kind, payload=None):
            with self.cond:
                self.events.append((device, kind, payload))
                self.cond.notify_all()
        return post

    def wait(self, kind, timeout_s=8.0):
        deadline = time.monotonic() + timeout_s
        with self.cond:
            while True:
                for device, k, payload in self.events:
                    if k == kind:
                        assert device == wiring.DEVICE
                        return payload
                if time.monotonic() > deadline:
                    raise AssertionError(f"no {kind!r}; got {[k for _d, k, _p in self.events]}")
                self.cond.wait(0.1)


def test_demo_wiring_reads_the_virtual_card(demo_slot, tmp_path):
    cfg = config.load(ROOT / "config.toml", {"kiosk": {"data_dir": str(tmp_path)}})
    bridge = Recorder()
    ctx = AppContext(config=cfg, session=Session(), bridge=bridge, demo=True)
    try:
        wiring.wire(ctx)
        area = ctx.services.smartcard
        assert bridge.wait("reader_added") == {"reader": ssc_setup.VIRTUAL_READER}
        assert area.state == f"reader {ssc_setup.VIRTUAL_READER}"      # the staff menu's line
        captions = demo_controls.captions(ctx)
        assert "Insert sample social security card" in captions
        assert "Remove social security card" in captions
        area.service.arm()
        demo_controls.control(ctx, "Insert sample social security card")()
        assert bridge.wait("read_ok").card_number == "T00000001"
        assert ctx.session.identity is None, "wiring never stores identities"
    finally:
        ctx.shutdown()
    assert not area.virtual.card.inserted
    SlotClaim(ssc_setup.VIRTUAL_PORT).release()      # raises if shutdown left the slot claimed


def test_virtual_setup_says_why_it_cannot_run(demo_slot):
    other = SlotClaim(ssc_setup.VIRTUAL_PORT)        # as if another kiosk process used it
    try:
        # the first slot is this test session's (the pcscd fixture claims it): none is left
        setup = ssc_setup.VirtualSscSetup().start()
        assert "both vpcd slots are in use" in setup.problem
        area = wiring.SmartCardArea(None, None, setup)
        assert area.state == f"virtual card unavailable: {setup.problem}"
        with pytest.raises(RuntimeError, match="virtual smart card unavailable"):
            setup.insert_card("demo")
        setup.stop()
    finally:
        other.release()


def test_pinpad_configured_without_a_driver_refuses_pin_cards_kindly(hand, tmp_path):
    cfg = config.load(ROOT / "config.toml", {"kiosk": {"data_dir": str(tmp_path)},
                                             "smartcard": {"reader": hand.reader,
                                                           "pin_entry": "pinpad"}})
    bridge = Recorder()
    area = wiring.build_area(cfg, bridge.callback(wiring.DEVICE))
    assert area.virtual is None
    area.service.start()
    try:
        card = hand.insert("pin")
        area.service.arm()
        failure = bridge.wait("read_failed")
        assert failure["code"] == "pin_entry_unavailable" and failure["advice"] == "staff"
        assert card.pin_attempts == 0
    finally:
        area.stop()
