"""A virtual ESC/POS receipt printer on 127.0.0.1 TCP and/or a pty.

It parses the byte stream the way a Chinese-capable thermal printer does (ESC @, ESC a, ESC E,
GS !, FS !, FS & / FS . with GB18030 text, ESC d, LF, GS ( k QR, GS V cut, DLE EOT status),
renders each cut receipt to a PNG (80 mm: 576 dots, 12-dot columns, 24-dot CJK glyphs) and answers
DLE EOT from a paper/cover state the test sets. Bytes >= 0x80 outside Chinese mode print as the
single-byte code page would (garbage), so a missing FS & shows on the picture as it would on paper.

Run by hand: python -m devices.virtual.escpos_printer --port 9100 --out receipts/
"""
from __future__ import annotations

import argparse
import io
import logging
import os
import select
import socket
import struct
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from devices import openers
from devices.receipt.errors import TransportError
from devices.receipt.transport import NetworkTransport
from devices.virtual.demo_control import QT_TRANSLATE_NOOP, DemoControl, in_background

log = logging.getLogger(__name__)

DOTS = 576
COL = 12
ROW = 30
# the Mono face of the collection: half-width ASCII on the 12-dot grid, as thermal printers do
FONT = ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 1)


@dataclass
class Line:
    align: int = 0
    spans: list[tuple[str, bool, int]] = field(default_factory=list)   # text, bold, size

    @property
    def text(self) -> str:
        return "".join(s[0] for s in self.spans)


@dataclass
class PrintedReceipt:
    elements: list = field(default_factory=list)   # ("line", Line) / ("qr", data, module) / ("feed", n)
    png: bytes = b""
    cut: bool = False

    @property
    def text(self) -> str:
        return "\n".join(e[1].text for e in self.elements if e[0] == "line")

    @property
    def qr_payloads(self) -> list[str]:
        return [e[1] for e in self.elements if e[0] == "qr"]


