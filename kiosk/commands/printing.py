"""Printer tools for technicians.

  kiosk printers [--json]
      CUPS queues (state, reasons) and the receipt printer (DLE EOT status); exit 1 if the
      configured ones are not ready
  kiosk print-test certificate [--kind K] [--to FILE.pdf] [--copies N]
      a specimen certificate (测试样张 data from the platform) to the configured queue, or to a file
  kiosk print-test receipt [--layout L] [--to FILE.png]
      a test receipt to the configured receipt printer, or rendered to a PNG
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime

from kiosk import config

LAYOUTS = ("print-job", "queue-ticket", "submission", "case-progress")


def register(groups) -> None:
    printers = groups.root.add_parser("printers", help="list printers and their states")
    printers.add_argument("--json", action="store_true", help="print JSON")
    printers.set_defaults(func=_printers)

    test = groups.root.add_parser("print-test", help="print a test certificate or receipt")
    sub = test.add_subparsers(dest="print_test", metavar="WHAT", required=True)
    cert = sub.add_parser("certificate", help="a specimen certificate (A4, through CUPS)")
    cert.add_argument("--kind", default="household_register",
                      help="document kind, a template in printing/templates (default household_register)")
    cert.add_argument("--to", metavar="FILE.pdf", help="write the PDF here instead of printing")
    cert.add_argument("--copies", type=int, default=1)
    cert.set_defaults(func=_certificate)
    receipt = sub.add_parser("receipt", help="a test receipt (ESC/POS)")
    receipt.add_argument("--layout", choices=LAYOUTS, default="print-job")
    receipt.add_argument("--to", metavar="FILE.png", help="render to a PNG instead of printing")
    receipt.set_defaults(func=_receipt)


def _context(cfg):
    """A context with the platform and the printing services only (no other devices)."""
    from kiosk.app import start_platform
    from kiosk.context import AppContext
    from kiosk.session import Session
    ctx = AppContext(config=cfg, session=Session(), bridge=None, demo=True)
    start_platform(ctx)
    return ctx


def _wired(ctx, area: str):
    """The printing services wired from the configuration; area 'certificates' or 'receipts'
    (None, with the reason on stderr, when it is unavailable)."""
    from kiosk.wiring import printing as wiring
    wiring.wire(ctx)
    services = ctx.services.printing
    service = services.certificates if area == "certificates" else services.receipts
    if service is None:
        print(f"kiosk: {area} unavailable: {services.unavailable.get(area, 'disabled in config')}",
              file=sys.stderr)
    return service


def _printers(args: argparse.Namespace) -> int:
    from kiosk.wiring import printing as wiring
    cfg = config.load(args.config)
    ctx = _context(cfg)
    report: dict = {"cups": [], "receipt": None}
    ok = True
    try:
        wiring.wire(ctx)
        services = ctx.services.printing
        if services.certificates is not None:
            cups_printer = services.certificates.printer
            for name in sorted(cups_printer.queues()):
                from printing.cups_jobs import CupsPrinter
                status = CupsPrinter(name, cups_printer.server).status()
                report["cups"].append({"queue": name, "configured": name == cups_printer.queue,
                                       "state": status.state, "reasons": list(status.reasons),
                                       "ready": status.ready, "message": status.message})
                if name == cups_printer.queue:
                    ok = ok and status.ready
            if not any(q["configured"] for q in report["cups"]):
                ok = False
                report["cups_problem"] = f"queue {cups_printer.queue!r} does not exist"
        elif cfg.certificate_printer.enabled:
            ok = False
            report["cups_problem"] = services.unavailable.get("certificates", "unavailable")
        if services.receipts is not None:
            status = services.receipts.printer.poll()
            report["receipt"] = {"transport": cfg.receipt_printer.transport, **status.as_payload()}
            ok = ok and status.can_print
        elif cfg.receipt_printer.enabled:
            ok = False
            report["receipt_problem"] = services.unavailable.get("receipts", "unavailable")
    finally:
        ctx.shutdown()
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 0 if ok else 1
    for q in report["cups"]:
        mark = "*" if q["configured"] else " "
        print(f"{mark} {q['queue']:<20} {q['state']:<10} {'ready' if q['ready'] else 'NOT READY'}"
              f"  {', '.join(q['reasons']) or '-'}")
    if "cups_problem" in report:
        print(f"  certificates: {report['cups_problem']}")
    if report["receipt"]:
        r = report["receipt"]
        print(f"  receipt ({r['transport']}): {r['state']}  paper={r['paper']} "
              f"cover_open={r['cover_open']} online={r['online']}")
    elif "receipt_problem" in report:
        print(f"  receipt: {report['receipt_problem']}")
    return 0 if ok else 1


def _certificate(args: argparse.Namespace) -> int:
    from printing import templates
    from printing.errors import PrintingError
    cfg = config.load(args.config)
    if args.kind not in templates.kinds():
        print(f"kiosk: unknown kind {args.kind!r}; have: {', '.join(templates.kinds())}",
              file=sys.stderr)
        return 2
    ctx = _context(cfg)
    try:
        if args.to:
            from printing.documents import RenderContext, render
            from kiosk.wiring.platform import platform_client
            from printing.source import PlatformDocuments
            source = PlatformDocuments(platform_client(ctx))
            data = source.specimen(args.kind)
            doc = render(templates.get(args.kind), data, RenderContext(
                kiosk_id=cfg.kiosk.id, seal_png=source.seal(data["issuer"]["seal_url"]),
                mask=lambda s: config.mask_id(s, cfg.privacy)))
            with open(args.to, "wb") as fh:
                fh.write(doc.pdf)
            print(f"{args.to}: {doc.pages} page(s), sha256 {doc.sha256[:16]}")
            return 0
        from printing.service import PreparedDocument
        service = _wired(ctx, "certificates")
        if service is None:
            return 3
        data = service.source.specimen(args.kind)
        rendered = service.render(data)
        doc = PreparedDocument(data["doc_id"], rendered.kind, data["title"], rendered.pdf,
                               rendered.pages, "rendered")
        result = service.print(doc, copies=args.copies, actor="staff",
                               on_progress=lambda step: print(f"  {step}", flush=True))
        from kiosk.audit import record_from_cli
        record_from_cli(cfg, "test_print", details={"printer": "certificate"})
        print(f"job {result.job_id} completed in {result.seconds:.1f} s on "
              f"{service.printer.queue}" + (f" (warnings: {', '.join(result.warnings)})"
                                            if result.warnings else ""))
        return 0
    except PrintingError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 3
    finally:
        ctx.shutdown()


def _test_receipt(layout: str, cfg) -> callable:
    from printing import receipts
    now = datetime.now()
    if layout == "queue-ticket":
        # the ticket "take a number" prints (printing.ticket), with a specimen number
        from printing.ticket import TicketPrint, queue_ticket
        specimen = TicketPrint("T001", "测试业务（打印测试）", ("T1", "T2"), 0, 0, now,
                               "https://queue.shifan.example/t/test", "12345")
        return lambda w, hall, k: queue_ticket(specimen, hall, k, width=w)
    if layout == "submission":
        return lambda w, hall, k: receipts.submission_receipt(
            hall, "TEST-0001", "打印测试事项", "测**", ["测试材料一", "测试材料二"], "即办",
            "https://zwfw.shifan.example/test", k, width=w, when=now)
    if layout == "case-progress":
        return lambda w, hall, k: receipts.case_progress(
            hall, "TEST-0001", "打印测试事项", "测试中", [(f"{now:%Y-%m-%d %H:%M}", "打印测试")], k,
            width=w, when=now)
    return lambda w, hall, k: receipts.print_job_receipt(hall, "打印测试：中文、English、１２３。",
                                                         "TEST-0001", 1, 1, "测试完成", k,
                                                         width=w, when=now)


def _receipt(args: argparse.Namespace) -> int:
    from devices.receipt.errors import ReceiptPrinterError
    cfg = config.load(args.config)
    build = _test_receipt(args.layout, cfg)
    if args.to:
        from devices.virtual.escpos_printer import Parser, VirtualEscposPrinter
        sink = VirtualEscposPrinter(columns=cfg.receipt_printer.chars_per_line)
        Parser(sink).feed(build(cfg.receipt_printer.chars_per_line, cfg.kiosk.hall_name, cfg.kiosk.id))
        with open(args.to, "wb") as fh:
            fh.write(sink.receipts[-1].png)
        print(f"{args.to}: rendered")
        return 0
    ctx = _context(cfg)
    try:
        service = _wired(ctx, "receipts")
        if service is None:
            return 3
        service.print_receipt("test", args.layout, build)
        from kiosk.audit import record_from_cli
        record_from_cli(cfg, "test_print", details={"printer": "receipt"})
        vp = ctx.services.printing.virtual_receipt_printer
        if vp is not None:
            vp.wait_receipts(1)
            print(f"printed on the virtual printer: {cfg.data_path('virtual-receipts')}")
        else:
            print(f"printed ({service.printer.last_status.state})")
        return 0
    except ReceiptPrinterError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 3
    finally:
        ctx.shutdown()
