"""Remote commands from the platform: verified, run at most once, acknowledged with a result.

Commands arrive only in heartbeat answers (the kiosk opens no port). Each is an envelope
{"payload": canonical JSON text, "signature": base64 Ed25519 over that text}; the payload holds
id, kiosk_id, name, args, issued_at, expires_at. A command runs only when the signature verifies
with the platform key from provisioning, it is addressed to this kiosk, its lifetime is at most
MAX_LIFETIME_S, it was not issued in the future and has not expired, all judged on the platform's
signed time (sync.clock.SignedClock, never the unsigned Date header), while that clock is trusted,
and its id was never seen before. The id is written
to disk before the handler runs, so a crash mid-command can never run it twice: it is acknowledged
as interrupted instead.

The app decides what a command does: RemoteCommands.register("screenshot", fn). fn(args) runs in
the heartbeat thread and returns a JSON-able result (or raises); a handler that needs the Qt main
thread must hand the work over itself (e.g. through the bridge) and wait for it.
"""
from __future__ import annotations

import base64
import binascii
import json
import logging
import os
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any, Callable

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

log = logging.getLogger(__name__)

MAX_LIFETIME_S = 15 * 60      # a signed command is good for at most this long after issued_at
FUTURE_SLACK_S = 60           # issued_at may be this far ahead of the platform's signed time
KNOWN_COMMANDS = ("restart_app", "reload_config", "maintenance", "screenshot", "upload_logs",
                  "flush_outbox")

SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS commands (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    received_at REAL NOT NULL,
    expires_at  REAL NOT NULL,
    state       TEXT NOT NULL CHECK (state IN ('started', 'done')),
    ok          INTEGER,
    result      TEXT,
    acked       INTEGER NOT NULL DEFAULT 0
);
"""

Handler = Callable[[dict], Any]


class RemoteCommands:
    def __init__(self, db_path: str | Path, kiosk_id: str, platform_key: Ed25519PublicKey, *,
                 now: Callable[[], float] = time.time,
                 alert: Callable[[str, str, dict], None] | None = None,
                 clock_trusted: Callable[[], bool] = lambda: True):
        """now: the platform's signed time (sync.clock.SignedClock.now), never the Date header;
        clock_trusted: False while no signed time arrived or the local clock is badly off, and
        then no command runs (nor is recorded: the platform keeps sending it until it expires)."""
        self.kiosk_id = kiosk_id
        self._key = platform_key
        self._now = now
        self._clock_trusted = clock_trusted
        self._alert = alert if alert is not None else (lambda code, message, details: None)
        self._handlers: dict[str, Handler] = {}
        self._lock = threading.Lock()
        self._db_path = Path(db_path)
        # every id ever started, one a line, fsynced before the handler runs: what survives
        # a damaged database, so no command can run twice even then
        self._deny_path = self._db_path.with_name(self._db_path.name + ".executed")
        try:
            self._conn = self._connect()
        except sqlite3.DatabaseError as exc:
            self._conn = self._recreate(exc)
        # a command that was running when the app died must not run again: report it
        self._conn.execute("UPDATE commands SET state='done', ok=0, result=? WHERE state='started'",
                           (json.dumps({"error": "interrupted",
                                        "message": "the app stopped while running it"}),))

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(str(self._db_path), isolation_level=None, check_same_thread=False)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            if [row[0] for row in conn.execute("PRAGMA quick_check")] != ["ok"]:
                raise sqlite3.DatabaseError("integrity check failed")
            conn.executescript(SCHEMA_SQL)
        except sqlite3.DatabaseError:
            conn.close()
            raise
        return conn

    def _recreate(self, exc: Exception) -> sqlite3.Connection:
        """A damaged database is set aside and made again, with the executed ids restored from
        the deny-list: remote commands (and the rest of sync) keep working."""
        stamp = int(time.time())
        for suffix in ("", "-wal", "-shm"):
            old = Path(str(self._db_path) + suffix)
            if old.exists():
                os.replace(old, old.with_name(f"{old.name}.damaged-{stamp}"))
        conn = self._connect()
        denied = self._denied()
        for command_id in denied:
            conn.execute("INSERT OR IGNORE INTO commands(id, name, received_at, expires_at, state,"
                         " ok, result, acked) VALUES (?, 'unknown', ?, 0, 'done', 0, ?, 1)",
                         (command_id, time.time(), json.dumps({"error": "restored"})))
        self._alert("commands_db_recreated", f"{self._db_path.name} was damaged ({exc}); set "
                    f"aside and made again with {len(denied)} executed id(s) kept", {})
        return conn

    def _denied(self) -> list[str]:
        try:
            text = self._deny_path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        return [line.strip() for line in text.splitlines() if line.strip()]

    def _deny(self, command_id: str) -> None:
        fd = os.open(self._deny_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            os.write(fd, (command_id.replace("\n", " ") + "\n").encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)

    def register(self, name: str, handler: Handler) -> None:
        """Make `name` runnable; registering again replaces the handler."""
        self._handlers[name] = handler

    def handlers(self) -> list[str]:
        return sorted(self._handlers)

    def handle(self, envelopes: list[dict]) -> list[dict]:
        """Verify and run each command; returns every acknowledgement not yet confirmed."""
        for envelope in envelopes:
            command = self._verify(envelope)
            if command is not None:
                self._run_once(command)
        return self.pending_acks()

    def _verify(self, envelope: Any) -> dict | None:
        try:
            text = envelope["payload"]
            signature = base64.b64decode(envelope["signature"], validate=True)
            self._key.verify(signature, text.encode("utf-8"))
            command = json.loads(text)
            fields = (command["id"], command["kiosk_id"], command["name"], command["expires_at"])
        except InvalidSignature:
            self._refuse_unverified("command_bad_signature",
                                    "a command with an invalid signature was ignored")
            return None
        except (KeyError, TypeError, ValueError, binascii.Error, AttributeError):
            self._refuse_unverified("command_malformed", "a malformed command was ignored")
            return None
        if (not isinstance(fields[0], str) or not isinstance(command.get("args", {}), dict)
                or not isinstance(fields[3], (int, float)) or isinstance(fields[3], bool)):
            self._refuse_unverified("command_malformed", "a malformed command was ignored")
            return None
        if command["kiosk_id"] != self.kiosk_id:
            self._refuse_unverified("command_wrong_kiosk",
                                    f"a command for {command['kiosk_id']} was ignored")
            return None
        return command

    def _refuse_unverified(self, code: str, message: str) -> None:
        # nothing to acknowledge: an unverified id may not even be the platform's
        log.warning(message)
        self._alert(code, message, {})

    def _run_once(self, command: dict) -> None:
        with self._lock:
            seen = self._conn.execute("SELECT state FROM commands WHERE id=?",
                                      (command["id"],)).fetchone()
            if seen is None and command["id"] in self._denied():
                return          # ran before a damaged database was made again: never twice
            if seen is not None:
                # the platform did not get our ack: send the stored result again, never re-run
                self._conn.execute("UPDATE commands SET acked=0 WHERE id=?", (command["id"],))
                return
            now = self._now()
            issued = command.get("issued_at")
            expires = float(command["expires_at"])
            handler = self._handlers.get(command["name"])
            refusal = None
            if not self._clock_trusted():
                # not recorded nor acknowledged: the platform sends it again with the next
                # answer, and it runs then if the clock is trusted and it is still valid
                log.warning("remote command %s held: the kiosk clock is not trusted",
                            command["name"])
                return
            if not isinstance(issued, (int, float)) or isinstance(issued, bool):
                refusal = {"error": "no_issued_at"}
            elif expires - issued > MAX_LIFETIME_S:
                refusal = {"error": "lifetime_too_long", "max_s": MAX_LIFETIME_S}
            elif issued > now + FUTURE_SLACK_S:
                refusal = {"error": "issued_in_the_future"}
            elif expires <= now:
                refusal = {"error": "expired"}
            elif handler is None:
                refusal = {"error": "not_supported", "supported": self.handlers()}
            self._conn.execute(
                "INSERT INTO commands(id, name, received_at, expires_at, state, ok, result) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (command["id"], command["name"], time.time(), float(command["expires_at"]),
                 "done" if refusal else "started", 0 if refusal else None,
                 json.dumps(refusal) if refusal else None))
        if refusal:
            log.info("remote command %s refused: %s", command["name"], refusal["error"])
            return
        self._deny(command["id"])
        try:
            result, ok = handler(dict(command.get("args") or {})), True
            json.dumps(result)
        except Exception as exc:
            log.warning("remote command %s failed: %s", command["name"], exc)
            result, ok = {"error": type(exc).__name__, "message": str(exc)[:200]}, False
        with self._lock:
            self._conn.execute("UPDATE commands SET state='done', ok=?, result=? WHERE id=?",
                               (1 if ok else 0, json.dumps(result), command["id"]))
        log.info("remote command %s done (ok=%s)", command["name"], ok)

    def pending_acks(self) -> list[dict]:
        with self._lock:
            rows = self._conn.execute("SELECT id, ok, result FROM commands WHERE state='done' "
                                      "AND acked=0 ORDER BY received_at").fetchall()
        return [{"id": r[0], "ok": bool(r[1]), "result": json.loads(r[2]) if r[2] else None}
                for r in rows]

    def mark_acked(self, ids: list[str]) -> None:
        with self._lock:
            for command_id in ids:
                self._conn.execute("UPDATE commands SET acked=1 WHERE id=?", (command_id,))

    def executed(self) -> list[tuple[str, str, bool | None]]:
        """(id, name, ok) of every command seen, for staff diagnostics."""
        with self._lock:
            rows = self._conn.execute("SELECT id, name, ok FROM commands ORDER BY received_at")
            return [(r[0], r[1], None if r[2] is None else bool(r[2])) for r in rows]

    def close(self) -> None:
        with self._lock:
            self._conn.close()