class Parser:
    """Bytes in, receipts and status replies out. Feed any chunking; state is kept across feeds."""

    def __init__(self, printer: "VirtualEscposPrinter"):
        self.p = printer
        self.buf = bytearray()
        self.reset()
        self.current = PrintedReceipt()

    def reset(self) -> None:
        self.align, self.bold, self.size, self.cjk_size = 0, False, 1, 1
        self.chinese = False
        self.line = Line()
        self.pending = bytearray()
        self.qr_data = b""
        self.qr_module = 3

    def feed(self, data: bytes) -> bytes:
        """Consume bytes; returns what the printer answers (status bytes)."""
        self.buf += data
        out = bytearray()
        while self.buf:
            used, reply = self._step()
            if used == 0:
                break                              # incomplete command: wait for more bytes
            del self.buf[:used]
            out += reply
        return bytes(out)

    def _flush_text(self) -> None:
        if self.pending:
            raw = bytes(self.pending)
            text = raw.decode("gb18030", "replace") if self.chinese else raw.decode("cp437")
            size = self.size if not self.chinese else max(self.size, self.cjk_size)
            self.line.spans.append((text, self.bold, size))
            self.pending.clear()

    def _newline(self) -> None:
        self._flush_text()
        self.line.align = self.align
        self._emit(("line", self.line))
        self.line = Line()

    def _emit(self, element) -> None:
        self.p.use_paper()
        if self.p.paper == "out" or self.p.cover_open:
            self.p.lost += 1                      # a real printer prints nothing now
            return
        self.current.elements.append(element)

    def _step(self) -> tuple[int, bytes]:
        b = self.buf
        c = b[0]
        need = lambda n: len(b) >= n                               # noqa: E731
        if c == 0x10:                                               # DLE EOT n
            if not need(3):
                return 0, b""
            if b[1] == 0x04:
                return 3, self.p.status_byte(b[2])
            return 1, b""
        if c == 0x0A:
            self._newline()
            return 1, b""
        if c == 0x1B:
            if not need(2):
                return 0, b""
            cmd = b[1]
            if cmd == 0x40:                                         # ESC @
                self._flush_text()
                self.reset()
                return 2, b""
            if cmd in (0x61, 0x45, 0x64, 0x21, 0x4D, 0x74):
                if not need(3):
                    return 0, b""
                n = b[2]
                self._flush_text()
                if cmd == 0x61:
                    self.align = {0: 0, 1: 1, 2: 2, 48: 0, 49: 1, 50: 2}.get(n, self.align)
                elif cmd == 0x45:
                    self.bold = bool(n & 1)
                elif cmd == 0x64:
                    self._newline() if self.line.spans or self.pending else None
                    self._emit(("feed", n))
                return 3, b""
            return 2, b""
        if c == 0x1D:
            if not need(2):
                return 0, b""
            cmd = b[1]
            if cmd == 0x21:                                         # GS ! n
                if not need(3):
                    return 0, b""
                self._flush_text()
                self.size = max((b[2] >> 4) + 1, (b[2] & 0x0F) + 1)
                return 3, b""
            if cmd == 0x56:                                         # GS V m [n]
                if not need(3):
                    return 0, b""
                m = b[2]
                used = 4 if m in (65, 66, 97, 98, 103, 104) else 3
                if not need(used):
                    return 0, b""
                self._cut()
                return used, b""
            if cmd == 0x28 and need(3) and b[2] == 0x6B:            # GS ( k
                if not need(5):
                    return 0, b""
                length = b[3] | b[4] << 8
                if not need(5 + length):
                    return 0, b""
                self._qr(bytes(b[5:5 + length]))
                return 5 + length, b""
            return 2, b""
        if c == 0x1C:
            if not need(2):
                return 0, b""
            cmd = b[1]
            if cmd == 0x26:                                         # FS &
                self._flush_text()
                self.chinese = True
                return 2, b""
            if cmd == 0x2E:                                         # FS .
                self._flush_text()
                self.chinese = False
                return 2, b""
            if cmd == 0x21:                                         # FS ! n
                if not need(3):
                    return 0, b""
                self._flush_text()
                self.cjk_size = 2 if b[2] & 0x0C else 1
                return 3, b""
            return 2, b""
        if c < 0x20 or c == 0x7F:                                  # other control codes print nothing
            return 1, b""
        self.pending.append(c)
        return 1, b""

    def _qr(self, body: bytes) -> None:
        if len(body) < 2 or body[0] != 0x31:          # not a QR function: printers skip it
            return
        fn = body[1]
        if fn == 0x43 and len(body) >= 3:
            self.qr_module = body[2]
        elif fn == 0x50:
            self.qr_data = body[3:]
        elif fn == 0x51:
            self._flush_text()
            self._emit(("qr", self.qr_data.decode("utf-8", "replace"), self.qr_module))

    def _cut(self) -> None:
        if self.line.spans or self.pending:
            self._newline()
        receipt, self.current = self.current, PrintedReceipt()
        receipt.cut = True
        if receipt.elements:
            receipt.png = render(receipt, self.p.dots)
            self.p._finished(receipt)


