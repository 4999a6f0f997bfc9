"""A4 certificates rendered with reportlab from the platform's document data and a template.

Every page carries the same frame, drawn here so no template can omit it: title, serial number,
verification QR (the platform's verify code), the use-limitation watermark, print time, kiosk id and
"page x of y"; the last page carries the issuer's seal over the issuer block. Text wraps inside its
cell (CJK line breaking), so long names and addresses never overflow.
"""
from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable
from xml.sax.saxutils import escape

import segno
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Spacer,
                                Table, TableStyle)

from printing import fonts

# Binary image streams: reportlab's pure-Python ASCII85 of the seal was most of the render time
# (and made the file a quarter larger). Every PDF reader and printer takes binary streams.
from reportlab import rl_config  # noqa: E402

rl_config.useA85 = 0
from printing.errors import DocumentDataError
from printing.templates import Template, fill, lookup

PAGE_W, PAGE_H = A4
MARGIN_X = 18 * mm
HEADER_H = 40 * mm
FOOTER_H = 24 * mm
CONTENT_W = PAGE_W - 2 * MARGIN_X
LABEL_W = 30 * mm
SEAL_MM = 40
WATERMARK = "此件由{issuer}提供，仅供办理政务服务事项时使用，有效期至{valid_until}"
REQUIRED = ("doc_id", "serial", "issuer.name", "valid_until", "verify_code")


@dataclass
class RenderContext:
    kiosk_id: str
    printed_at: datetime = field(default_factory=lambda: datetime.now().astimezone())
    seal_png: bytes | None = None          # the issuer's seal as the platform delivers it
    mask: Callable[[str], str] = lambda s: s  # ID masking for fields the template marks "mask"


@dataclass(frozen=True)
class RenderedDocument:
    doc_id: str
    kind: str
    pdf: bytes
    pages: int

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.pdf).hexdigest()


def watermark_text(data: dict[str, Any]) -> str:
    return WATERMARK.format(issuer=lookup(data, "issuer.name"), valid_until=lookup(data, "valid_until"))


def render(template: Template, data: dict[str, Any], ctx: RenderContext) -> RenderedDocument:
    """The document as PDF bytes. DocumentDataError when the data lacks what the template reads."""
    for path in REQUIRED:
        lookup(data, path)
    for path in template.paths():
        lookup(data, path)
    if data.get("kind", template.kind) != template.kind:
        raise DocumentDataError(f"document kind {data.get('kind')!r} does not match template "
                                f"{template.kind!r}")
    font = fonts.register()
    styles = _styles(font)
    story = _story(template, data, ctx, styles)
    buf = io.BytesIO()
    frame = Frame(MARGIN_X, FOOTER_H, CONTENT_W, PAGE_H - HEADER_H - FOOTER_H, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    page = _PageFrame(template, data, ctx, font)
    doc = BaseDocTemplate(buf, pagesize=A4, title=template.title, author=lookup(data, "issuer.name"),
                          creator=f"hall kiosk {ctx.kiosk_id}", subject=lookup(data, "serial"),
                          # else the page preamble names Helvetica, a font nobody embeds
                          initialFontName=font,
                          pageTemplates=[PageTemplate(id="page", frames=[frame], onPage=page.draw)])
    pages = _PageCounter.make(page)
    doc.build(story, canvasmaker=pages)
    return RenderedDocument(doc_id=str(data["doc_id"]), kind=template.kind, pdf=buf.getvalue(),
                            pages=page.total)


def _styles(font: str) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=font, fontSize=10.5, leading=15, wordWrap="CJK",
                          alignment=TA_LEFT)
    return {
        "body": base,
        "label": ParagraphStyle("label", parent=base, textColor=colors.HexColor("#333333")),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9.5, leading=13),
        "cell_r": ParagraphStyle("cell_r", parent=base, fontSize=9.5, leading=13, alignment=TA_RIGHT),
        "head": ParagraphStyle("head", parent=base, fontSize=9.5, leading=13, alignment=TA_CENTER),
        "heading": ParagraphStyle("heading", parent=base, fontSize=12.5, leading=18, spaceBefore=6,
                                  spaceAfter=4),
    }


def _value(raw: Any, spec: dict[str, Any], ctx: RenderContext) -> str:
    if raw is None or raw == "":
        return "—"
    if spec.get("format") == "money":
        try:
            return f"{float(raw):,.2f}"
        except (TypeError, ValueError):
            raise DocumentDataError(f"{spec['value']!r} is not an amount") from None
    text = str(raw)
    return ctx.mask(text) if spec.get("mask") else text


