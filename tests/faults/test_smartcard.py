"""The smart card reader gone (pcscd with the vpcd reader driver stopped) while a citizen waits to
insert a social security card, then back. The real pcscd and vpcd with the virtual card, through
the smart card tests' own session fixtures (their slot claim, so runs on one machine take turns);
the product's smart card area and the identify flow as the screen drives it."""
from __future__ import annotations

import queue
import time
from pathlib import Path

import pytest
from local_modules import local_module

from screens.identify_ssc import message_for

smartcard = local_module(str(Path(__file__).resolve().parents[1] / "smartcard" / "x.py"),
                         "conftest")
pcscd, reader_name, hand_factory = smartcard.pcscd, smartcard.reader_name, smartcard.hand_factory


def pump(events, flow, until, timeout=10.0):
    """Hand the worker's events to the flow, as the bridge hands them to the screen."""
    deadline = time.monotonic() + timeout
    while not until():
        left = deadline - time.monotonic()
        if left <= 0:
            raise AssertionError(f"not reached; flow phase {flow.phase}, error {flow.error}")
        try:
            kind, payload = events.get(timeout=min(left, 0.1))
        except queue.Empty:
            continue
        flow.on_event(kind, payload)


def test_smart_card_reader_gone_and_back(row, pcscd, reader_name, hand_factory, make_ctx):
    from kiosk.flows.identify_ssc import SscDevices, SscIdentifyFlow
    from kiosk.wiring.smartcard import build_area
    from kiosk.wiring.sync import _device_states
    r = row("smart card reader gone (pcscd with vpcd stopped) while a citizen waits, then back")
    if not pcscd.started_here or pcscd.others_using():
        pytest.skip("pcscd is shared with another process (it ran before the tests, or a demo "
                    "uses it): not ours to stop")
    from kiosk import i18n
    ctx = make_ctx({"smartcard": {"reader": reader_name}})
    i18n.install(ctx.config.ui.language)          # as the shell does: the citizen's words
    events: queue.Queue = queue.Queue()
    area = build_area(ctx.config, lambda kind, payload=None: events.put((kind, payload)))
    area.service.retry_s = 0.2
    area.service.start()
    ctx.services.smartcard = area
    ctx.on_shutdown(area.stop)
    flow = SscIdentifyFlow(SscDevices(area.service, area.pin_entry, lambda: area.available),
                           ctx.session, ctx.config.privacy)
    pump(events, flow, lambda: area.service.reader is not None)
    flow.start()
    assert flow.phase == "insert"

    assert pcscd.stop()                            # ours: started by the smart card fixture
    pump(events, flow, lambda: flow.phase == "error")
    said = message_for(flow.error)
    r.saw(said)
    assert flow.error_code in ("reader_removed", "service_unavailable"), flow.error
    r.alerted(f"heartbeat devices: {_device_states(ctx)}")
    assert area.problem is not None               # the staff menu and heartbeat say what is wrong

    pcscd.ensure()                                 # the service manager starts it again
    pump(events, flow, lambda: flow.phase == "insert", timeout=15)
    hand = hand_factory()
    try:
        hand.insert("demo")
        pump(events, flow, lambda: flow.phase == "done")
        assert flow.summary is not None
        r.came_back(f"yes, by itself: the screen asks for the card again and reads it; "
                    f"heartbeat devices: {_device_states(ctx)}")
    finally:
        hand.close()
    r.records = "n/a (nothing queued)"
