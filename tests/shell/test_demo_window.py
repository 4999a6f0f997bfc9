"""The demo on a desktop smaller than the kiosk: the whole kiosk shows, scaled with its aspect
ratio kept, and a click lands on what is drawn under the pointer (Xvfb + xdotool, a real window)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from screens.demo_window import fit_scale

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import sys
from screens.demo_window import scale_to_fit
scale = scale_to_fit((1080, 1920), real_size=sys.argv[2] == "real")
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from kiosk import config
from kiosk.app import build_context
from screens.shell import Shell
cfg = config.load("config.toml",
                 {"kiosk": {"data_dir": sys.argv[1]}})
ctx = build_context(cfg, demo=True, start=False)
shell = Shell(ctx, allow_quit=True)
shell.resize(1080, 1920)
shell.show()
seen = ["home"]

def report():
    tile = shell.current().tiles[-1]               # the lowest tile: "Identify myself"
    centre = tile.mapTo(shell, tile.rect().center())
    ratio = shell.devicePixelRatioF()
    print("READY", scale, shell.width(), shell.height(), round(centre.x() * ratio),
          round(centre.y() * ratio), flush=True)

def watch():
    name = shell.current().name
    if name != seen[-1]:
        seen.append(name)
        print("SCREEN", name, flush=True)

QTimer.singleShot(800, report)
timer = QTimer()
timer.timeout.connect(watch)
timer.start(50)
QTimer.singleShot(20000, app.quit)
app.exec()
"""


@pytest.mark.parametrize("available, scale", [((1920, 1200), 0.604), ((1920, 1080), 0.541),
                                              ((3840, 2160), 1.0), ((1080, 1960), 1.0)])
def test_scale_fits_the_whole_kiosk(available, scale):
    assert fit_scale(available, (1080, 1920)) == scale


@pytest.fixture
def xvfb():
    if not (shutil.which("Xvfb") and shutil.which("xdotool")):
        pytest.skip("Xvfb and xdotool are installed by make (tools/apt-packages.txt)")
    display = f":{90 + os.getpid() % 100}"
    server = subprocess.Popen(["Xvfb", display, "-screen", "0", "1920x1200x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    env.pop("QT_SCALE_FACTOR", None)
    deadline = time.monotonic() + 10
    while subprocess.run(["xdotool", "getdisplaygeometry"], env=env,
                         capture_output=True).returncode != 0:
        assert time.monotonic() < deadline, "Xvfb did not start"
        time.sleep(0.1)
    yield env
    server.terminate()
    server.wait(timeout=5)


def _start(env, tmp_path, mode):
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(tmp_path), mode], cwd=ROOT, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = child.stdout.readline()
    assert line.startswith("READY"), child.stderr.read() if child.poll() is not None else line
    _, scale, width, height, x, y = line.split()
    return child, float(scale), (int(width), int(height)), (int(x), int(y))


def _window_geometry(env) -> dict[str, int]:
    wid = subprocess.run(["xdotool", "search", "--sync", "--name", "Hall kiosk"], env=env,
                         capture_output=True, text=True, timeout=10).stdout.split()[0]
    shell = subprocess.run(["xdotool", "getwindowgeometry", "--shell", wid], env=env,
                           capture_output=True, text=True, timeout=10).stdout
    return {k: int(v) for k, v in (line.split("=") for line in shell.split()) if k != "SCREEN"}


def test_the_whole_kiosk_fits_and_a_click_lands_on_the_lowest_tile(xvfb, tmp_path):
    child, scale, logical, (x, y) = _start(xvfb, tmp_path, "fit")
    try:
        assert scale == fit_scale((1920, 1200), (1080, 1920)) < 1
        # layouts keep the kiosk's own size, give or take Qt's rounding to whole device pixels
        assert abs(logical[0] - 1080) <= 2 and abs(logical[1] - 1920) <= 2, logical
        geometry = _window_geometry(xvfb)
        assert geometry["WIDTH"] <= 1920 and geometry["Y"] + geometry["HEIGHT"] <= 1200, geometry
        assert abs(geometry["WIDTH"] / geometry["HEIGHT"] - 1080 / 1920) < 0.01, geometry
        subprocess.run(["xdotool", "mousemove", str(geometry["X"] + x), str(geometry["Y"] + y),
                        "click", "1"], env=xvfb, check=True, timeout=10)
        assert child.stdout.readline().split() == ["SCREEN", "identify"]
    finally:
        child.kill()
        child.wait()


def test_real_size_keeps_the_kiosk_unscaled(xvfb, tmp_path):
    child, scale, logical, _ = _start(xvfb, tmp_path, "real")
    try:
        assert scale == 1.0
        geometry = _window_geometry(xvfb)
        assert (geometry["WIDTH"], geometry["HEIGHT"]) == (1080, 1920)
    finally:
        child.kill()
        child.wait()
