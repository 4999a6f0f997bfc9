"""Printing for the kiosk: certificates through CUPS, receipts on the ESC/POS printer, audit.

`virtual:NAME` as the CUPS queue starts a private cupsd + ippeveprinter (demo); transport
'virtual' for the receipt printer starts the virtual ESC/POS printer on 127.0.0.1, whose receipts
land as PNGs in the data dir. Audit records and staff alerts go to the sync outbox once it is wired
(it is wired after printing, so it is looked up on each record), to a local journal until then.
"""
from __future__ import annotations

import logging
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.area_state import StatePart, english
from kiosk.config import mask_id

log = logging.getLogger(__name__)


@dataclass
class PrintingServices:
    certificates: Any = None                 # printing.service.CertificateService
    receipts: Any = None                     # printing.receipt_service.ReceiptService
    audit: Any = None                        # printing.audit.AuditTrail
    unavailable: dict[str, str] = field(default_factory=dict)   # "certificates"/"receipts" -> why
    standin: Any = None                      # the CUPS stand-in when queue = virtual:NAME
    virtual_receipt_printer: Any = None

    # read on the UI thread (staff menu) and by the heartbeat: cached states only, no I/O
    @property
    def state_parts(self) -> tuple[StatePart, ...]:
        parts = []
        if self.certificates is not None:
            printer = self.certificates.printer
            last = printer.last_status
            if printer.service_down:
                parts.append(StatePart("A4 printer: the print service (CUPS) is down"))
            elif last is None:
                parts.append(StatePart("A4 printer: not checked yet"))
            elif last.ready:
                parts.append(StatePart("A4 printer: ready"))
            else:
                parts += [StatePart("A4 printer: %1", (code,))
                          for code in (last.blocking or (last.state,))]
            parts += [StatePart("A4 printer warning: %1", (code,))
                      for code in (last.warnings if last else ())]
        if self.receipts is not None:
            parts.append(StatePart("receipt printer: %1", (self.receipts.status.state,)))
        parts += [StatePart("%1 unavailable", (area,)) for area in self.unavailable]
        return tuple(parts) or (StatePart("disabled"),)

    @property
    def state(self) -> str:
        return english(self.state_parts)

    @property
    def paper(self) -> str | None:
        """The receipt roll: ok / near-end / out / unknown (the A4 printer says so in state)."""
        return self.receipts.status.paper if self.receipts is not None else None


def wire(ctx) -> None:
    from printing.audit import AuditTrail, Journal

    cfg = ctx.config
    services = PrintingServices()
    report = ctx.bridge.callback("printing") if ctx.bridge is not None else (lambda k, p=None: None)

    def outbox():
        sync = ctx.services.get("sync")          # SyncService.enqueue(kind, payload), once wired
        return sync if hasattr(sync, "enqueue") else None

    services.audit = AuditTrail(Journal(cfg.data_path("print-journal.jsonl")), outbox)

    def alert(code: str, details: dict) -> None:
        log.warning("printing alert %s: %s", code, details)
        services.audit.alert(code, details)
        report("alert", {"code": code, **details})

    if cfg.certificate_printer.enabled:
        try:
            services.certificates = _certificates(ctx, services, alert)
        except Exception as exc:
            log.error("certificate printing unavailable: %s", exc)
            services.unavailable["certificates"] = str(exc)
    if cfg.receipt_printer.enabled:
        try:
            services.receipts = _receipts(ctx, services, alert)
        except Exception as exc:
            log.error("receipt printing unavailable: %s", exc)
            services.unavailable["receipts"] = str(exc)
    ctx.services["printing"] = services
    if ctx.demo and hasattr(ctx, "add_demo_action"):
        _add_demo_actions(ctx, services)
    if services.receipts is not None:
        from printing.notice import print_guide_notice
        receipts = services.receipts
        # the guide screen's "print notice" button calls services["guide_notice"](item)
        ctx.services["guide_notice"] = lambda item: print_guide_notice(item, receipts)


