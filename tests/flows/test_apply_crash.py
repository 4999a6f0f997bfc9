"""kill -9 of a real kiosk process applying (自助申报): right after the submission is sealed in the
outbox, and while its upload is in flight. After a restart the platform holds the submission
exactly once, as one case, with every page intact (the SHA-256 of each page as scanned)."""
from __future__ import annotations

import base64
import hashlib
import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
CHILD = r'''
import hashlib, json, os, signal, sys, threading, time
import cv2, numpy as np
from devices.idcard.gb11643 import complete
from kiosk import config
from kiosk.flows.apply import ApplyFlow
from kiosk.flows.apply_platform import ApplyClient
from kiosk.session import Identity
from kiosk.wiring.platform import open_link
from kiosk.wiring.sync import build_area
from sync import crash_points

path, mode, crash, token, admin_token = sys.argv[1:6]
cfg = config.load(path)
link = open_link(cfg, cfg.platform.url, demo=True, enroll_token=token or None)
area = build_area(cfg, link)

def die():
    os.kill(os.getpid(), signal.SIGKILL)

def applied():
    """The platform says it applied the submission (the admin view; its answer is held)."""
    from reference_platform.admin import AdminClient
    admin = AdminClient(cfg.platform.url, admin_token)
    while admin.received(kind="submission")["count"] == 0:
        time.sleep(0.02)
    die()

def hook(name):
    if crash == "after_enqueue" and name == "after_enqueue":
        die()
    if crash == "during_upload" and name == "send_started":
        timer = threading.Timer(0.5, die)      # the platform waits 5 s before applying
        timer.daemon = True
        timer.start()
    if crash == "answer_lost" and name == "send_started":
        threading.Thread(target=applied, daemon=True).start()
crash_points.install(hook)

if mode == "apply":
    who = Identity("idcard", "张三", complete("99010219800501123"), {})
    flow = ApplyFlow("1199010006GG00602002", ApplyClient(link.client), area, lambda: who,
                     kiosk_id=cfg.kiosk.id)
    flow.load()
    flow.set_field("lease_registered", "yes")
    flow.set_field("lease_number", "20261234")
    flow.set_field("lease_start", "2026-03-01")
    assert flow.form_done(), flow.form.problems
    rng = np.random.default_rng(7)
    hashes = []
    for _ in range(3):                       # about 1.3 MB a page: a 4 MB record
        page = rng.integers(0, 256, (1400, 1000), dtype=np.uint8)
        jpeg = cv2.imencode(".jpg", page, [cv2.IMWRITE_JPEG_QUALITY, 95])[1].tobytes()
        assert flow.add_page("住房租赁备案证明或承诺书", jpeg) is None
        hashes.append(hashlib.sha256(jpeg).hexdigest())
    assert flow.materials_done(), flow.code
    print(json.dumps(hashes), flush=True)
    flow.submit(online=True)
    assert flow.step == "submitted", flow.code
    print("submitted " + flow.reference, flush=True)
area.start()
deadline = time.time() + 40
while area.outbox.stats().depth and time.time() < deadline:
    time.sleep(0.05)
depth = area.outbox.stats().depth
area.stop()
sys.exit(0 if depth == 0 else 1)
'''


@pytest.fixture
def kiosk_config(tmp_path, platform):
    path = tmp_path / "config.toml"
    path.write_text(f"""
[kiosk]
id = "KIOSK-APPLY-0001"
data_dir = "data"
[platform]
url = "{platform.url}"
connect_timeout_s = 1.0
read_timeout_s = 5.0
[sync]
batch_size = 5
backoff_base_s = 0.05
backoff_max_s = 1.0
heartbeat_s = 3600
""", encoding="utf-8")
    return path


def run(config_path, mode, crash="", token="", admin_token=""):
    return subprocess.run([sys.executable, "-c", CHILD, str(config_path), mode, crash, token,
                           admin_token],
                          capture_output=True, text=True, timeout=90, cwd=ROOT)


@pytest.mark.slow
@pytest.mark.parametrize("crash", ["after_enqueue", "during_upload", "answer_lost"])
def test_kill_9_then_restart_delivers_the_submission_once_with_every_page(crash, kiosk_config,
                                                                         platform):
    if crash == "during_upload":
        platform.admin.fault("slow", delay_s=5, before_apply=True, times=1)
    if crash == "answer_lost":
        platform.admin.fault("slow", delay_s=5, times=1)      # applied, then the answer is held
    crashed = run(kiosk_config, "apply", crash, platform.demo_enrollment_token,
                  platform.admin_token)
    assert crashed.returncode == -signal.SIGKILL, crashed.stderr[-2000:]
    lines = crashed.stdout.splitlines()
    hashes = json.loads(lines[0])
    arrived = platform.admin.received(kind="submission")["count"]
    if crash == "after_enqueue":
        # sealed on disk, but the process died before the citizen was told "submitted"
        assert len(lines) == 1 and arrived == 0
    else:
        assert lines[1].startswith("submitted ")
        assert arrived == (1 if crash == "answer_lost" else 0)   # applied but never confirmed

    restarted = run(kiosk_config, "drain")
    assert restarted.returncode == 0, restarted.stderr[-2000:]

    got = platform.admin.received(kind="submission", include="records")
    assert got["count"] == 1, got
    if crash == "answer_lost":
        assert got["redeliveries"] >= 1             # sent again after the restart, applied once
    record = got["records"][0]
    pages = record["payload"]["materials"][2]["pages"]
    assert [hashlib.sha256(base64.b64decode(p["data"])).hexdigest() for p in pages] == hashes
    assert [p["sha256"] for p in pages] == hashes
    if crash != "after_enqueue":
        assert record["key"] == lines[1].split()[1]    # the reference the citizen was given
    from kiosk.flows.apply_platform import ApplyClient
    from sync.client import ClientSettings, PlatformClient
    from sync.credential import load_credential
    credential = load_credential(kiosk_config.parent / "data" / "credential.json")
    client = PlatformClient(ClientSettings(platform.url), credential=credential)
    state = ApplyClient(client).submission_state(record["key"])
    assert state["state"] == "received" and state["case_no"].startswith("SL-990100-")
    outbox = (kiosk_config.parent / "data" / "outbox.sqlite3").read_bytes()
    assert "张三".encode() not in outbox and hashes[0].encode() not in outbox   # sealed at rest
