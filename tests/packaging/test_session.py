"""The kiosk session from [display]: cage with the rotation, and the touch calibration that
turns touches with the screen; the shipped units' promises (notify, watchdog, restart on 75,
hardening) are read from the unit files themselves."""
from __future__ import annotations

import configparser
import importlib.machinery
import importlib.util
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def session_module():
    path = REPO / "packaging/bin/kiosk-session"
    loader = importlib.machinery.SourceFileLoader("kiosk_session_script", str(path))
    spec = importlib.util.spec_from_loader(loader.name, loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


@pytest.fixture
def session(tmp_path, monkeypatch):
    module = session_module()
    monkeypatch.setattr(module, "TOUCH_RULES", tmp_path / "rules.d" / "91-touch.rules")
    return module


def write_config(tmp_path, display: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(f"[kiosk]\nid = 'K'\n[display]\n{display}\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("rotation, flags, matrix", [
    (0, [], ""), (90, ["-r"], "0 1 0 -1 0 1"), (180, ["-r", "-r"], "-1 0 1 0 -1 1"),
    (270, ["-r", "-r", "-r"], "0 -1 1 1 0 0")])
def test_rotation_turns_the_screen_and_the_touches(session, tmp_path, rotation, flags, matrix):
    cfg = write_config(tmp_path, f"rotation = {rotation}")
    got_rotation, got_matrix = session.display_settings(cfg)
    assert (got_rotation, got_matrix) == (rotation, matrix)
    argv = session.cage_argv(got_rotation, Path("/opt/hall-kiosk/current/kiosk"), cfg)
    # one fullscreen client, no VT switching (-s is never given), the app as cage's only client
    assert argv == ["cage", "-d", *flags, "--", "/opt/hall-kiosk/current/kiosk", "--config", str(cfg)]


def test_a_panel_whose_touch_does_not_follow_gets_its_own_matrix(session, tmp_path):
    cfg = write_config(tmp_path, 'rotation = 90\ntouch_matrix = "1 0 0 0 1 0"')
    _, matrix = session.display_settings(cfg)
    assert session.touch_rule(matrix) == (
        "# written by kiosk-session setup from [display] of the kiosk configuration\n"
        'ENV{ID_INPUT_TOUCHSCREEN}=="1", ENV{LIBINPUT_CALIBRATION_MATRIX}="1 0 0 0 1 0 0 0 1"\n')
    cfg = write_config(tmp_path, 'rotation = 90\ntouch_matrix = ""')
    assert session.display_settings(cfg)[1] == "" and session.touch_rule("") == ""


def test_a_bad_rotation_stops_the_session_with_a_reason(session, tmp_path):
    with pytest.raises(SystemExit, match="rotation = 45"):
        session.display_settings(write_config(tmp_path, "rotation = 45"))


def test_setup_writes_and_removes_the_udev_rule(session, tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(session.subprocess, "run", lambda argv, check: calls.append(argv[:2]))
    monkeypatch.setattr(session, "CONFIG", write_config(tmp_path, "rotation = 180"))
    assert session.setup() == 0
    assert 'LIBINPUT_CALIBRATION_MATRIX}="-1 0 1 0 -1 1 0 0 1"' in session.TOUCH_RULES.read_text()
    assert ["udevadm", "trigger"] in calls
    calls.clear()
    assert session.setup() == 0 and calls == []         # unchanged: no re-trigger
    monkeypatch.setattr(session, "CONFIG", write_config(tmp_path, "rotation = 0"))
    assert session.setup() == 0 and not session.TOUCH_RULES.exists()


def test_the_schema_knows_the_display_keys():
    from kiosk.config_schema import SCHEMA
    assert SCHEMA["display"]["rotation"].choices == (0, 90, 180, 270)
    assert session_module().TOUCH_FOR_ROTATION.keys() == set(SCHEMA["display"]["rotation"].choices)


def unit(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str
    parser.read(REPO / "packaging/systemd" / name)
    return parser


def test_the_kiosk_unit_promises():
    service = unit("kiosk.service")["Service"]
    assert service["Type"] == "notify" and service["NotifyAccess"] == "all"
    assert service["WatchdogSec"] == "30" and service["Environment"] == "KIOSK_WATCHDOG_S=10"
    assert service["Restart"] == "on-failure" and service["RestartForceExitStatus"] == "75"
    for key, value in (("NoNewPrivileges", "yes"), ("ProtectSystem", "strict"),
                       ("ProtectHome", "yes"), ("PrivateTmp", "yes"),
                       ("DevicePolicy", "closed"),
                       ("User", "kiosk")):
        assert service[key] == value, key
    limits = unit("kiosk.service")["Unit"]
    assert limits["StartLimitBurst"] == "5" and limits["OnFailure"] == "kiosk-health.service"
    text = (REPO / "packaging/systemd/kiosk.service").read_text()
    # the data directory and the session's runtime directory are the only writable paths
    assert [line for line in text.splitlines() if line.startswith("ReadWritePaths=")] == [
        "ReadWritePaths=/var/lib/kiosk", "ReadWritePaths=-/run/user"]
    for device in ("char-drm", "char-input", "char-ttyUSB", "char-video4linux", "char-usb"):
        assert f"DeviceAllow={device} rw" in text
