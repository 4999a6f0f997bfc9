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
