"""The sync area as the app wires it (demo: embedded platform, self-provisioning) and the
`kiosk outbox` staff commands, which never print personal data."""
from __future__ import annotations

import json
import threading
import time

import pytest

from kiosk import config
from kiosk.cli import main as kiosk_main
from kiosk.context import AppContext
from kiosk.session import Session
from kiosk.wiring import sync as sync_wiring
from sync.outbox import OutboxError

NAME, ID_NUMBER = "测试甲乙丙", "990101199001011233"


class Recorder:
    """Collects what the wiring posts for the UI (the bridge's post signature)."""

    def __init__(self):
        self.events = []
        self.lock = threading.Lock()

    def post(self, device, kind, payload=None):
        with self.lock:
            self.events.append((device, kind, payload))


def wait_for(predicate, timeout=10.0):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return False


@pytest.fixture
def demo_ctx(tmp_path, live_platform):
    path = tmp_path / "config.toml"
    path.write_text('[kiosk]\ndata_dir = "data"\n[platform]\nurl = "embedded"\n'
                    '[sync]\nbackoff_base_s = 0.05\nbackoff_max_s = 1.0\n', encoding="utf-8")
    ctx = AppContext(config=config.load(path), session=Session(), bridge=Recorder(), demo=True)
    ctx.platform_url = live_platform.url   # what the app sets for 'embedded'
    yield ctx
    ctx.shutdown()


class FakeArea:
    """The printing area as the heartbeat reads it: a `state` string and the receipt `paper`."""

    def __init__(self, state, paper=None):
        self.state, self.paper = state, paper


def test_demo_wiring_provisions_enqueues_delivers_and_reports(demo_ctx, live_platform, admin_of):
    demo_ctx.services.printing = FakeArea("ready", paper="near-end")
    demo_ctx.services.unavailable = {"camera": "no camera at /dev/video0"}
    sync_wiring.wire(demo_ctx)
    service = demo_ctx.services.sync
    assert service.credential.kiosk_id == "KIOSK-DEMO-0001"
    receipt = service.enqueue("submission", {"name": NAME, "id_number": ID_NUMBER})
    assert len(receipt.key) == 36 and receipt.kind == "submission"
    assert wait_for(lambda: service.status().depth == 0 and service.status().online)
    assert service.status().last_success is not None
    got = admin_of(live_platform.url).received(include="records")
    assert [r["key"] for r in got["records"]] == [receipt.key]
    kinds = {kind for device, kind, _ in demo_ctx.bridge.events if device == "sync"}
    assert "status" in kinds
    def beat():
        return admin_of(live_platform.url).call("/api/v1/admin/heartbeats/KIOSK-DEMO-0001",
                                                method="GET")
    service.heartbeat.wake()                    # a beat sent after the delivery reports it
    assert wait_for(lambda: beat()["body"]["outbox"]["depth"] == 0)
    beat = beat()
    assert beat["body"]["devices"] == {"printing": "ready",
                                       "camera": "unavailable: no camera at /dev/video0"}
    assert beat["body"]["paper"] == {"printing": "near-end"}
    assert service.state == "online; 0 queued"


def test_remote_flush_command_runs_through_the_wired_registry(demo_ctx, live_platform, admin_of):
    admin = admin_of(live_platform.url)
    sync_wiring.wire(demo_ctx)
    service = demo_ctx.services.sync
    assert "flush_outbox" in service.commands.handlers()
    seen = []
    service.commands.register("screenshot", lambda args: seen.append(args) or {"saved": True})
    shot = admin.command("screenshot", kiosk_id="KIOSK-DEMO-0001", args={"scale": 0.5})
    flush = admin.command("flush_outbox", kiosk_id="KIOSK-DEMO-0001")
    service.heartbeat.wake()

    def acked():
        states = [admin.call(f"/api/v1/admin/commands/{c['id']}", method="GET") for c in (shot, flush)]
        return all(s["state"] == "acked" for s in states) and states
    assert wait_for(acked)
    shot_state, flush_state = acked()
    assert seen == [{"scale": 0.5}] and shot_state["result"] == {"saved": True}
    assert flush_state["ok"] is True and flush_state["result"]["remaining"] == 0


