"""The CJK font embedded in every certificate PDF, so the printer and any viewer need none.

reportlab embeds TrueType outlines only: WenQuanYi Micro Hei (fonts-wqy-microhei) works, Noto CJK
(CFF outlines) does not. The built-in CID font STSong-Light is never used: it is not embedded.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path

from printing.errors import FontMissing

FONT_NAME = "KioskCJK"
# (path, index inside a .ttc); the first that exists wins. KIOSK_CJK_TTF overrides (path[:index]).
CANDIDATES: tuple[tuple[str, int], ...] = (
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
)

_lock = threading.Lock()
_registered: str | None = None


def font_file() -> tuple[Path, int]:
    """The TrueType CJK font file to embed, or FontMissing naming the Debian package to install."""
    override = os.environ.get("KIOSK_CJK_TTF")
    if override:
        path, _, index = override.partition(":")
        if not Path(path).is_file():
            raise FontMissing(f"KIOSK_CJK_TTF={override!r} does not exist")
        return Path(path), int(index or 0)
    for path, index in CANDIDATES:
        if Path(path).is_file():
            return Path(path), index
    raise FontMissing("no TrueType CJK font found; install fonts-wqy-microhei")


def register() -> str:
    """Register the CJK font with reportlab once per process; returns the font name to use."""
    global _registered
    with _lock:
        if _registered is None:
            from reportlab.pdfbase import pdfmetrics
            from reportlab.pdfbase.ttfonts import TTFont
            path, index = font_file()
            pdfmetrics.registerFont(TTFont(FONT_NAME, str(path), subfontIndex=index))
            _registered = FONT_NAME
        return _registered
