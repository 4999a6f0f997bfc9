"""Heartbeat to the loopback platform and remote commands: signed, replay-protected, run once,
acknowledged with their result."""
from __future__ import annotations

import base64
import json
import time

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from sync.heartbeat import ErrorLog, Heartbeat, KioskState
from sync.remote_commands import RemoteCommands

KIOSK_ID = "KIOSK-TEST-0001"


@pytest.fixture
def kiosk(live_platform, credential, make_outbox, client_for, admin_of, tmp_path):
    class Kiosk:
        platform = live_platform
        admin = admin_of(live_platform.url)
        outbox = make_outbox()
        errors = ErrorLog()
        runs: list[tuple[str, dict]] = []
        contacts: list[tuple[bool, str | None]] = []

        def commands(self, now=time.time):
            cmds = RemoteCommands(tmp_path / "commands.sqlite3", credential.kiosk_id,
                                  credential.public_key(), now=now, alert=self.errors)
            cmds.register("screenshot", lambda args: self.runs.append(("screenshot", args))
                          or {"file": "shot-1.png"})
            cmds.register("maintenance", self._maintenance)
            return cmds

        def _maintenance(self, args):
            self.runs.append(("maintenance", args))
            if args.get("on") not in (True, False):
                raise ValueError("args.on must be true or false")
            return {"maintenance": args["on"]}

        def heartbeat(self, commands=None, url=None):
            state = KioskState(kiosk_id=credential.kiosk_id, app_version="9.9.9",
                               started_at=time.time() - 42, data_dir=tmp_path,
                               outbox_stats=self.outbox.stats,
                               device_states=lambda: {"idcard": "ready", "receipt_printer": "error"},
                               paper_state=lambda: {"receipt": "near_end"},
                               last_errors=self.errors.recent)
            return Heartbeat(client_for(url or live_platform.url, credential), state,
                             commands if commands is not None else self.commands(),
                             interval_s=60, on_contact=lambda ok, e: self.contacts.append((ok, e)))
    return Kiosk()


def test_heartbeat_reports_state_and_takes_the_interval(kiosk):
    kiosk.outbox.enqueue("evaluation", {"level": 1})
    kiosk.errors("printer_jam", "receipt printer jammed")
    kiosk.admin.call("/api/v1/admin/settings", {"interval_s": 7})
    result = kiosk.heartbeat().beat()
    assert result.ok and result.interval_s == 7
    body = kiosk.admin.call(f"/api/v1/admin/heartbeats/{KIOSK_ID}", method="GET")["body"]
    assert body["app_version"] == "9.9.9" and body["uptime_s"] >= 42
    assert body["devices"] == {"idcard": "ready", "receipt_printer": "error"}
    assert body["paper"] == {"receipt": "near_end"}
    assert body["outbox"]["depth"] == 1 and body["outbox"]["oldest_age_s"] >= 0
    assert body["disk"]["free_bytes"] > 0
    assert body["last_errors"][0]["code"] == "printer_jam"
    assert kiosk.contacts == [(True, None)]


def test_heartbeat_failure_reports_offline(kiosk):
    kiosk.platform.stop()
    result = kiosk.heartbeat().beat()
    assert not result.ok and result.error == "platform_unreachable"
    assert kiosk.contacts == [(False, "platform_unreachable")]


def test_command_runs_once_and_is_acknowledged_with_its_result(kiosk):
    command = kiosk.admin.command("maintenance", args={"on": True})
    beat = kiosk.heartbeat()
    first = beat.beat()
    assert (first.commands, first.acked) == (1, 1)
    assert kiosk.runs == [("maintenance", {"on": True})]
    state = kiosk.admin.call(f"/api/v1/admin/commands/{command['id']}", method="GET")
    assert state["state"] == "acked" and state["ok"] is True
    assert state["result"] == {"maintenance": True}
    assert beat.beat().commands == 0        # acked: the platform stops sending it
    assert len(kiosk.runs) == 1


def test_lost_ack_resends_the_result_without_running_again(kiosk):
    command = kiosk.admin.command("screenshot")
    kiosk.admin.fault("status", status=503, target="ack", times=1)
    beat = kiosk.heartbeat()
    assert beat.beat().acked == 0            # ran, but the ack was refused
    assert beat.beat().acked == 1            # platform sent it again: re-acked, not re-run
    assert kiosk.runs == [("screenshot", {})]
    state = kiosk.admin.call(f"/api/v1/admin/commands/{command['id']}", method="GET")
    assert state["result"] == {"file": "shot-1.png"}