def test_offline_status_reaches_the_ui_and_records_wait(demo_ctx, live_platform, admin_of):
    sync_wiring.wire(demo_ctx)     # provisioning needs the platform once; then it may go away
    service = demo_ctx.services.sync
    live_platform.stop()
    receipt = service.enqueue("evaluation", {"level": "满意"})
    assert wait_for(lambda: service.status().online is False and service.status().depth == 1)
    status = service.status()
    assert status.last_error in ("platform_unreachable", "platform_connection_reset")
    offline = [p for d, k, p in demo_ctx.bridge.events if k == "status" and p.online is False]
    assert offline
    live_platform.start()
    assert service.flush(timeout=10).sent == 1
    got = admin_of(live_platform.url).received(include="records")
    assert [r["key"] for r in got["records"]] == [receipt.key]


def run_cli(capsys, cfg_path, *args):
    # the platform here is http on loopback: the demo's rules (a real kiosk is refused http)
    code = kiosk_main(["--demo", "--config", str(cfg_path), "outbox", *args])
    out = capsys.readouterr().out
    assert NAME not in out and ID_NUMBER not in out and ID_NUMBER[:14] not in out
    return code, out


def test_outbox_commands(tmp_path, live_platform, admin_of, enroll, capsys):
    cfg_path = tmp_path / "config.toml"
    cfg_path.write_text(f'[kiosk]\ndata_dir = "data"\n[platform]\nurl = "{live_platform.url}"\n',
                        encoding="utf-8")
    cfg = config.load(cfg_path)
    enroll(live_platform.url, cfg.data_path("credential.json"), kiosk_id=cfg.kiosk.id)
    from sync.outbox import open_outbox
    box = open_outbox(cfg.sync, cfg.data_path)
    keys = [box.enqueue(kind, {"name": NAME, "id_number": ID_NUMBER})
            for kind in ("submission", "evaluation", "print-audit")]
    box.close()

    code, out = run_cli(capsys, cfg_path, "status")
    assert code == 0 and "queued:       3" in out and "accepting:    yes" in out
    code, out = run_cli(capsys, cfg_path, "list", "--json")
    listed = json.loads(out)
    assert [r["key"] for r in listed] == [k.key for k in keys]
    assert set(listed[0]) == {"seq", "key", "kind", "state", "attempts", "age_s", "last_error"}

    admin_of(live_platform.url).fault("reject_kind", kind="print-audit")
    code, out = run_cli(capsys, cfg_path, "flush")
    assert code == 0 and "sent 2" in out and "dead-lettered 1" in out
    code, out = run_cli(capsys, cfg_path, "status")
    assert code == 1 and "dead letters: 1" in out
    code, out = run_cli(capsys, cfg_path, "list", "--dead")
    assert keys[2].key in out and "rejected" in out

    admin_of(live_platform.url).fault("none")
    code, out = run_cli(capsys, cfg_path, "retry-dead")
    assert "1 dead letter(s) queued again" in out
    code, out = run_cli(capsys, cfg_path, "flush")
    assert code == 0 and "still queued 0" in out
    received = admin_of(live_platform.url).received()
    # the three records, and the audit record of the staff's retry (kiosk.audit)
    assert received["count"] == 4 and received["by_kind"].get("audit") == 1


def test_flush_with_the_platform_down_exits_1_and_keeps_records(tmp_path, capsys):
    cfg_path = tmp_path / "config.toml"
    cfg_path.write_text('[kiosk]\ndata_dir = "data"\n[platform]\nurl = "http://127.0.0.1:9"\n'
                        'connect_timeout_s = 0.5\n', encoding="utf-8")
    cfg = config.load(cfg_path)
    from sync.outbox import open_outbox
    box = open_outbox(cfg.sync, cfg.data_path)
    box.enqueue("evaluation", {"level": 1})
    box.close()
    code, out = run_cli(capsys, cfg_path, "flush")
    assert code == 1 and "still queued 1" in out and "stopped: platform_unreachable" in out


def test_enqueue_refusal_is_typed(demo_ctx, live_platform):
    sync_wiring.wire(demo_ctx)
    service = demo_ctx.services.sync
    service.outbox.min_free_bytes = 1 << 62
    with pytest.raises(OutboxError) as exc:
        service.enqueue("submission", {"n": 1})
    assert exc.value.code == "disk_full"
    assert wait_for(lambda: any(k == "alert" and p["code"] == "outbox_disk_full"
                                for _, k, p in demo_ctx.bridge.events))
