"""The virtual social security card in a free vpcd slot, behind a real pcscd: what the demo and
the walkthrough read through PC/SC exactly as a card in a hardware reader."""
from __future__ import annotations

import logging

from devices.smartcard.daemon import Pcscd, SlotClaim
from devices.smartcard.errors import ServiceUnavailable
from devices.virtual.demo_control import QT_TRANSLATE_NOOP, DemoControl
from devices.virtual.ssc_card import VPCD_PORT, VirtualSSC

log = logging.getLogger(__name__)

VIRTUAL_PORT = VPCD_PORT + 1            # vpcd's second slot
VIRTUAL_READER = "Virtual PCD 00 01"
# vpcd's slots in the order the demo tries them: the second first, as the tests use the first
VIRTUAL_SLOTS = ((VIRTUAL_PORT, VIRTUAL_READER), (VPCD_PORT, "Virtual PCD 00 00"))


class VirtualSscSetup:
    """pcscd (ours or reused) and the virtual card in a free vpcd slot (the second one, or the
    first when another kiosk process, say a demo beside a walkthrough, has the second)."""

    def __init__(self) -> None:
        self.pcscd = Pcscd()
        self.port, self.reader = VIRTUAL_SLOTS[0]
        self.card = VirtualSSC("demo", port=self.port)
        self.slot: SlotClaim | None = None
        self.problem = ""

    def start(self) -> "VirtualSscSetup":
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

    def demo_controls(self) -> list[DemoControl]:
        controls = [DemoControl(caption, lambda c=card, b=behaviour: self.insert_card(c, **b))
                    for caption, card, behaviour in DEMO_CARDS]
        return controls + [DemoControl(QT_TRANSLATE_NOOP("DemoActions", "Remove social security card"),
                                       self.remove_card)]


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
