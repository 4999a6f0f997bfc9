"""Qt for Python must not steal references to None.

PySide6 6.12.0 on Python 3.11 dropped one reference to None on every call of a method that returns
nothing (setText, resize, QPainter.drawLine, QPainterPath.moveTo, ...): after some tens of thousands
of calls, that is a hundred-odd kiosk sessions, the interpreter aborted with "Fatal Python error:
none_dealloc". The calls run in a child interpreter so that a broken release fails this test
instead of killing the suite.
"""
from __future__ import annotations

import os
import subprocess
import sys

CALLS = 5000

PROBE = f"""
import sys
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath
from PySide6.QtWidgets import QApplication, QLabel

app = QApplication([])
label = QLabel()
image = QImage(64, 64, QImage.Format.Format_ARGB32)
painter = QPainter(image)
path = QPainterPath()
calls = {{
    "QLabel.setText": lambda: label.setText("x"),
    "QWidget.resize": lambda: label.resize(10, 10),
    "QPainter.drawLine": lambda: painter.drawLine(0, 0, 5, 5),
    "QPainter.setPen": lambda: painter.setPen(QColor("red")),
    "QPainterPath.moveTo": lambda: path.moveTo(1.0, 1.0),
    "QPainterPath.lineTo": lambda: path.lineTo(2.0, 2.0),
}}
for name, call in calls.items():
    call()                                  # first call may cache type objects
    before = sys.getrefcount(None)
    for _ in range({CALLS}):
        call()
    print(name, sys.getrefcount(None) - before, flush=True)
painter.end()
"""


def test_void_methods_keep_references_to_none():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env,
                          timeout=120)
    assert done.returncode == 0, f"child interpreter died ({done.returncode}): {done.stderr[-2000:]}"
    changes = dict(line.rsplit(" ", 1) for line in done.stdout.splitlines())
    assert len(changes) == 6, done.stdout
    # a leak-free binding leaves None's count where it was, give or take a few objects the loop
    # itself creates; the broken release moves it by -CALLS per method
    lost = {name: int(change) for name, change in changes.items() if int(change) < -CALLS // 10}
    assert not lost, f"references to None lost per {CALLS} calls: {lost}"
