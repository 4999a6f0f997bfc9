"""Time from process start to the first painted home screen, against a bare PySide6 window in the
same run (goal: ratio <= 1.5). Each is a fresh process; the median of several runs is reported."""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

RUNS = 9

PAINT_PROBE = r'''
import os, sys, time
T0 = float(os.environ["BENCH_T0"])
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget
class FirstPaint(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Paint:
            print(f"{time.time() - T0:.4f}", flush=True)
            QTimer.singleShot(0, QApplication.instance().quit)
            obj.removeEventFilter(self)
        return False
app = QApplication(sys.argv[:1])
probe = FirstPaint()
'''

BARE = PAINT_PROBE + r'''
w = QWidget(); w.resize(1080, 1920); w.installEventFilter(probe); w.show(); app.exec()
'''

KIOSK = PAINT_PROBE + r'''
from PySide6.QtGui import QFont
from kiosk import config
from kiosk.app import build_context, start_services
from kiosk.bridge import DeviceBridge
from screens import theme
from screens.shell import Shell
app.setFont(QFont(theme.FONT_FAMILY))
cfg = config.load(sys.argv[1], {"kiosk": {"data_dir": sys.argv[2]}})
ctx = build_context(cfg, demo=True, bridge=DeviceBridge(), start=False)
w = Shell(ctx, allow_quit=True); w.resize(1080, 1920); w.installEventFilter(probe); w.show()
w.first_painted.connect(lambda: start_services(ctx))   # as screens/app.py does
app.exec()
ctx.shutdown()
'''


def measure(script: str, *args: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BENCH_T0=repr(time.time()))
    out = subprocess.run([sys.executable, "-c", script, *args], env=env, capture_output=True,
                         text=True, timeout=120, check=True).stdout.strip().splitlines()
    return float(out[-1])


def main() -> None:
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    bare, kiosk = [], []
    for _ in range(RUNS):
        bare.append(measure(BARE))
        with tempfile.TemporaryDirectory() as data:
            kiosk.append(measure(KIOSK, os.path.join(root, "config.toml"), data))
    b, k = statistics.median(bare), statistics.median(kiosk)
    print(f"bare PySide6 window, first paint:  {b * 1000:7.0f} ms (median of {RUNS})")
    print(f"kiosk home screen, first paint:    {k * 1000:7.0f} ms (median of {RUNS}, demo: "
          "embedded platform and virtual devices)")
    print(f"ratio: {k / b:.2f} (goal <= 1.5)")


if __name__ == "__main__":
    main()
