"""Printing for the kiosk: certificates through CUPS, receipts on the ESC/POS printer, audit.

`virtual:NAME` as the CUPS queue starts a private cupsd + ippeveprinter (demo); transport
'virtual' for the receipt printer starts the virtual ESC/POS printer on 127.0.0.1, whose receipts
land as PNGs in the data dir. Audit records and staff alerts go to the sync outbox once it is wired
(sync is wired before printing; it is looked up on each record, as it may have failed), to a local journal until then.
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
class PrintingArea:
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

    def print_guide_notice(self, item) -> dict:
        """The guide screen's "print this notice" on the receipt printer (kiosk.flows.guide_notice
        asks only when receipts exist)."""
        from printing.notice import print_guide_notice
        return print_guide_notice(item, self.receipts)

    @property
    def paper(self) -> str | None:
        """The receipt roll: ok / near-end / out / unknown (the A4 printer says so in state)."""
        return self.receipts.status.paper if self.receipts is not None else None


def wire(ctx) -> None:
    from printing.audit import AuditTrail, Journal

    cfg = ctx.config
    services = PrintingArea()
    report = ctx.bridge.callback("printing") if ctx.bridge is not None else (lambda k, p=None: None)

    def outbox():
        return ctx.services.sync          # SyncArea.enqueue(kind, payload); None if sync failed

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
    ctx.services.printing = services
    if services.receipts is not None:
        ctx.add_demo_controls(services.virtual_receipt_printer, services.receipts.printer.poll)
    ctx.add_demo_controls(services.standin)


def _certificates(ctx, services: PrintingArea, alert):
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
    elif ctx.embedded_platform is not None:
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


def _receipts(ctx, services: PrintingArea, alert):
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
        if kind == "link" and not payload.get("up"):
            # switched off or unplugged: its status reads "unknown" then, so say it here
            alert("receipt_link_down", {"device": "receipt", "severity": "error"})
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
