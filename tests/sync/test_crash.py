"""kill -9 of a real kiosk sync process at each point of a delivery, several trials each:
the platform ends up holding every accepted record exactly once."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from waiting import wait_until

PROC = Path(__file__).with_name("kiosk_proc.py")
RECORDS = 24


@pytest.fixture
def kiosk_config(tmp_path, live_platform):
    path = tmp_path / "config.toml"
    path.write_text(f"""
[kiosk]
id = "KIOSK-CRASH-0001"
data_dir = "data"
[platform]
url = "{live_platform.url}"
connect_timeout_s = 1.0
read_timeout_s = 5.0
[sync]
batch_size = 5
backoff_base_s = 0.05
backoff_max_s = 1.0
heartbeat_s = 3600
""", encoding="utf-8")
    return path


def run_kiosk(*args, timeout=30):
    return subprocess.run([sys.executable, *args], capture_output=True, text=True,
                          timeout=timeout, cwd=Path(__file__).parents[2])


def provision(config_path, url, admin):
    token = admin.call("/api/v1/admin/enrollment")["enrollment_token"]
    # http on loopback: the demo's rules (a real kiosk is refused http and must pin the key)
    done = run_kiosk("-m", "kiosk", "--demo", "--config", str(config_path), "provision",
                     "--token", token)
    assert done.returncode == 0, done.stderr
    for name in ("credential.json", "outbox.key"):      # both made at install, both private
        assert oct((config_path.parent / "data" / name).stat().st_mode & 0o777) == "0o600"
    again = run_kiosk("-m", "kiosk", "--demo", "--config", str(config_path), "provision",
                      "--token", token)
    assert again.returncode == 2 and "--force" in again.stderr


@pytest.mark.parametrize("point,nth", [
    ("after_enqueue", 1), ("after_enqueue", 9), ("after_enqueue", 17),
    ("after_send", 1), ("after_send", 3), ("after_send", 5),
    ("after_response", 1), ("after_response", 2), ("after_response", 4),
    ("after_delete", 1), ("after_delete", 2), ("after_delete", 5),
])
def test_kill_9_at_each_point_of_a_delivery(point, nth, kiosk_config, live_platform, admin_of):
    admin = admin_of(live_platform.url)
    provision(kiosk_config, live_platform.url, admin)
    crash = ["--crash-at", f"{point}:{nth}"]
    if point == "after_send":
        # the platform applies the batch, then holds its answer; the kiosk dies while waiting
        # the n-th batch: the platform applies it, then holds its answer; the kiosk is killed
        # while waiting (earlier batches answer at once, so their crash timers never fire)
        admin.fault("slow", delay_s=1.5, times=1, after=nth - 1)
        crash = ["--crash-at", "after_send:1", "--crash-delay-s", "0.4"]
    crashed = run_kiosk(str(PROC), str(kiosk_config), str(RECORDS), *crash)
    assert crashed.returncode == -signal.SIGKILL, crashed.stderr
    told = [line for line in crashed.stdout.split() if line != "started"]
    committed = nth if point == "after_enqueue" else RECORDS   # the n-th commit died before printing
    assert len(told) == (nth - 1 if point == "after_enqueue" else RECORDS)

    before = admin.received()
    if point in ("after_send", "after_response"):
        assert before["count"] > 0           # the platform applied what the kiosk never confirmed
    restarted = run_kiosk(str(PROC), str(kiosk_config), "0")
    assert restarted.returncode == 0, restarted.stderr

    got = admin.received(include="records")
    numbers = sorted(r["payload"]["n"] for r in got["records"])
    assert numbers == list(range(committed))            # everything accepted, each exactly once
    assert set(told) <= {r["key"] for r in got["records"]}
    if point in ("after_send", "after_response"):
        assert got["redeliveries"] > 0                   # resent after the crash, applied once
    db = kiosk_config.parent / "data" / "outbox.sqlite3"
    assert "测试申请人".encode() not in db.read_bytes()


def listening_inodes() -> set[str]:
    """Socket inodes in LISTEN state (TCP state 0A) in this network namespace."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except FileNotFoundError:
            continue
        for line in lines:
            fields = line.split()
            if fields[3] == "0A":
                inodes.add(fields[9])
    return inodes


def _has_beaten(admin, kiosk_id: str) -> bool:
    try:
        return admin.call(f"/api/v1/admin/heartbeats/{kiosk_id}", method="GET")["count"] > 0
    except requests.HTTPError as exc:
        if exc.response is not None and exc.response.status_code == 404:
            return False                    # no heartbeat yet
        raise


def test_the_kiosk_opens_no_listening_port(kiosk_config, live_platform, admin_of):
    provision(kiosk_config, live_platform.url, admin_of(live_platform.url))
    proc = subprocess.Popen([sys.executable, str(PROC), str(kiosk_config), "3", "2.0"],
                            stdout=subprocess.PIPE, text=True)
    try:
        for line in proc.stdout:
            if line.strip() == "started":
                break
        # heartbeat and delivery threads are up and have talked to the platform
        wait_until(lambda: _has_beaten(admin_of(live_platform.url), "KIOSK-CRASH-0001"),
                   "the kiosk process sends its first heartbeat")
        sockets = set()
        for fd in Path(f"/proc/{proc.pid}/fd").iterdir():
            target = os.readlink(fd)
            if target.startswith("socket:["):
                sockets.add(target[len("socket:["):-1])
        assert sockets, "the kiosk process should hold client sockets to the platform"
        assert not sockets & listening_inodes()
    finally:
        assert proc.wait(timeout=30) == 0


def test_an_enrollment_token_works_once(kiosk_config, live_platform, admin_of):
    token = admin_of(live_platform.url).call("/api/v1/admin/enrollment")["enrollment_token"]
    first = run_kiosk("-m", "kiosk", "--demo", "--config", str(kiosk_config), "provision",
                      "--token", token)
    assert first.returncode == 0 and "KIOSK-CRASH-0001" in first.stdout
    reused = run_kiosk("-m", "kiosk", "--demo", "--config", str(kiosk_config), "provision",
                       "--token", token, "--force")
    assert reused.returncode == 1 and "refused the enrollment token" in reused.stderr


def test_sync_reads_no_switch_from_the_environment():
    """Crash points are armed by the test's own process (kiosk_proc installs a hook); the product
    reads no environment variable that could arm them, or change anything else, on a kiosk."""
    import ast
    root = Path(__file__).parents[2] / "sync"
    reads = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv", "environb"):
                reads.append(f"{path.relative_to(root.parent)}:{node.lineno}")
    assert reads == []
