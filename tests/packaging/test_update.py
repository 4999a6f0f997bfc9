"""Updates that roll back, on versions side by side in a temporary root: the judge keeps a
version that says READY and stays up, and goes back by itself from one that crashes, never says
READY or crash-loops under systemd. Stand-in versions here are small programs speaking the
notify protocol; test_package.py does the same with the real bundle and a broken one."""
from __future__ import annotations

import json
import stat
import sys
from pathlib import Path

import pytest

from kiosk.commands import update
from kiosk.commands.update import Layout, Observation, Policy, judge
from kiosk.update_notice import STATE_FILE, rollback_notice

GOOD = """#!{python}
import os, socket, time
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.sendto(b"READY=1", os.environ["NOTIFY_SOCKET"])
time.sleep(60)
"""
CRASHES = "#!/bin/sh\necho 'kiosk: configuration error: no such key' >&2\nexit 3\n"
SILENT = "#!/bin/sh\nexec sleep 60\n"


def install(root: Path, version: str, program: str) -> None:
    app = root / update.OPT / version / "kiosk"
    app.parent.mkdir(parents=True)
    app.write_text(program.format(python=sys.executable))
    app.chmod(app.stat().st_mode | stat.S_IXUSR)


@pytest.fixture
def root(tmp_path):
    install(tmp_path, "1.0.0", GOOD)
    layout = Layout(tmp_path)
    update.activate(layout, "1.0.0", trial=False)
    return layout


FAST = Policy(ready_s=5, trial_s=1.5)


def test_first_install_is_current_without_a_trial(root):
    assert root.current == "1.0.0" and root.previous is None
    assert update.status(root)["trial"] is None


def test_a_healthy_version_is_kept(root):
    install(root.root, "1.1.0", GOOD)
    update.activate(root, "1.1.0")
    assert (root.current, root.previous) == ("1.1.0", "1.0.0")
    outcome = update.check_by_running(root, FAST, [])
    assert outcome.startswith("kept 1.1.0")
    state = root.load()
    assert state["trial"] is None and state["last"]["event"] == "kept"
    assert root.current == "1.1.0"


@pytest.mark.parametrize("program, why", [(CRASHES, "exited with status 3 before READY: "
                                                    "kiosk: configuration error: no such key"),
                                          (SILENT, "not ready within 5 s")])
def test_a_broken_version_is_rolled_back_and_not_tried_again(root, program, why):
    install(root.root, "2.0.0", program)
    update.activate(root, "2.0.0")
    outcome = update.check_by_running(root, FAST, [])
    assert outcome == f"rolled back 2.0.0 to 1.0.0: {why}"
    assert root.current == "1.0.0"
    assert root.load()["bad"]["2.0.0"]["reason"] == why
    with pytest.raises(update.UpdateError, match="was rolled back"):
        update.activate(root, "2.0.0")
    update.activate(root, "2.0.0", force=True)       # a technician may insist
    assert root.current == "2.0.0"


def test_the_rollback_reaches_the_heartbeat_of_the_version_running_again(root):
    install(root.root, "2.0.0", CRASHES)
    update.activate(root, "2.0.0")
    update.check_by_running(root, FAST, [])
    notice = rollback_notice(root.state_path, "1.0.0")
    assert notice["code"] == "update_rolled_back"
    assert notice["message"].startswith("update to 2.0.0 rolled back to 1.0.0: exited with status 3")
    assert rollback_notice(root.state_path, "2.0.0") is None
    assert rollback_notice(root.root / "missing.json", "1.0.0") is None
    (root.root / "garbled.json").write_text("{not json")
    assert rollback_notice(root.root / "garbled.json", "1.0.0")["code"] == "update_state_unreadable"


