"""The walkthrough drives every screen state at both sizes in both languages, as a real process."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QImage


# both sizes and both languages in two runs (each run takes about a minute on 2 cores); the
# other two pairings are covered by `make demo` and the walkthrough's own language steps
@pytest.mark.parametrize("size, lang", [("1080x1920", "zh_CN"), ("1920x1080", "en")])
def test_walkthrough_every_state(tmp_path, size, lang):
    out = tmp_path / "shots"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-m", "kiosk", "walkthrough", "--out", str(out),
                             "--size", size, "--lang", lang], env=env, capture_output=True,
                            text=True, timeout=1100)
    assert result.returncode == 0, result.stderr[-4000:]
    shots = sorted(out.glob("*.png"))
    names = [p.name.split("-", 1)[1] for p in shots]
    for state in ("home.png", "idle-countdown.png", "staff-menu.png",
                  "search-pinyin-initials-hkqy.png", "guide.png"):
        assert state in names
    width, height = (int(v) for v in size.split("x"))
    for shot in shots:
        image = QImage(str(shot))
        assert (image.width(), image.height()) == (width, height), shot.name
    # each state's key texts were on screen (the walker fails a state that misses one; this
    # holds the walker to it and keeps the key states declaring what they must show)
    texts = json.loads((out / "texts.json").read_text(encoding="utf-8"))
    assert set(texts) == set(names_without_png(names))
    for state, seen in texts.items():
        screen = "\n".join(seen["shown"])
        assert screen.strip(), f"{state}: nothing readable on screen"
        missing = [text for text in seen["expected"] if text not in screen]
        assert not missing, f"{state} does not show {missing}"
    for state in ("home", "staff-pin", "staff-menu", "maintenance", "search-pinyin-initials-hkqy",
                  "guide"):
        assert texts[state]["expected"], f"{state} declares no expected texts"
    hall = "示范市政务服务中心" if lang == "zh_CN" else "Demo City Government Service Center"
    assert hall in texts["home"]["expected"]


def names_without_png(names: list[str]) -> list[str]:
    return [name[:-4] for name in names]


def _kiosk(*argv: str, timeout: float = 300) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "kiosk", *argv], env=env, capture_output=True,
                          text=True, timeout=timeout)


def test_list_names_the_areas_and_only_runs_just_those(tmp_path):
    listed = _kiosk("walkthrough", "--list")
    areas = dict(line.split(None, 1) for line in listed.stdout.splitlines())
    for area in ("home", "catalog", "idcard", "ssc", "face", "qr", "documents", "print", "rate",
                 "staff", "offline"):
        assert area in areas, listed.stdout
    out = tmp_path / "shots"
    result = _kiosk("walkthrough", "--out", str(out), "--only", "staff,rate")
    assert result.returncode == 0, result.stderr[-4000:]
    names = sorted(p.name.split("-", 1)[1][:-4] for p in out.glob("*.png"))
    assert names == sorted(["staff-pin", "staff-menu", "maintenance", "back-in-service",
                            "rate-choose-level", "rate-low-asks-reasons", "rate-recorded"])


def test_only_an_unknown_area_says_which_exist():
    result = _kiosk("walkthrough", "--only", "nosuch", timeout=60)
    assert result.returncode == 2 and "areas: " in result.stdout and "print" in result.stdout
