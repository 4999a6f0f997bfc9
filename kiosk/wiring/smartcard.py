"""Builds the smart card service from cfg.smartcard and connects its events to the UI bridge.

reader = "virtual:ssc" (or --demo) makes sure pcscd runs with the vpcd driver (reusing a running
one, else starting `pcscd -f` as our child) and puts the virtual social security card into vpcd's
second reader ("Virtual PCD 00 01", TCP 35964), so the tests' first slot stays free. The driver then
reads it through real PC/SC, exactly as it reads a card in a hardware reader.

Events go to ctx.bridge as device "smartcard" (kinds in devices.smartcard.service), plus
"pin_request" (a PinPrompt) when the card asks for its PIN: the PIN pad screen answers through
ctx.services["smartcard"].pin_entry.
"""
from __future__ import annotations

import logging
from typing import Any, Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP

from devices.smartcard.daemon import Pcscd, SlotClaim
from devices.smartcard.errors import ServiceUnavailable
from devices.smartcard.pin import HandoffPinEntry, MissingPinPad
from devices.smartcard.service import SmartCardService
from devices.virtual.ssc_card import VPCD_PORT, VirtualSSC
from kiosk.area_state import StatePart, english

log = logging.getLogger(__name__)

DEVICE = "smartcard"
VIRTUAL = "virtual:ssc"
VIRTUAL_PORT = VPCD_PORT + 1            # vpcd's second slot
VIRTUAL_READER = "Virtual PCD 00 01"
# vpcd's slots in the order the demo tries them: the second first, as the tests use the first
VIRTUAL_SLOTS = ((VIRTUAL_PORT, VIRTUAL_READER), (VPCD_PORT, "Virtual PCD 00 00"))


class VirtualSetup:
    """pcscd (ours or reused) and the virtual card in a free vpcd slot (the second one, or the
    first when another kiosk process, say a demo beside a walkthrough, has the second)."""

    def __init__(self) -> None:
        self.pcscd = Pcscd()
        self.port, self.reader = VIRTUAL_SLOTS[0]
        self.card = VirtualSSC("demo", port=self.port)
        self.slot: SlotClaim | None = None
        self.problem = ""

    def start(self) -> "VirtualSetup":
        try:
            self.slot = self._claim()
            self.card.port = self.port
            self.pcscd.ensure()
        except ServiceUnavailable as exc:
            # the kiosk still starts; the service keeps trying, and staff see why
            self.problem = str(exc)
            log.error("virtual smart card unavailable: %s", exc)
        return self

    def _claim(self) -> SlotClaim:
        for port, reader in VIRTUAL_SLOTS:
            try:
                claim = SlotClaim(port)
            except ServiceUnavailable:
                continue
            self.port, self.reader = port, reader
            return claim
        raise ServiceUnavailable("both vpcd slots are in use by other kiosk processes (demos, test "
                                 "runs or benchmarks); stop one or wait")

    def insert_card(self, name: str = "demo", **behaviour: bool) -> None:
        if self.problem:
            raise RuntimeError(f"virtual smart card unavailable: {self.problem}")
        self.card.remove()
        self.card.load(name)
        self.card.behaviour.set(**{k: False for k in vars(self.card.behaviour)})
        self.card.behaviour.set(pin_required=self.card.card.pin_required, **behaviour)
        self.card.insert(timeout_s=2.0)

    def remove_card(self) -> None:
        self.card.remove()

    def stop(self) -> None:
        self.card.remove()
        self.pcscd.stop()
        if self.slot is not None:
            self.slot.release()
            self.slot = None


class SmartCardArea:
    """What screens reach as ctx.services["smartcard"]."""

    def __init__(self, service: SmartCardService, pin_entry: Any, virtual: VirtualSetup | None):
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

    # demo controls (virtual card only)
    def insert_card(self, name: str = "demo", **behaviour: bool) -> None:
        self._virtual().insert_card(name, **behaviour)

    def remove_card(self) -> None:
        self._virtual().remove_card()

    def _virtual(self) -> VirtualSetup:
        if self.virtual is None:
            raise RuntimeError("demo controls need the virtual card (smartcard.reader = 'virtual:ssc')")
        return self.virtual

    def stop(self) -> None:
        self.service.stop()
        if self.virtual is not None:
            self.virtual.stop()


def build_area(cfg: Any, sink: Callable[[str, Any], None], demo: bool = False) -> SmartCardArea:
    section = cfg.smartcard
    virtual = None
    reader = section.reader
    if reader == VIRTUAL or demo:
        virtual = VirtualSetup().start()
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
    ctx.services[DEVICE] = area
    ctx.on_shutdown(area.stop)
    if area.virtual is not None:
        if area.virtual.problem:
            sink("service_unavailable", {"code": "service_unavailable", "advice": "staff",
                                         "message": area.virtual.problem})
        _add_demo_actions(ctx, area)


DEMO_CARDS = (
    (QT_TRANSLATE_NOOP("DemoActions", "Insert sample social security card"), "demo", {}),
    (QT_TRANSLATE_NOOP("DemoActions", "Insert social security card with PIN 123456"), "pin", {}),
    (QT_TRANSLATE_NOOP("DemoActions", "Insert social security card with blocked PIN"), "pin",
     {"blocked": True}),
    (QT_TRANSLATE_NOOP("DemoActions", "Insert bank card into the card slot"), "bank", {}),
    (QT_TRANSLATE_NOOP("DemoActions", "Insert social security card that does not answer"), "demo",
     {"mute": True}),
    (QT_TRANSLATE_NOOP("DemoActions", "Social security card pulled out during reading"), "demo",
     {"remove_mid_read": True}),
)


def _add_demo_actions(ctx, area: SmartCardArea) -> None:
    for caption, card, behaviour in DEMO_CARDS:
        ctx.add_demo_action(caption, lambda c=card, b=behaviour: area.insert_card(c, **b))
    ctx.add_demo_action(QT_TRANSLATE_NOOP("DemoActions", "Remove social security card"),
                        area.remove_card)