def _para(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


def _story(template: Template, data: dict[str, Any], ctx: RenderContext,
           styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    story: list[Flowable] = []
    for block in template.blocks:
        if block.get("heading"):
            story.append(_para(block["heading"], styles["heading"]))
        if block["type"] == "fields":
            story.append(_fields_table(block, data, ctx, styles))
        elif block["type"] == "table":
            story.append(_rows_table(block, data, ctx, styles))
        else:
            story.append(Spacer(0, 3 * mm))
            story.append(_para(fill(block["text"], data), styles["body"]))
        story.append(Spacer(0, 3 * mm))
    story.append(_IssuerBlock(lookup(data, "issuer.name"), str(data.get("issued_at", "")),
                              ctx.seal_png, styles["body"]))
    return story


def _fields_table(block, data, ctx, styles) -> Table:
    columns = int(block.get("columns", 2))
    value_w = (CONTENT_W - columns * LABEL_W) / columns
    widths = [LABEL_W, value_w] * columns
    rows: list[list[Any]] = []
    spans: list[tuple] = []        # merged value cells and the shaded label cells
    row: list[Any] = []
    for spec in block["fields"]:
        span = min(int(spec.get("span", 1)), columns)
        if len(row) // 2 + span > columns:
            rows.append(row + [""] * (2 * columns - len(row)))
            row = []
        start = len(row)
        spans.append(("BACKGROUND", (start, len(rows)), (start, len(rows)), colors.HexColor("#f1f1f1")))
        row += [_para(spec["label"], styles["label"]),
                _para(_value(lookup(data, spec["value"]), spec, ctx), styles["body"])]
        if span > 1:
            row += [""] * (2 * (span - 1))
            spans.append(("SPAN", (start + 1, len(rows)), (start + 2 * span - 1, len(rows))))
        if len(row) == 2 * columns:
            rows.append(row)
            row = []
    if row:
        rows.append(row + [""] * (2 * columns - len(row)))
    table = Table(rows, colWidths=widths)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), styles["body"].fontName),   # empty cells too
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#555555")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        *spans]))
    return table