def test_replayed_envelope_after_restart_does_not_run(kiosk):
    command = kiosk.admin.command("screenshot")
    envelope = command["envelope"]
    commands = kiosk.commands()
    commands.handle([envelope])
    commands.close()
    again = kiosk.commands()                 # a restarted app: the id is remembered on disk
    acks = again.handle([envelope])
    assert kiosk.runs == [("screenshot", {})]
    assert [a["id"] for a in acks] == [command["id"]]


def test_forged_and_foreign_and_expired_commands_do_not_run(kiosk, credential):
    forger = Ed25519PrivateKey.generate()
    payload = json.dumps({"id": "forged-1", "kiosk_id": KIOSK_ID, "name": "screenshot",
                          "args": {}, "issued_at": int(time.time()),
                          "expires_at": int(time.time()) + 600}, sort_keys=True)
    forged = {"payload": payload,
              "signature": base64.b64encode(forger.sign(payload.encode())).decode()}
    genuine = kiosk.admin.command("screenshot")["envelope"]
    tampered = {"payload": genuine["payload"].replace("screenshot", "restart_app"),
                "signature": genuine["signature"]}
    foreign = kiosk.admin.command("screenshot", kiosk_id="KIOSK-OTHER-0002")["envelope"]
    expired = kiosk.admin.command("screenshot", ttl_s=-5)
    commands = kiosk.commands()
    acks = commands.handle([forged, tampered, foreign, expired["envelope"]])
    assert kiosk.runs == []
    assert acks == [{"id": expired["id"], "ok": False, "result": {"error": "expired"}}]
    codes = [e["code"] for e in kiosk.errors.recent()]
    assert codes.count("command_bad_signature") == 2 and "command_wrong_kiosk" in codes


def test_expiry_is_judged_on_the_platform_clock(kiosk):
    command = kiosk.admin.command("screenshot", ttl_s=60)
    slow_clock = kiosk.commands(now=lambda: time.time() + 3600)   # kiosk an hour ahead, uncorrected
    acks = slow_clock.handle([command["envelope"]])
    assert acks[0]["result"] == {"error": "expired"}


def test_unsupported_and_failing_commands_are_acknowledged_as_failed(kiosk):
    upload = kiosk.admin.command("upload_logs")
    bad = kiosk.admin.command("maintenance", args={"on": "maybe"})
    kiosk.heartbeat().beat()
    upload_state = kiosk.admin.call(f"/api/v1/admin/commands/{upload['id']}", method="GET")
    assert upload_state["ok"] is False and upload_state["result"]["error"] == "not_supported"
    bad_state = kiosk.admin.call(f"/api/v1/admin/commands/{bad['id']}", method="GET")
    assert bad_state["ok"] is False and bad_state["result"]["error"] == "ValueError"


def test_interrupted_command_is_reported_not_rerun(kiosk, tmp_path):
    command = kiosk.admin.command("screenshot")
    commands = kiosk.commands()

    def dies(args):
        raise SystemExit("power cut")          # stands in for the process dying mid-command
    commands.register("screenshot", dies)
    with pytest.raises(SystemExit):
        commands.handle([command["envelope"]])
    commands.close()
    restarted = kiosk.commands()
    acks = restarted.handle([command["envelope"]])
    assert acks == [{"id": command["id"], "ok": False,
                     "result": {"error": "interrupted", "message": "the app stopped while running it"}}]
    assert kiosk.runs == []


def test_every_sync_route_is_in_the_contract():
    """docs/platform-api-sync.yaml documents every path and method routes_sync serves."""
    from reference_platform import routes_sync
    from reference_platform.routes_meta import merged_contract
    from reference_platform.server import Router, Store
    import tempfile
    from pathlib import Path
    router = Router()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "contract.sqlite3")
        store.conn().executescript(routes_sync.SCHEMA_SQL)
        routes_sync.register(router, store)
        store.conn().close()
    contract = merged_contract()["paths"]
    served = [(method.lower(), regex.pattern) for method, regex, _ in router._routes]
    for method, pattern in served:
        path = pattern.strip("^$").replace("(?P<", "{").replace(">[^/]+)", "}")
        assert method in contract.get(path, {}), f"{method.upper()} {path} is not documented"
