"""Builds the ID card reader from cfg.idcard and connects its events to the UI bridge.

port = "virtual:idcard" (or --demo) starts the twin on a pty in this process; the driver opens that
pty like any serial port, so the kiosk runs the same driver code as with a real reader. Events go to
ctx.bridge as device "idcard" with kinds "state", "card" and "error" (see devices.idcard.reader).
"""
from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
from dataclasses import replace
from typing import Any, Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP

from devices.idcard.errors import IdCardError
from devices.idcard.photo import load_decoder
from devices.idcard.reader import IdCardReader, ReaderSettings
from kiosk.area_state import StatePart

log = logging.getLogger(__name__)

VIRTUAL = "virtual:idcard"
DEVICE = "idcard"


class IdCardService:
    """The running reader (and twin in demo), with the latest state for screens that open later."""

    def __init__(self, settings: ReaderSettings, sink: Callable[[str, Any], None],
                 decoder=None, twin=None):
        self.twin = twin
        self._sink = sink
        self._lock = threading.Lock()
        self.last_state: dict[str, Any] = {"state": "disconnected", "reason": "starting"}
        self.reader = IdCardReader(settings, on_event=self._on_event, photo_decoder=decoder)

    def _on_event(self, kind: str, payload: Any) -> None:
        if kind == "state":
            with self._lock:
                self.last_state = dict(payload)
        self._sink(kind, payload)

    @property
    def state(self) -> str:
        with self._lock:
            return self.last_state["state"]

    @property
    def state_parts(self) -> tuple[StatePart, ...]:
        with self._lock:
            state, reason = self.last_state["state"], self.last_state.get("reason")
        return (StatePart("%1 (%2)", (state, reason)) if reason else StatePart("%1", (state,)),)

    @property
    def available(self) -> bool:
        return self.state not in ("disconnected",)

    def start(self) -> "IdCardService":
        self.reader.start()
        return self

    def stop(self) -> None:
        self.reader.stop()
        if self.twin is not None:
            self.twin.stop()
            if self.twin.link:
                shutil.rmtree(os.path.dirname(self.twin.link), ignore_errors=True)

    # ---- demo controls (twin only) -------------------------------------------------------------

    def sample_cards(self) -> list[str]:
        from devices.virtual.idcard_twin import sample_cards
        return list(sample_cards()) if self.twin is not None else []

    def place_card(self, name: str = "resident") -> None:
        self._require_twin().place_card(name)

    def remove_card(self) -> None:
        self._require_twin().remove_card()

    def scenario(self, name: str, card: str = "resident") -> None:
        """A twin scenario (see devices.virtual.idcard_twin.SCENARIOS), for demos and walkthroughs."""
        from devices.virtual.idcard_twin import apply_scenario
        twin = self._require_twin()
        twin.clear_faults()
        apply_scenario(twin, name, card)

    def unplug(self) -> None:
        """Pull the virtual reader's cable: its pty goes away, the driver reports disconnected."""
        self._require_twin().stop()

    def plug_in(self) -> None:
        """Plug the virtual reader back in: a new pty behind the same link path."""
        from devices.virtual.idcard_twin import IdCardTwin
        old = self._require_twin()
        old.stop()
        self.twin = IdCardTwin(baud=old.baud, link=old.link, rf_delay_s=old.rf_delay_s).start()

    def rearm(self) -> None:
        """Read the card on the reader again (a screen that opens after it was placed)."""
        self.reader.rearm()

    def _require_twin(self):
        if self.twin is None:
            raise RuntimeError("demo controls need the virtual ID card reader (port virtual:idcard)")
        return self.twin


def build_service(cfg: Any, sink: Callable[[str, Any], None], demo: bool = False) -> IdCardService:
    section = cfg.idcard
    twin = None
    port = section.port
    if port == VIRTUAL or demo:
        from devices.virtual.idcard_twin import IdCardTwin
        # a stable link name, like a udev symlink, so the demo can unplug and replug the twin
        folder = tempfile.mkdtemp(prefix="kiosk-idcard-")
        twin = IdCardTwin(baud=section.baud, link=os.path.join(folder, "ttyIDCARD")).start()
        port = twin.port
    printer = cfg.receipt_printer
    exclude = (printer.port,) if printer.transport == "serial" and printer.port else ()
    settings = replace(ReaderSettings.from_config(section, port=port), exclude_ports=exclude)
    try:
        decoder = load_decoder(section.wlt_decoder)
    except IdCardError as exc:
        # the card still reads without its photo: report, do not fail the device
        log.warning("ID card photo decoder unavailable: %s", exc)
        decoder = None
    return IdCardService(settings, sink, decoder, twin)


def wire(ctx) -> None:
    if not ctx.config.idcard.enabled:
        return
    sink = ctx.bridge.callback(DEVICE) if ctx.bridge is not None else (lambda kind, payload=None: None)
    service = build_service(ctx.config, sink, demo=ctx.demo).start()
    ctx.services[DEVICE] = service
    ctx.on_shutdown(service.stop)
    if service.twin is not None:
        _add_demo_actions(ctx, service)


DEMO_CARDS = (
    (QT_TRANSLATE_NOOP("DemoActions", "Place sample ID card"), "resident"),
    (QT_TRANSLATE_NOOP("DemoActions", "Place ID card valid long-term"), "resident_longterm"),
    (QT_TRANSLATE_NOOP("DemoActions", "Place expired ID card"), "resident_expired"),
    (QT_TRANSLATE_NOOP("DemoActions", "Place HK/Macau/Taiwan residence permit"), "hmt_permit"),
    (QT_TRANSLATE_NOOP("DemoActions", "Place foreign permanent residence card"), "foreign_2023"),
)


def _add_demo_actions(ctx, service: IdCardService) -> None:
    for caption, card in DEMO_CARDS:
        ctx.add_demo_action(caption, lambda c=card: service.scenario(c))
    ctx.add_demo_action(QT_TRANSLATE_NOOP("DemoActions", "Remove ID card"), service.remove_card)
    ctx.add_demo_action(QT_TRANSLATE_NOOP("DemoActions", "ID card taken away during reading"),
                        lambda: service.scenario("removed_before_read"))
    ctx.add_demo_action(QT_TRANSLATE_NOOP("DemoActions", "Unplug the ID card reader"),
                        service.unplug)
    ctx.add_demo_action(QT_TRANSLATE_NOOP("DemoActions", "Plug the ID card reader back in"),
                        service.plug_in)