def _rows_table(block, data, ctx, styles) -> Table:
    items = lookup(data, block["rows"])
    if not isinstance(items, list):
        raise DocumentDataError(f"{block['rows']!r} must be a list")
    specs = block["columns"]
    total = sum(float(s.get("width", 1)) for s in specs)
    widths = [CONTENT_W * float(s.get("width", 1)) / total for s in specs]
    rows = [[_para(s["label"], styles["head"]) for s in specs]]
    for i, item in enumerate(items):
        rows.append([_para(_value(lookup(item, s["value"], f"{block['rows']}[{i}]"), s, ctx),
                           styles["cell_r" if s.get("align") == "right" else "cell"])
                     for s in specs])
    if not items:
        rows.append([_para("（无记录）", styles["cell"])] + [""] * (len(specs) - 1))
    table = Table(rows, colWidths=widths, repeatRows=1)
    style = [("FONTNAME", (0, 0), (-1, -1), styles["body"].fontName),
             ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#555555")),
             ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")),
             ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    if not items:
        style.append(("SPAN", (0, 1), (-1, 1)))
    table.setStyle(TableStyle(style))
    return table


class _IssuerBlock(Flowable):
    """Issuer name and date, right-aligned, with the seal stamped over them as on paper."""

    def __init__(self, issuer: str, issued_at: str, seal_png: bytes | None, style: ParagraphStyle):
        super().__init__()
        self.issuer, self.issued_at, self.seal_png, self.style = issuer, issued_at, seal_png, style
        self.height_pt = (SEAL_MM + 6) * mm

    def wrap(self, avail_w, avail_h):
        self.width = avail_w
        return avail_w, self.height_pt

    def draw(self):
        c = self.canv
        font, size = self.style.fontName, 11
        right = self.width - 4 * mm
        lines = [self.issuer, f"出具日期：{self.issued_at}" if self.issued_at else ""]
        text_w = max(c.stringWidth(line, font, size) for line in lines)
        center_x = right - text_w / 2
        c.setFont(font, size)
        c.drawRightString(right, self.height_pt / 2 + 3 * mm, lines[0])
        c.drawRightString(right, self.height_pt / 2 - 4 * mm, lines[1])
        if self.seal_png:
            side = SEAL_MM * mm
            c.drawImage(ImageReader(io.BytesIO(self.seal_png)), center_x - side / 2,
                        (self.height_pt - side) / 2, side, side, mask="auto")


class _PageFrame:
    """What every page carries; draw() runs at the start of each page, under the content."""

    def __init__(self, template: Template, data: dict[str, Any], ctx: RenderContext, font: str):
        self.title = template.title
        self.serial = str(lookup(data, "serial"))
        self.watermark = watermark_text(data)
        self.qr = segno.make_qr(str(lookup(data, "verify_code")), error="m")
        self.printed = f"打印时间：{ctx.printed_at:%Y-%m-%d %H:%M}  终端：{ctx.kiosk_id}"
        self.font = font
        self.total = 0

    def draw(self, c: rl_canvas.Canvas, doc) -> None:
        c.saveState()
        self._watermark(c)
        top = PAGE_H - 14 * mm
        c.setFillColor(colors.black)
        if doc.page == 1:
            c.setFont(self.font, 20)
            c.drawCentredString(PAGE_W / 2, top - 8 * mm, self.title)
        else:
            c.setFont(self.font, 13)
            c.drawCentredString(PAGE_W / 2, top - 6 * mm, f"{self.title}（续）")
        c.setFont(self.font, 9)
        c.drawString(MARGIN_X, top - 20 * mm, f"编号：{self.serial}")
        self._qr(c, PAGE_W - MARGIN_X - 22 * mm, top - 22 * mm, 22 * mm)
        c.setFont(self.font, 7)
        c.drawCentredString(PAGE_W - MARGIN_X - 11 * mm, top - 25 * mm, "扫码核验")
        c.setStrokeColor(colors.HexColor("#888888"))
        c.line(MARGIN_X, FOOTER_H - 3 * mm, PAGE_W - MARGIN_X, FOOTER_H - 3 * mm)
        c.setFont(self.font, 8.5)
        c.drawString(MARGIN_X, FOOTER_H - 8 * mm, self.watermark)
        c.drawString(MARGIN_X, FOOTER_H - 13 * mm, self.printed)
        c.restoreState()

    def _watermark(self, c) -> None:
        c.saveState()
        c.setFillColor(colors.Color(0.55, 0.55, 0.55, alpha=0.22))
        c.setFont(self.font, 13)
        c.translate(PAGE_W / 2, PAGE_H / 2)
        c.rotate(35)
        width = c.stringWidth(self.watermark, self.font, 13)
        for row in range(-7, 8):
            offset = (row % 2) * width / 2
            for col in (-1, 0, 1):
                c.drawString(col * (width + 20 * mm) - width / 2 + offset - width / 2,
                             row * 24 * mm, self.watermark)
        c.restoreState()

    def _qr(self, c, x: float, y: float, side: float) -> None:
        matrix = self.qr.matrix
        n = len(matrix)
        border = 2
        module = side / (n + 2 * border)
        c.setFillColor(colors.white)
        c.rect(x, y, side, side, stroke=0, fill=1)
        c.setFillColor(colors.black)
        path = c.beginPath()            # one filled path, not a thousand rect operators
        for r, row in enumerate(matrix):
            for col, dark in enumerate(row):
                if dark:
                    path.rect(x + (col + border) * module, y + side - (r + border + 1) * module,
                              module, module)
        c.drawPath(path, stroke=0, fill=1)

    def page_number(self, c, number: int, total: int) -> None:
        self.total = total
        c.saveState()
        c.setFont(self.font, 8.5)
        c.drawRightString(PAGE_W - MARGIN_X, FOOTER_H - 13 * mm, f"第 {number} 页 共 {total} 页")
        c.restoreState()


class _PageCounter:
    """A canvas that holds pages back until the end, so each can say 'page x of y'."""

    @staticmethod
    def make(frame: _PageFrame):
        class Counting(rl_canvas.Canvas):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                self._held: list[dict] = []

            def showPage(self):
                self._held.append(dict(self.__dict__))
                self._startPage()

            def save(self):
                total = len(self._held)
                for number, state in enumerate(self._held, start=1):
                    self.__dict__.update(state)
                    frame.page_number(self, number, total)
                    rl_canvas.Canvas.showPage(self)
                rl_canvas.Canvas.save(self)

        return Counting
