"""Damaged state files (issue 14): a damaged commands.sqlite3 or an empty outbox.key (a crash at
first start) took the whole sync area down. Now the commands database is set aside and made
again with its deny-list of executed ids, an empty key is replaced, and the outbox accepts."""
from __future__ import annotations

import base64
import json
import time

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk import config
from sync.crypto import KEY_BYTES, load_or_create_key
from sync.outbox import open_outbox
from sync.remote_commands import RemoteCommands


def envelope(key, command_id: str) -> dict:
    now = time.time()
    text = json.dumps({"id": command_id, "kiosk_id": "K", "name": "maintenance", "args": {},
                       "issued_at": now, "expires_at": now + 300},
                      sort_keys=True, separators=(",", ":"))
    return {"payload": text, "signature": base64.b64encode(key.sign(text.encode())).decode()}


def test_a_damaged_commands_database_is_recreated_and_no_command_runs_twice(tmp_path):
    key = Ed25519PrivateKey.generate()
    db = tmp_path / "commands.sqlite3"
    ran, alerts = [], []
    first = RemoteCommands(db, "K", key.public_key())
    first.register("maintenance", lambda args: ran.append("first"))
    first.handle([envelope(key, "cmd-1")])
    first.close()
    for extra in ("-wal", "-shm"):
        (tmp_path / f"commands.sqlite3{extra}").unlink(missing_ok=True)
    db.write_bytes(b"SQLite format 3\x00" + b"\xde\xad" * 4000)       # damaged
    again = RemoteCommands(db, "K", key.public_key(), alert=lambda *a: alerts.append(a[0]))
    again.register("maintenance", lambda args: ran.append("again"))
    again.handle([envelope(key, "cmd-1"), envelope(key, "cmd-2")])
    assert ran == ["first", "again"]                  # cmd-1 never twice, cmd-2 runs
    assert alerts == ["commands_db_recreated"]
    assert list(tmp_path.glob("commands.sqlite3.damaged-*"))
    again.close()


def test_an_empty_outbox_key_is_replaced_and_the_outbox_accepts(tmp_path):
    cfg = config.load(_repo_config(),
                      {"kiosk": {"data_dir": str(tmp_path)}})
    (tmp_path / "outbox.key").write_bytes(b"")
    (tmp_path / "outbox.key").chmod(0o600)
    alerts = []
    box = open_outbox(cfg.sync, cfg.data_path, alert=lambda *a: alerts.append(a[0]))
    try:
        assert box.accepting and box.enqueue("evaluation", {"level": 5}).key
    finally:
        box.close()
    assert alerts == ["outbox_key_recreated"]
    assert len((tmp_path / "outbox.key").read_bytes()) == KEY_BYTES
    assert list(tmp_path.glob("outbox.key.empty-*"))


def test_a_new_key_is_never_half_written(tmp_path, monkeypatch):
    import os
    writes = []
    real_write = os.write

    def crash_after_write(fd, data):
        writes.append(len(data))
        real_write(fd, data)
        raise OSError("power cut")
    monkeypatch.setattr(os, "write", crash_after_write)
    try:
        load_or_create_key(tmp_path / "outbox.key")
    except OSError:
        pass
    monkeypatch.undo()
    assert not (tmp_path / "outbox.key").exists()      # no half key in place, only a temp file
    assert len(load_or_create_key(tmp_path / "outbox.key")) == KEY_BYTES
    assert not list(tmp_path.glob(".outbox.key.*.tmp"))     # the crash's leftover is gone


def _repo_config():
    from pathlib import Path
    return Path(__file__).resolve().parents[2] / "config.toml"


def test_the_outbox_key_rotates_and_every_record_stays_readable(tmp_path):
    import subprocess
    import sys
    from pathlib import Path
    from sync.crypto import FORMAT_V2, load_keyring
    root = Path(__file__).resolve().parents[2]
    path = tmp_path / "config.toml"
    path.write_text(f'[kiosk]\ndata_dir = "{tmp_path / "data"}"\n', encoding="utf-8")
    cfg = config.load(path)
    box = open_outbox(cfg.sync, cfg.data_path)
    keys = [box.enqueue("evaluation", {"level": n}).key for n in range(3)]
    box.close()
    old_key = cfg.data_path("outbox.key").read_bytes()
    done = subprocess.run([sys.executable, "-m", "kiosk", "--config", str(path), "outbox",
                           "rotate-key"], capture_output=True, text=True, cwd=root, timeout=60)
    assert done.returncode == 0 and "3 stored record(s) sealed again" in done.stdout, done.stderr
    assert not cfg.data_path("outbox.key").exists()           # the old key is gone
    assert cfg.data_path("outbox.key.1").read_bytes() != old_key
    assert load_keyring(cfg.data_path("outbox.key")).current == 1
    box = open_outbox(cfg.sync, cfg.data_path)
    try:
        assert box.accepting                                   # the key check was re-sealed
        records = box.due(100)
        assert [r.key for r in records][:3] == keys
        assert [r.kind for r in records] == ["evaluation"] * 3 + ["audit"]
        row = box._read_conn().execute("SELECT payload FROM records LIMIT 1").fetchone()[0]
        assert row[:2] == FORMAT_V2 + b"\x01"
    finally:
        box.close()