def _certificates(ctx, services: PrintingServices, alert):
    from printing.cups_jobs import CupsPrinter
    from printing.errors import DocumentRejected
    from printing.service import CertificateService, RetryPolicy
    from kiosk.wiring.platform import platform_client
    from printing.source import PlatformDocuments

    cfg = ctx.config
    section = cfg.certificate_printer
    queue, server = section.queue, section.cups_server
    if queue.startswith("virtual:"):
        from devices.virtual.cups_printer import CupsStandIn
        root = Path(tempfile.mkdtemp(prefix="kiosk-cups-"))   # lp must reach it: not the data dir
        services.standin = CupsStandIn(root, queue.split(":", 1)[1] or "kiosk-a4")   # started on use

        def stop_standin() -> None:
            services.standin.stop()
            shutil.rmtree(root, ignore_errors=True)    # the "paper" it printed holds personal data
        ctx.on_shutdown(stop_standin)
        queue, server = services.standin.queue, services.standin.server
    printer = CupsPrinter(queue, server, media=section.media, duplex=section.duplex,
                          timeout_s=section.job_timeout_s, alert=alert,
                          before_connect=services.standin.ensure_started if services.standin else None)
    source = PlatformDocuments(platform_client(ctx))    # the one client: TLS, credential, proxy
    if section.trust_roots:
        pem = Path(section.trust_roots)
        pem = pem if pem.is_absolute() else cfg.base_dir / pem
        roots = pem.read_bytes()
        trust = lambda: roots                                              # noqa: E731
    elif ctx.services.get("reference_platform") is not None:
        cached: list[bytes] = []
        def trust() -> bytes:                                              # demo only
            if not cached:
                cached.append(source.trust_root())
            return cached[0]
    else:
        def trust() -> bytes:
            raise DocumentRejected("certificate_printer.trust_roots is not set", "signature_untrusted")
    service = CertificateService(source, printer, services.audit, cfg.kiosk.id,
                                 mask=lambda s: mask_id(s, cfg.privacy), trust_roots=trust,
                                 policy=RetryPolicy(section.citizen_attempts), alert=alert)
    service.on_first_attempt = lambda: ctx.session.on_wipe(service.forget)
    return service


def _receipts(ctx, services: PrintingServices, alert):
    from devices.receipt.printer import ReceiptPrinter
    from devices.receipt.transport import open_transport
    from printing.receipt_service import ReceiptService

    cfg = ctx.config
    section = cfg.receipt_printer
    if section.transport == "virtual":
        from devices.virtual.escpos_printer import VirtualEscposPrinter
        services.virtual_receipt_printer = VirtualEscposPrinter(
            cfg.data_path("virtual-receipts"), columns=section.chars_per_line).start().register()
        ctx.on_shutdown(services.virtual_receipt_printer.stop)
    bridge = ctx.bridge.callback("receipt") if ctx.bridge is not None else (lambda k, p=None: None)

    def on_event(kind: str, payload: dict) -> None:
        bridge(kind, payload)
        if kind == "status" and payload["state"] in ("paper_near_end", "paper_out", "cover_open",
                                                     "error"):
            alert(f"receipt_{payload['state']}", {"device": "receipt",
                                                   "severity": "warning" if payload["state"] ==
                                                   "paper_near_end" else "error"})

    printer = ReceiptPrinter(lambda: open_transport(section), poll_s=section.status_poll_s,
                             callback=on_event).start()
    ctx.on_shutdown(printer.stop)
    return ReceiptService(printer, services.audit, cfg.kiosk.hall_name, cfg.kiosk.id,
                          width=section.chars_per_line)


def _add_demo_actions(ctx, services: PrintingServices) -> None:
    """Staff-menu controls for the virtual printers (demo only). They run on the UI thread, so
    anything that talks to a printer goes to a short-lived thread."""
    import threading
    from PySide6.QtCore import QT_TRANSLATE_NOOP

    def later(fn) -> None:
        threading.Thread(target=fn, name="printing-demo", daemon=True).start()

    vp = services.virtual_receipt_printer
    if vp is not None and services.receipts is not None:
        def paper(state: str) -> None:
            vp.paper = state
            later(services.receipts.printer.poll)     # show the change now, not at the next poll
        ctx.add_demo_action(QT_TRANSLATE_NOOP("DemoActions", "Receipt printer: paper near end"),
                            lambda: paper("near-end"))
        ctx.add_demo_action(QT_TRANSLATE_NOOP("DemoActions", "Receipt printer: out of paper"),
                            lambda: paper("out"))
        ctx.add_demo_action(QT_TRANSLATE_NOOP("DemoActions", "Receipt printer: paper refilled"),
                            lambda: paper("ok"))
    standin = services.standin
    if standin is not None:
        ctx.add_demo_action(QT_TRANSLATE_NOOP("DemoActions", "A4 printer: jam on the next job"),
                            lambda: standin.set_mode("media-jam"))
        ctx.add_demo_action(QT_TRANSLATE_NOOP("DemoActions", "A4 printer: out of paper on the next job"),
                            lambda: standin.set_mode("media-empty"))

        def fixed() -> None:
            if standin.started:
                standin.reset_printer()
            else:
                standin.set_mode("")
        ctx.add_demo_action(QT_TRANSLATE_NOOP("DemoActions", "A4 printer: fixed by staff"),
                            lambda: later(fixed))
