"""The demo's window on a desktop smaller than the kiosk: the whole kiosk, scaled to fit.

Qt's own scale factor (QT_SCALE_FACTOR) does the scaling, so the layouts keep the kiosk's size and
every touch and click lands where it is drawn. Qt reads that factor when the application object is
created, before any screen can be asked, so a short child process measures the available screen.
"""
from __future__ import annotations

import logging
import os
import subprocess
import sys

log = logging.getLogger(__name__)

TITLE_BAR_PX = 40          # room for the desktop's window decoration above the kiosk
PROBE = ("from PySide6.QtGui import QGuiApplication\n"
         "app = QGuiApplication([])\n"
         "g = app.primaryScreen().availableGeometry()\n"
         "print(g.width(), g.height())\n")


def available_screen() -> tuple[int, int] | None:
    """The primary screen's free area in logical pixels, or None when it cannot be measured."""
    try:
        done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                              timeout=15)
        width, height = (int(v) for v in done.stdout.split())
    except (OSError, ValueError, subprocess.TimeoutExpired) as exc:
        log.warning("could not measure the screen, showing the kiosk at its real size: %s", exc)
        return None
    return width, height


def fit_scale(available: tuple[int, int], size: tuple[int, int]) -> float:
    """The largest factor up to 1 at which the whole kiosk fits, aspect ratio kept."""
    scale = min(1.0, available[0] / size[0], (available[1] - TITLE_BAR_PX) / size[1])
    return max(0.1, int(scale * 1000) / 1000)


def scale_to_fit(size: tuple[int, int], real_size: bool = False) -> float:
    """Set Qt's scale factor for a kiosk of `size` on this desktop; returns the factor used.
    Call before the QApplication exists. A factor the user set in QT_SCALE_FACTOR wins."""
    if real_size:
        return 1.0
    if "QT_SCALE_FACTOR" in os.environ:
        return float(os.environ["QT_SCALE_FACTOR"])
    available = available_screen()
    scale = fit_scale(available, size) if available else 1.0
    if scale < 1.0:
        os.environ["QT_SCALE_FACTOR"] = str(scale)
        log.info("kiosk %dx%d shown at %.3f of its size to fit a %dx%d desktop (--real-size: "
                 "unscaled)", *size, scale, *available)
    return scale