def render(receipt: PrintedReceipt, dots: int = DOTS) -> bytes:
    """The receipt as a PNG, `dots` wide (576 for 80 mm paper, 384 for 58 mm), laid out in
    12-dot printer columns."""
    import segno
    from PIL import Image, ImageDraw, ImageFont

    fonts: dict[int, ImageFont.FreeTypeFont] = {}

    def font(size: int):
        if size not in fonts:
            fonts[size] = ImageFont.truetype(FONT[0], 24 * size, index=FONT[1])
        return fonts[size]
    blocks: list[tuple[str, object, int]] = []
    height = 20
    for element in receipt.elements:
        if element[0] == "line":
            line = element[1]
            size = max((s[2] for s in line.spans), default=1)
            blocks.append(("line", line, height))
            height += ROW * size
        elif element[0] == "feed":
            height += ROW * element[1]
        else:
            img = _qr_image(segno.make_qr(element[1], error="m"), element[2] or 3)
            blocks.append(("qr", img, height))
            height += img.height + 8
    height += 20
    page = Image.new("L", (dots, height), 255)
    draw = ImageDraw.Draw(page)
    for kind, item, y in blocks:
        if kind == "qr":
            page.paste(item, (max(0, (dots - item.width) // 2), y))
            continue
        cells = sum(_cols(ch) * size for text, _, size in item.spans for ch in text)
        x0 = max(0, {0: 0, 1: (dots - cells * COL) // 2, 2: dots - cells * COL}[item.align])
        col = 0
        for text, bold, size in item.spans:
            for ch in text:
                if not ch.isprintable():               # a decoded control character: no glyph
                    continue
                w = _cols(ch) * size
                x = x0 + col * COL
                if x + w * COL > dots:                 # the head wraps like a real printer
                    col, y = 0, y + ROW * size
                    x = x0 = 0
                draw.text((x, y), ch, font=font(size), fill=0, stroke_width=1 if bold else 0,
                          stroke_fill=0)
                col += w
    out = io.BytesIO()
    page.save(out, "PNG")
    return out.getvalue()


def _qr_image(qr, scale: int):
    from PIL import Image
    matrix = qr.matrix
    n, border = len(matrix), 2
    img = Image.new("L", (n + 2 * border, n + 2 * border), 255)
    img.putdata([0 if 0 <= r - border < n and 0 <= c - border < n and matrix[r - border][c - border]
                 else 255 for r in range(n + 2 * border) for c in range(n + 2 * border)])
    return img.resize((img.width * scale, img.height * scale), Image.NEAREST)


def _cols(ch: str) -> int:
    import unicodedata
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


class VirtualEscposPrinter:
    """Listens on 127.0.0.1 (tcp=True) and/or a pty (pty=True); keeps every receipt it printed."""

    def __init__(self, out_dir: str | os.PathLike | None = None, tcp: bool = True, pty: bool = False,
                 port: int = 0, columns: int = 48):
        self.out_dir = Path(out_dir) if out_dir else None
        self.dots = columns * COL         # 48 columns: 80 mm paper; 32: 58 mm
        self.paper = "ok"          # ok / near-end / out
        self.lines_left: int | None = None   # a roll that ends after this many more lines (None: endless)
        self.cover_open = False
        self.silent = False        # True: no DLE EOT replies, like a write-only link
        self.lost = 0              # lines dropped while out of paper / cover open
        self.receipts: list[PrintedReceipt] = []
        self.raw = bytearray()
        self._want_tcp, self._want_pty, self._port = tcp, pty, port
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._server: socket.socket | None = None
        self._address: tuple[str, int] | None = None
        self._conns: set[socket.socket] = set()
        self._master: int | None = None
        self.pty_path: str | None = None
        self._cond = threading.Condition()

    def demo_controls(self, poll: Callable[[], None]) -> list[DemoControl]:
        """Paper controls; `poll` asks the driver to read the status now rather than at its next
        poll, so staff see the change at once."""
        def paper(state: str) -> Callable[[], None]:
            def change() -> None:
                self.paper = state
                poll()
            return in_background(change, "receipt-twin-paper")
        return [
            DemoControl(QT_TRANSLATE_NOOP("DemoActions", "Receipt printer: paper near end"),
                        paper("near-end")),
            DemoControl(QT_TRANSLATE_NOOP("DemoActions", "Receipt printer: out of paper"),
                        paper("out")),
            DemoControl(QT_TRANSLATE_NOOP("DemoActions", "Receipt printer: paper refilled"),
                        paper("ok")),
        ]

    # -- state the tests drive -----------------------------------------------------------------
    def use_paper(self) -> None:
        """One line's worth of the roll; a roll with lines_left runs out in the middle of a
        receipt, as a real one does."""
        if self.lines_left is None:
            return
        if self.lines_left <= 0:
            self.paper = "out"
        else:
            self.lines_left -= 1

    def status_byte(self, n: int) -> bytes:
        if self.silent:
            return b""
        byte = 0x12
        if n == 1 and (self.cover_open or self.paper == "out"):
            byte |= 0x08                                   # offline
        elif n == 2:
            byte |= (0x04 if self.cover_open else 0) | (0x20 if self.paper == "out" else 0)
        elif n == 4:
            byte |= {"ok": 0, "near-end": 0x0C, "out": 0x6C}[self.paper]
        return bytes([byte]) if n in (1, 2, 3, 4) else b""

    def _finished(self, receipt: PrintedReceipt) -> None:
        with self._cond:
            self.receipts.append(receipt)
            if self.out_dir:
                self.out_dir.mkdir(parents=True, exist_ok=True)
                (self.out_dir / f"receipt-{len(self.receipts):03d}.png").write_bytes(receipt.png)
            self._cond.notify_all()

    def wait_receipts(self, count: int, timeout: float = 5.0) -> list[PrintedReceipt]:
        deadline = time.monotonic() + timeout
        with self._cond:
            while len(self.receipts) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"{len(self.receipts)} receipts, expected {count}")
                self._cond.wait(left)
            return list(self.receipts)

    # -- links ---------------------------------------------------------------------------------
    def register(self) -> "VirtualEscposPrinter":
        """Make the receipt driver's transport "virtual" connect to this printer over TCP, until
        stop(). The printer must be started with tcp=True."""
        openers.register("receipt", "virtual", self.open_transport)
        return self

    def open_transport(self, cfg=None) -> NetworkTransport:
        """The receipt driver's opener (devices.receipt.transport.open_transport calls it with the
        receipt_printer section, which a printer on loopback does not need)."""
        if self._address is None:
            raise TransportError("the virtual receipt printer was started without TCP",
                                 "receipt_not_connected")
        return NetworkTransport(*self.address)

    @property
    def address(self) -> tuple[str, int]:
        assert self._address is not None, "TCP not started"
        return self._address

    def power_off(self) -> None:
        """Switch the printer off: its connections reset and new ones are refused until
        power_on(), while it stays the configured printer (stop() takes it away altogether)."""
        server, self._server = self._server, None
        if server is not None:
            server.close()
        with self._cond:
            conns, self._conns = list(self._conns), set()
        for conn in conns:
            try:
                conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                conn.close()
            except OSError as exc:     # already gone: it is off either way
                log.debug("virtual receipt printer: closing a connection: %s", exc)

    def power_on(self) -> None:
        """Switch it back on, listening where it did."""
        if self._server is None and self._address is not None:
            self._listen(self._address[1])

    def start(self) -> "VirtualEscposPrinter":
        if self._want_tcp:
            self._listen(self._port)
        if self._want_pty:
            import tty
            self._master, slave = os.openpty()
            tty.setraw(slave)
            self.pty_path = os.ttyname(slave)
            self._slave = slave
            self._spawn(self._pty_loop, "escpos-pty")
        return self

    def _listen(self, port: int) -> None:
        server = socket.create_server(("127.0.0.1", port))
        server.settimeout(0.2)
        self._server, self._address = server, server.getsockname()
        self._spawn(lambda: self._accept_loop(server), "escpos-tcp")

    def _spawn(self, fn, name: str) -> None:
        t = threading.Thread(target=fn, name=name, daemon=True)
        t.start()
        self._threads.append(t)

    def _accept_loop(self, server: socket.socket) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = server.accept()
            except socket.timeout:
                continue
            except OSError:
                return                   # closed: stopped or switched off
            with self._cond:
                self._conns.add(conn)
            self._spawn(lambda c=conn: self._serve(c), "escpos-conn")

    def _serve(self, conn: socket.socket) -> None:
        try:
            self._serve_link(conn)
        finally:
            with self._cond:
                self._conns.discard(conn)

    def _serve_link(self, conn: socket.socket) -> None:
        parser = Parser(self)
        with conn:
            while not self._stop.is_set():
                try:
                    ready, _, _ = select.select([conn], [], [], 0.2)
                    if not ready:
                        continue
                    data = conn.recv(65536)
                except (OSError, ValueError):   # reset, or closed by power_off()
                    return
                if not data:
                    return
                self.raw += data
                reply = parser.feed(data)
                if reply:
                    conn.sendall(reply)

    def _pty_loop(self) -> None:
        parser = Parser(self)
        while not self._stop.is_set():
            ready, _, _ = select.select([self._master], [], [], 0.2)
            if not ready:
                continue
            try:
                data = os.read(self._master, 65536)
            except OSError:
                return
            self.raw += data
            reply = parser.feed(data)
            if reply:
                os.write(self._master, reply)

    def stop(self) -> None:
        openers.unregister("receipt", "virtual", self.open_transport)
        self._stop.set()
        if self._server:
            self._server.close()
        for t in self._threads:
            t.join(timeout=2)
        if self._master is not None:
            os.close(self._master)
            os.close(self._slave)
            self._master = None


def main() -> None:
    ap = argparse.ArgumentParser(description="virtual ESC/POS receipt printer")
    ap.add_argument("--port", type=int, default=9100)
    ap.add_argument("--pty", action="store_true", help="also listen on a pty (path printed)")
    ap.add_argument("--out", default="receipts", help="directory for receipt PNGs")
    args = ap.parse_args()
    printer = VirtualEscposPrinter(args.out, tcp=True, pty=args.pty, port=args.port).start()
    print(f"listening on {printer.address[0]}:{printer.address[1]}"
          + (f" and {printer.pty_path}" if printer.pty_path else ""), flush=True)
    try:
        while True:
            time.sleep(1)
    except KeyboardInterrupt:
        printer.stop()


if __name__ == "__main__":
    main()
