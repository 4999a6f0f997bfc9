"""Printing figures: certificate render time per page against a bare reportlab floor for the same
content, receipt encoding time, and "print" to "job completed" through cupsd + ippeveprinter."""
from __future__ import annotations

import io
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path


def _timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def _fmt(samples: list[float]) -> str:
    return f"median {statistics.median(samples) * 1000:7.1f} ms  min {min(samples) * 1000:7.1f} ms"


def _floor(data: dict, template, font: str) -> tuple[bytes, int]:
    """The same words with the same embedded font, as bare drawString lines: no tables, wrapping,
    watermark, QR, seal or page numbering. What any certificate costs at the least."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    from printing.templates import fill, lookup
    lines = [template.title]
    for block in template.blocks:
        if block["type"] == "fields":
            lines += [f"{f['label']}：{lookup(data, f['value'])}" for f in block["fields"]]
        elif block["type"] == "table":
            for row in lookup(data, block["rows"]):
                lines.append("  ".join(str(lookup(row, c["value"])) for c in block["columns"]))
        else:
            lines.append(fill(block["text"], data))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, initialFontName=font)
    y, pages = 800, 1
    for line in lines:
        if y < 60:
            c.showPage()
            y, pages = 800, pages + 1
        c.setFont(font, 10)
        c.drawString(50, y, line[:80])
        y -= 16
    c.showPage()
    c.save()
    return buf.getvalue(), pages


def bench_render(platform_url: str) -> None:
    from printing import documents, fonts, templates
    from printing.source import PlatformDocuments
    from sync.client import ClientSettings, PlatformClient
    font = fonts.register()
    source = PlatformDocuments(PlatformClient(ClientSettings(platform_url)))
    print("certificate render (per page; floor = bare reportlab drawString, same font and words)")
    for kind in templates.kinds():
        data = source.specimen(kind)
        seal = source.seal(data["issuer"]["seal_url"])
        template = templates.get(kind)
        ctx = documents.RenderContext("BENCH", seal_png=seal)
        doc = documents.render(template, data, ctx)
        ours = [s / doc.pages for s in _timed(lambda: documents.render(template, data, ctx), 10)]
        _, floor_pages = _floor(data, template, font)
        floor = [s / floor_pages for s in _timed(lambda: _floor(data, template, font), 10)]
        print(f"  {kind:<26} {doc.pages} page(s)  ours {_fmt(ours)}")
        print(f"  {'':<26} {floor_pages} page(s)  floor {_fmt(floor)}   ratio "
              f"{statistics.median(ours) / statistics.median(floor):5.1f}x")


def bench_receipts() -> None:
    from kiosk.catalog import ServiceItem
    from printing import receipts
    from reference_platform.demo_data import items
    item = ServiceItem.from_dict(items()[0])
    print("receipt encoding (ESC/POS bytes, GB18030 path)")
    cases = {
        "queue ticket": lambda: receipts.queue_ticket("示范市政务服务中心", "A017", "户籍业务", 5, "K"),
        "one-time notice": lambda: receipts.guide_notice(item, "示范市政务服务中心", "K"),
        "submission receipt": lambda: receipts.submission_receipt(
            "示范市政务服务中心", "SL1", item.name, "欧**", [m.name for m in item.materials],
            item.promised_text, item.guide_url, "K"),
    }
    for name, fn in cases.items():
        size = len(fn())
        print(f"  {name:<20} {size:6d} bytes  {_fmt(_timed(fn, 200))}")


def bench_cups(pdf: bytes) -> None:
    from devices.virtual.cups_printer import CupsStandIn, missing_tools
    from printing.cups_jobs import CupsPrinter
    if os.geteuid() != 0 or missing_tools():
        print("print -> completed: skipped (needs root and cups, cups-ipp-utils, avahi-daemon)")
        return
    root = Path(tempfile.mkdtemp(prefix="kiosk-cups-bench-"))
    started = time.perf_counter()
    standin = CupsStandIn(root).start()
    print(f"print -> job completed on ippeveprinter (stand-in up in {time.perf_counter() - started:.2f} s)")
    try:
        printer = CupsPrinter(standin.queue, standin.server, timeout_s=60, poll_s=0.05)
        samples = _timed(lambda: printer.follow(printer.submit(pdf, "bench", 1)), 8)
        print(f"  1-page certificate, {len(pdf) // 1024} KiB: {_fmt(samples)}")
    finally:
        standin.stop()
        shutil.rmtree(root, ignore_errors=True)


def main() -> None:
    from reference_platform.server import PlatformServer
    from printing import documents, templates
    from printing.source import PlatformDocuments
    from sync.client import ClientSettings, PlatformClient
    with tempfile.TemporaryDirectory() as tmp:
        platform = PlatformServer(Path(tmp) / "p.sqlite3").start()
        try:
            bench_render(platform.url)
            bench_receipts()
            source = PlatformDocuments(PlatformClient(ClientSettings(platform.url)))
            data = source.specimen("household_register")
            pdf = documents.render(templates.get("household_register"), data,
                                   documents.RenderContext("BENCH", seal_png=source.seal(
                                       data["issuer"]["seal_url"]))).pdf
            bench_cups(pdf)
        finally:
            platform.stop()


if __name__ == "__main__":
    main()