def test_the_heartbeat_carries_it(root, tmp_path, monkeypatch):
    """The sync wiring puts the notice among the heartbeat's recent errors."""
    from kiosk import config
    from kiosk.wiring import sync as sync_wiring
    install(root.root, "2.0.0", CRASHES)
    update.activate(root, "2.0.0")
    update.check_by_running(root, FAST, [])
    data = tmp_path / "data"
    data.mkdir()
    (data / STATE_FILE).write_text(root.state_path.read_text())
    monkeypatch.setattr(sync_wiring, "__version__", "1.0.0")
    cfg_file = tmp_path / "config.toml"
    cfg_file.write_text(f'[kiosk]\ndata_dir = "{data}"\n[platform]\nurl = "http://127.0.0.1:9"\n')
    cfg = config.load(cfg_file)

    class Link:       # no credential: the area is built without a heartbeat, errors still kept
        client = skew = credential = None

        class alerts:
            @staticmethod
            def connect(sink):
                return None
    area = sync_wiring.build_area(cfg, Link())
    try:
        codes = [e["code"] for e in area.errors.recent()]
    finally:
        area.outbox.close()
    assert "update_rolled_back" in codes


def test_without_a_previous_version_it_says_so(tmp_path):
    install(tmp_path, "1.0.0", CRASHES)
    layout = Layout(tmp_path)
    update.activate(layout, "1.0.0")
    with pytest.raises(update.UpdateError, match="no previous version"):
        update.check_by_running(layout, FAST, [])
    assert layout.load()["last"]["event"] == "failed_no_previous"


def test_links_switch_atomically_and_status_lists_versions(root):
    install(root.root, "1.10.0", GOOD)
    install(root.root, "1.9.0", GOOD)
    assert root.versions() == ["1.0.0", "1.9.0", "1.10.0"]
    update.activate(root, "1.10.0")
    assert (root.opt / "current").is_symlink()
    assert not list(root.opt.glob(".current.*"))
    info = update.status(root)
    assert info["current"] == "1.10.0" and info["trial"]["version"] == "1.10.0"
    assert json.loads(root.state_path.read_text())["trial"]["previous"] == "1.0.0"


def test_a_version_that_is_not_installed_is_refused(root):
    with pytest.raises(update.UpdateError, match="not installed"):
        update.activate(root, "9.9.9")


# ---- judging from systemd's facts -------------------------------------------------------------

TRIAL = {"version": "2.0.0", "previous": "1.0.0", "started": 1000.0, "restarts": 0}
POLICY = Policy(ready_s=90, trial_s=300, max_restarts=2)


@pytest.mark.parametrize("seen, now, verdict", [
    (Observation("activating"), 1030, "pending"),
    (Observation("activating"), 1091, "unhealthy"),     # no READY within TimeoutStartSec
    (Observation("active"), 1100, "pending"),           # up, but the first minutes are not over
    (Observation("active", restarts=1), 1301, "healthy"),
    (Observation("active", restarts=2), 1200, "unhealthy"),   # a crash loop under way
    (Observation("failed", result="watchdog", restarts=4), 1120, "unhealthy"),
])
def test_judge(seen, now, verdict):
    assert judge(TRIAL, seen, POLICY, now)[0] == verdict


def test_watch_rolls_back_when_systemd_gives_up(root, monkeypatch):
    install(root.root, "2.0.0", GOOD)
    update.activate(root, "2.0.0", now=1000.0)
    restarted = []
    monkeypatch.setattr(update, "restart_units", lambda: restarted.append(True))
    seen = iter([Observation("activating"), Observation("active", restarts=1),
                 Observation("failed", result="start-limit-hit", restarts=5)])
    outcome = update.watch(root, POLICY, observe=lambda: next(seen), sleep=lambda s: None,
                           clock=lambda: 1010.0)
    assert outcome.startswith("rolled back 2.0.0 to 1.0.0: kiosk.service failed (start-limit-hit)")
    assert root.current == "1.0.0" and restarted == [True]


def test_the_command_line(root, capsys):
    install(root.root, "1.1.0", GOOD)
    assert update.main(["--root", str(root.root), "activate", "1.1.0", "--no-restart"]) == 0
    assert update.main(["--root", str(root.root), "check", "--run", "--ready-s", "5",
                        "--trial-s", "1"]) == 0
    assert update.main(["--root", str(root.root), "status"]) == 0
    out = capsys.readouterr().out
    assert "current:   1.1.0" in out and "last:      kept 1.1.0" in out
    assert update.main(["--root", str(root.root), "activate", "7.0"]) == 1
