"""Walkthrough and demo runs (issue 14) left temporary folders holding an outbox key, a kiosk
credential and a platform database with its signing key. They are removed on exit."""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_walkthrough_leaves_no_data_folder_behind(tmp_path):
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    done = subprocess.run([sys.executable, "-m", "kiosk", "walkthrough", "--only",
                           "staff-pin", "--out", str(tmp_path / "out")],
                          capture_output=True, text=True, cwd=ROOT, timeout=300,
                          env={**__import__("os").environ, "TMPDIR": str(scratch),
                               "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr[-2000:]
    assert list((tmp_path / "out").glob("*.png"))
    assert list(scratch.glob("kiosk-walkthrough-*")) == []
    assert tempfile.gettempdir() != str(scratch)       # the child had its own
