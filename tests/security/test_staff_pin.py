"""Staff access findings of issue 14: the PIN as a salted memory-hard hash, trivial PINs refused,
a lock-out that survives a restart and lengthens, and an audit record through the outbox for
every staff action, with no PIN or personal data in it."""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from kiosk import config
from kiosk.audit import StaffAudit, clean_details
from kiosk.staff_auth import PinGuard, hash_pin, verify_pin, weak_pin_reason
from sync.crypto import PayloadCipher, load_or_create_key
from sync.outbox import Outbox

ROOT = Path(__file__).resolve().parents[2]
PIN = "482916"


def cheap_hash(pin: str = PIN) -> str:
    return hash_pin(pin, memory_kib=1024, passes=1)


class Clock:
    def __init__(self, now: float = 1_800_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


def guard(tmp_path, clock, events=None, attempts=3, lockout_s=60, **cfg):
    staff = SimpleNamespace(pin_hash=cheap_hash(), max_pin_attempts=attempts,
                            lockout_s=lockout_s, **cfg)
    return PinGuard(staff, False, tmp_path / "staff-lockout.json",
                    on_event=(lambda *e: events.append(e)) if events is not None else None,
                    clock=clock)


def test_the_pin_hash_is_salted_argon2id_and_costly():
    first, second = hash_pin(PIN), hash_pin(PIN)
    assert first.startswith("$argon2id$v=19$m=65536,t=3,p=1$")
    assert first != second                               # salted: no table works for all kiosks
    assert verify_pin(PIN, first) and not verify_pin("482917", first)
    assert hashlib.sha256(PIN.encode()).hexdigest() not in first
    started = time.perf_counter()
    verify_pin("000001", first)
    assert time.perf_counter() - started > 0.05          # a million guesses take hours, not 0.26 s


@pytest.mark.parametrize("pin", ["000000", "123456", "654321", "111111", "121212", "123123",
                                 "112233", "890123", "12345", "12345a"])
def test_trivial_pins_are_refused(pin):
    assert weak_pin_reason(pin) is not None


def test_good_pins_are_accepted():
    assert weak_pin_reason(PIN) is None and weak_pin_reason("731846") is None


def test_the_lockout_survives_a_restart_and_lengthens(tmp_path):
    clock, events = Clock(), []
    first = guard(tmp_path, clock, events)
    for _ in range(3):
        assert not first.check("000001")
    assert first.locked_for() == 60
    restarted = guard(tmp_path, clock, events)             # the app restarted: still locked
    assert restarted.locked_for() == 60 and not restarted.check(PIN)
    clock.now += 61
    for _ in range(3):
        restarted.check("000001")
    assert restarted.locked_for() == 120                   # the second lock-out is twice as long
    clock.now += 121
    assert restarted.check(PIN)
    state = json.loads((tmp_path / "staff-lockout.json").read_text())
    assert set(state) == {"failures", "lockouts", "locked_until", "last_failure"}   # no PIN
    assert oct((tmp_path / "staff-lockout.json").stat().st_mode)[-3:] == "600"
    actions = [e[0] for e in events]
    assert actions.count("staff_pin_failed") == 6 and actions.count("staff_lockout") == 2
    assert actions[-1] == "staff_unlock" and events[-1][1] == "ok"
    assert ("staff_unlock", "locked", {"locked_for_s": 60}) in events
    assert not any(PIN in repr(e) or "000001" in repr(e) for e in events)


def test_a_damaged_lockout_file_locks_rather_than_unlocks(tmp_path):
    (tmp_path / "staff-lockout.json").write_text("{not json")
    assert guard(tmp_path, Clock()).locked_for() > 0


def test_a_legacy_sha256_pin_no_longer_opens_the_menu(tmp_path):
    events = []
    legacy = PinGuard(SimpleNamespace(pin_hash="", pin_sha256=hashlib.sha256(PIN.encode())
                                      .hexdigest(), max_pin_attempts=3, lockout_s=60),
                      False, tmp_path / "s.json", on_event=lambda *e: events.append(e))
    assert not legacy.enabled and not legacy.check(PIN)
    assert events[0][0] == "staff_pin_legacy_hash"


@pytest.fixture
def outbox(tmp_path):
    box = Outbox(tmp_path / "outbox.sqlite3", PayloadCipher(load_or_create_key(tmp_path / "k")))
    yield box
    box.close()


def audit_records(box: Outbox) -> list[dict]:
    return [r.payload for r in box.due(1000) if r.kind == "audit"]


def test_audit_records_go_through_the_outbox_without_personal_data(outbox):
    alerts = []
    audit = StaffAudit(outbox.enqueue, "KIOSK-T", alert=lambda *a: alerts.append(a))
    audit("staff_pin_failed", "wrong", {"failures": 2, "pin": PIN, "name": "张三"})
    audit("staff_lockout", "locked", {"lockout_s": 300, "id_number": "110101199001011234"})
    audit("maintenance_on")
    records = audit_records(outbox)
    print(records)
    assert [r["action"] for r in records] == ["staff_pin_failed", "staff_lockout",
                                              "maintenance_on"]
    assert records[0]["details"] == {"failures": 2} and records[0]["kiosk_id"] == "KIOSK-T"
    assert not any(secret in json.dumps(records, ensure_ascii=False)
                   for secret in (PIN, "张三", "110101199001011234"))
    assert [a[0] for a in alerts] == ["security_staff_lockout"]
    with pytest.raises(ValueError):
        audit("something_new")
    assert clean_details({"key": "x" * 500})["key"] == "x" * 80


def write_config(tmp_path: Path) -> Path:
    path = tmp_path / "config.toml"
    path.write_text((ROOT / "config.toml").read_text(encoding="utf-8").replace(
        'data_dir = "var"', f'data_dir = "{tmp_path / "data"}"'), encoding="utf-8")
    return path


def kiosk(path: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kiosk", "--config", str(path), *args],
                          input=stdin, capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_set_pin_writes_an_argon2id_hash_refuses_trivial_pins_and_is_audited(tmp_path):
    path = write_config(tmp_path)
    refused = kiosk(path, "staff", "set-pin", "--stdin", stdin="123456\n")
    assert refused.returncode == 2 and "refused" in refused.stderr
    assert config.load(path).staff.pin_hash == ""
    done = kiosk(path, "staff", "set-pin", "--stdin", stdin=PIN + "\n")
    assert done.returncode == 0, done.stderr
    cfg = config.load(path)
    assert verify_pin(PIN, cfg.staff.pin_hash)
    assert "# wrong PINs before the staff menu locks" in path.read_text(encoding="utf-8")
    assert PIN not in path.read_text(encoding="utf-8")
    changed = kiosk(path, "config", "set", "ui.idle_timeout_s", "120")
    assert changed.returncode == 0, changed.stderr
    box = Outbox(cfg.data_path("outbox.sqlite3"),
                 PayloadCipher(load_or_create_key(cfg.data_path("outbox.key"))))
    try:
        records = audit_records(box)
    finally:
        box.close()
    assert [(r["action"], r["source"], r["details"]) for r in records] == [
        ("staff_pin_set", "cli", {"key": "staff.pin_hash"}),
        ("config_change", "cli", {"key": "ui.idle_timeout_s"})]


def test_the_staff_menu_audits_unlock_failures_maintenance_and_restart(make_ctx, show_shell,
                                                                        monkeypatch):
    from PySide6.QtWidgets import QApplication
    from kiosk.wiring import sync as sync_wiring
    from kiosk.app import start_platform
    ctx = make_ctx()
    start_platform(ctx)
    sync_wiring.wire(ctx)
    shell = show_shell(ctx)
    shell.go("staff")
    staff = shell.current()
    staff._submit("135790")                          # wrong
    staff._submit("000000")                          # the demo PIN
    assert staff.unlocked
    staff._toggle_maintenance()
    shell.go("staff")
    staff = shell.current()
    staff._submit("000000")
    staff._toggle_maintenance()
    exits = []
    monkeypatch.setattr(QApplication, "exit", lambda code=0: exits.append(code))
    staff._restart()
    assert exits == [75]
    # the sync worker delivers them: read what reached the (embedded) platform
    assert ctx.services.sync.flush(30).remaining == 0
    received = ctx.embedded_platform.admin.received(kind="audit", include="records")
    records = [r["payload"] for r in received["records"]]
    assert [r["action"] for r in records] == ["staff_pin_failed", "staff_unlock", "maintenance_on",
                                              "staff_unlock", "maintenance_off", "restart"]
    assert "135790" not in json.dumps(records)
