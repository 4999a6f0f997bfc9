"""A page of a PDF as PNG bytes for the on-screen preview, through poppler's pdftoppm over pipes:
the document never touches the disk."""
from __future__ import annotations

import subprocess

from printing.errors import PrintingError


def page_png(pdf: bytes, page: int = 1, dpi: int = 60, timeout: float = 20.0) -> bytes:
    try:
        done = subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page),
                               "-singlefile", "-"], input=pdf, capture_output=True, timeout=timeout)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise PrintingError(f"pdftoppm unavailable: {exc}", "preview_unavailable") from None
    if done.returncode != 0 or not done.stdout.startswith(b"\x89PNG"):
        raise PrintingError(f"pdftoppm failed: {done.stderr[:200]!r}", "preview_unavailable")
    return done.stdout
