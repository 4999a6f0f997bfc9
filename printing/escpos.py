"""ESC/POS receipt encoding with our own Chinese text path.

Chinese goes out as GB18030 between FS & (enter Chinese character mode) and FS . (leave it):
python-escpos encodes CJK but never sends FS &, and turns Chinese punctuation outside U+4E00..U+9FA5
into '?'. Widths are counted in printer columns (a CJK character takes two), so wrapping and
right-aligned pairs line up on 58 mm and 80 mm paper alike.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

ESC, GS, FS, LF = b"\x1b", b"\x1d", b"\x1c", b"\n"
INIT = ESC + b"@"
CHINESE_ON = FS + b"&"
CHINESE_OFF = FS + b"."
ALIGN = {"left": 0, "center": 1, "right": 2}
QR_EC = {"L": 48, "M": 49, "Q": 50, "H": 51}


def columns(text: str) -> int:
    """Printer columns the text occupies: full-width and wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


# Line-breaking rules for Chinese text (GB/T 15834-2011 and the W3C "Requirements for Chinese
# Text Layout", 3.1.7): these may not start a line (pause and stop marks, closing brackets and
# quotes, the hyphen-like connector and the interpunct of minority names) ...
CLOSING = frozenset("，。、；：？！）］｝〕〉》」』】〗〙”’·・ー〜～%,.;:)]}!?")
# ... these may not end one (opening brackets and quotes) ...
OPENING = frozenset("（［｛〔〈《「『【〖〘“‘([{")
# ... and a doubled dash or ellipsis (——, ……) is never split across two lines.
INSEPARABLE = frozenset("—…")


def wrap(text: str, width: int) -> list[str]:
    """Break text into lines of at most `width` printer columns. CJK may break between any two
    characters, ASCII words are kept whole where they fit, and the rules above hold: when the
    next character may not start a line, characters move down with it until the break is
    allowed. Only when no allowed break leaves room on the next line (a run of punctuation
    longer than a line) does a rule give way. Spaces at a break are dropped."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        _wrap_paragraph(paragraph, width, lines)
    return lines


def _wrap_paragraph(paragraph: str, width: int, lines: list[str]) -> None:
    line = ""
    for ch in paragraph:
        if ch.isspace() or columns(line) + columns(ch) <= width:
            line += ch                      # a space past the end hangs and is stripped
            continue
        if not line.strip():                # only indentation before a character that fills
            line = ch                       # the line: drop the indentation
            continue
        cut = _break_at(line, ch, width)
        lines.append(line[:cut].rstrip())
        line = line[cut:].lstrip() + ch
    lines.append(line.rstrip())


def _break_at(line: str, ch: str, width: int) -> int:
    """Where to end `line` when `ch` does not fit after it: the latest allowed break that leaves
    the rest of the line, with `ch`, room on the next line; inside an ASCII word only when no
    break between words does; at the end of the line when nothing is allowed."""
    for split_words in (False, True):
        for cut in range(len(line), 0, -1):
            head, tail = line[:cut].rstrip(), line[cut:].lstrip() + ch
            if not head or columns(tail) > width:
                continue
            if not split_words and _is_word(line[cut - 1]) and _is_word((line[cut:] + ch)[0]):
                continue
            if tail[0] in CLOSING or head[-1] in OPENING:
                continue
            if head[-1] == tail[0] and head[-1] in INSEPARABLE:
                continue
            return cut
    return len(line)


def _is_word(ch: str) -> bool:
    return ch.isascii() and not ch.isspace()


def encode_text(text: str) -> bytes:
    """ASCII as is; every non-ASCII run as GB18030 inside FS & ... FS ."""
    out = bytearray()
    run = ""
    for ch in text:
        if ch.isascii():
            if run:
                out += CHINESE_ON + run.encode("gb18030") + CHINESE_OFF
                run = ""
            out += ch.encode("ascii")
        else:
            run += ch
    if run:
        out += CHINESE_ON + run.encode("gb18030") + CHINESE_OFF
    return bytes(out)


@dataclass
class Receipt:
    """A receipt being built; bytes() gives the ESC/POS stream to send."""
    width: int = 48                          # columns at normal size
    data: bytearray = field(default_factory=lambda: bytearray(INIT))

    def _style(self, bold: bool, size: int, align: str) -> None:
        n = (size - 1) << 4 | (size - 1)
        self.data += ESC + b"a" + bytes([ALIGN[align]])
        self.data += ESC + b"E" + bytes([1 if bold else 0])
        self.data += GS + b"!" + bytes([n])
        # Chinese character mode has its own size bits (FS !: 4 = double width, 8 = double height)
        self.data += FS + b"!" + bytes([0x0C if size > 1 else 0])

    def text(self, text: str, bold: bool = False, size: int = 1, align: str = "left") -> "Receipt":
        if size not in (1, 2):
            raise ValueError("size is 1 or 2")
        self._style(bold, size, align)
        for line in wrap(text, self.width // size):
            self.data += encode_text(line) + LF
        self._style(False, 1, "left")
        return self

    def pair(self, left: str, right: str, bold: bool = False) -> "Receipt":
        """A label on the left and a value on the right; the value wraps under if it must."""
        gap = self.width - columns(left) - columns(right)
        if gap >= 1:
            return self.text(left + " " * gap + right, bold=bold)
        self.text(left, bold=bold)
        return self.text(right, bold=bold, align="right")

    def rule(self, char: str = "-") -> "Receipt":
        self.data += ESC + b"a\x00" + char.encode("ascii") * self.width + LF
        return self

    def feed(self, lines: int = 1) -> "Receipt":
        self.data += ESC + b"d" + bytes([max(0, min(lines, 255))])
        return self

    def qr(self, payload: str, module: int = 6, ec: str = "M") -> "Receipt":
        """A native QR code (GS ( k: model 2, module size, error level, store, print)."""
        body = payload.encode("utf-8")
        if len(body) > 7000:
            raise ValueError("QR payload too long")
        store = len(body) + 3
        self.data += ESC + b"a\x01"
        self.data += GS + b"(k\x04\x00\x31\x41\x32\x00"                 # fn 165: model 2
        self.data += GS + b"(k\x03\x00\x31\x43" + bytes([module])      # fn 167: module size
        self.data += GS + b"(k\x03\x00\x31\x45" + bytes([QR_EC[ec]])   # fn 169: error level
        self.data += GS + b"(k" + bytes([store & 0xFF, store >> 8]) + b"\x31\x50\x30" + body
        self.data += GS + b"(k\x03\x00\x31\x51\x30" + LF               # fn 181: print
        self.data += ESC + b"a\x00"
        return self

    def cut(self) -> "Receipt":
        self.data += GS + b"V\x42\x03"          # feed 3 then partial cut
        return self

    def bytes(self) -> bytes:
        return bytes(self.data)
