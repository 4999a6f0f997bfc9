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

from devices.idcard.errors import IdCardError
from devices.idcard.photo import load_decoder
from devices.idcard.reader import IdCardReader, ReaderSettings
from kiosk.area_state import StatePart

log = logging.getLogger(__name__)

VIRTUAL = "virtual:idcard"
DEVICE = "idcard"


class IdCardArea:
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

    def start(self) -> "IdCardArea":
        self.reader.start()
        return self

    def stop(self) -> None:
        self.reader.stop()
        if self.twin is not None:
            self.twin.stop()
            if self.twin.link:
                shutil.rmtree(os.path.dirname(self.twin.link), ignore_errors=True)

    def rearm(self) -> None:
        """Read the card on the reader again (a screen that opens after it was placed)."""
        self.reader.rearm()



def build_area(cfg: Any, sink: Callable[[str, Any], None], demo: bool = False) -> IdCardArea:
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
    return IdCardArea(settings, sink, decoder, twin)


def wire(ctx) -> None:
    if not ctx.config.idcard.enabled:
        return
    sink = ctx.bridge.callback(DEVICE) if ctx.bridge is not None else (lambda kind, payload=None: None)
    service = build_area(ctx.config, sink, demo=ctx.demo).start()
    ctx.services.idcard = service
    ctx.on_shutdown(service.stop)
    ctx.add_demo_controls(service.twin)


