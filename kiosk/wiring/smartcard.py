"""Builds the smart card service from cfg.smartcard and connects its events to the UI bridge.

reader = "virtual:ssc" (or --demo) makes sure pcscd runs with the vpcd driver (reusing a running
one, else starting `pcscd -f` as our child) and puts the virtual social security card into vpcd's
second reader ("Virtual PCD 00 01", TCP 35964), so the tests' first slot stays free. The driver then
reads it through real PC/SC, exactly as it reads a card in a hardware reader.

Events go to ctx.bridge as device "smartcard" (kinds in devices.smartcard.service), plus
"pin_request" (a PinPrompt) when the card asks for its PIN: the PIN pad screen answers through
ctx.services.smartcard.pin_entry.
"""
from __future__ import annotations

import logging
from typing import Any, Callable

from devices.smartcard.pin import HandoffPinEntry, MissingPinPad
from devices.smartcard.service import SmartCardService
from devices.virtual.ssc_setup import VirtualSscSetup
from kiosk.area_state import StatePart, english

log = logging.getLogger(__name__)

DEVICE = "smartcard"
VIRTUAL = "virtual:ssc"
class SmartCardArea:
    """What screens reach as ctx.services.smartcard."""

    def __init__(self, service: SmartCardService, pin_entry: Any, virtual: VirtualSscSetup | None):
        self.service = service
        self.pin_entry = pin_entry
        self.virtual = virtual

    @property
    def available(self) -> bool:
        """Offer the card to citizens: a reader is there, or the worker has not looked yet (the
        kiosk is starting; the screen shows "no reader" until the reader turns up)."""
        if self.virtual is not None and self.virtual.problem:
            return False
        return self.service.reader is not None or not self.service.looked.is_set()

    @property
    def problem(self) -> StatePart | None:
        if self.virtual is not None and self.virtual.problem:
            return StatePart("virtual card unavailable: %1", (self.virtual.problem,))
        if not self.service.service_up:
            return StatePart("the PC/SC service (pcscd) is not running")
        if self.service.reader is None:
            return StatePart("no smart card reader")
        return None

    @property
    def state_parts(self) -> tuple[StatePart, ...]:
        """What is wrong, or which reader is in use."""
        problem = self.problem
        if problem is not None:
            return (problem,)
        return (StatePart("reader %1, card in" if self.service.card_present else "reader %1",
                          (self.service.reader,)),)

    @property
    def state(self) -> str:
        return english(self.state_parts)

    def stop(self) -> None:
        self.service.stop()
        if self.virtual is not None:
            self.virtual.stop()


def build_area(cfg: Any, sink: Callable[[str, Any], None], demo: bool = False) -> SmartCardArea:
    section = cfg.smartcard
    virtual = None
    reader = section.reader
    if reader == VIRTUAL or demo:
        virtual = VirtualSscSetup().start()
        reader = virtual.reader
    if section.pin_entry == "pinpad":
        log.warning("smartcard.pin_entry = 'pinpad' but no PIN pad driver is installed: cards that "
                    "ask for a PIN will be refused with a message to ask staff")
        pin_entry: Any = MissingPinPad()
    else:
        pin_entry = HandoffPinEntry(lambda prompt: sink("pin_request", prompt),
                                    timeout_s=section.pin_timeout_s)
    service = SmartCardService(sink, reader=reader, pin_entry=pin_entry,
                               apdu_timeout_s=section.apdu_timeout_ms / 1000)
    return SmartCardArea(service, pin_entry, virtual)


def wire(ctx) -> None:
    if not ctx.config.smartcard.enabled:
        return
    sink = ctx.bridge.callback(DEVICE) if ctx.bridge is not None else (lambda kind, payload=None: None)
    area = build_area(ctx.config, sink, demo=ctx.demo)
    area.service.start()
    ctx.services.smartcard = area
    ctx.on_shutdown(area.stop)
    if area.virtual is not None:
        if area.virtual.problem:
            sink("service_unavailable", {"code": "service_unavailable", "advice": "staff",
                                         "message": area.virtual.problem})
        ctx.add_demo_controls(area.virtual)


