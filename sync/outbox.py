"""The durable outbox: everything the platform must receive waits here until the platform acks it.

SQLite in WAL mode with synchronous=FULL, so a record whose enqueue() returned survives a power cut
(WAL + NORMAL may lose the last commits). Each record gets its idempotency key once, at enqueue, and
keeps it through every retry, so the platform can apply it exactly once however often it arrives.
Payloads are sealed with AES-GCM (sync.crypto): the file holds no readable name or ID number.

A record leaves the table only through ack() (the platform confirmed it) and never expires: when the
platform rejects it for good or it fails too often it moves to the dead state, and staff are alerted.
When the disk is full or the database is damaged the outbox refuses new records with an OutboxError
whose `code` says why, instead of accepting what it cannot keep.
"""
from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import sqlite3
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Protocol

from sync.crash_points import crash_point
from sync.crypto import CryptoError, PayloadCipher
from sync.errors import SyncError

KIND_PATTERN = re.compile(r"[a-z][a-z0-9_.-]{0,63}")
MAX_PAYLOAD_BYTES = 8 * 1024 * 1024
RECOVERY_MARGIN_BYTES = 256 * 1024

# No secondary index: each one is one more page written and synced per enqueue. Records are
# found by seq (the rowid); due-record scans walk the table in seq order (a backlog is mostly due).
SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS records (
    seq          INTEGER PRIMARY KEY,
    key          TEXT    NOT NULL,
    kind         TEXT    NOT NULL,
    created      REAL    NOT NULL,
    payload      BLOB    NOT NULL,
    state        TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'dead')),
    attempts     INTEGER NOT NULL DEFAULT 0,
    next_attempt REAL    NOT NULL DEFAULT 0,
    last_error   TEXT,
    dead_at      REAL
);
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value BLOB NOT NULL);
"""
_CANARY = b"outbox-key-check"

# sqlite3 primary result codes (the low byte of an extended code)
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_NOTADB = 10, 11, 13, 26


class OutboxError(SyncError):
    """The outbox cannot accept or read records."""
    codes = ("disk_full", "corrupt", "key_mismatch", "io_error", "closed", "payload_too_large")


class RecordRef(Protocol):
    """Anything naming one record: a Receipt, an OutboxRecord, a RecordInfo."""
    seq: int
    key: str


@dataclass(frozen=True)
class Receipt:
    """What the caller may promise the citizen: the record is on disk and will be delivered."""
    key: str          # the idempotency key, also the reference printed on a receipt
    kind: str
    seq: int
    queued_at: float  # epoch seconds


@dataclass(frozen=True)
class OutboxRecord:
    seq: int
    key: str
    kind: str
    created: float
    attempts: int
    payload: Any      # decrypted JSON value; lives only in memory


@dataclass(frozen=True)
class RecordInfo:
    """A record's metadata for staff tools: never the payload."""
    seq: int
    key: str
    kind: str
    created: float
    state: str
    attempts: int
    next_attempt: float
    last_error: str | None


@dataclass(frozen=True)
class OutboxStats:
    depth: int                 # pending records
    dead: int                  # dead-lettered records
    oldest_created: float | None
    oldest_age_s: float | None
    accepting: bool
    problem: str | None        # an OutboxError code while not accepting


Alert = Callable[[str, str, dict], None]   # alert(code, message, details): no personal data


def _no_alert(code: str, message: str, details: dict) -> None:
    pass


class Outbox:
    def __init__(self, path: str | os.PathLike, cipher: PayloadCipher, *, max_attempts: int = 20,
                 min_free_bytes: int = 16 * 1024 * 1024, alert: Alert | None = None,
                 clock: Callable[[], float] = time.time):
        self.path = Path(path)
        self._cipher = cipher
        self.max_attempts = max_attempts
        self.min_free_bytes = min_free_bytes
        self._alert = alert if alert is not None else _no_alert
        self._clock = clock
        self._lock = threading.RLock()
        self._listeners: list[Callable[[], None]] = []
        self._problem: str | None = None
        self._conn: sqlite3.Connection | None = None
        self._free_checked_at = float("-inf")
        self._last_free = 0
        self._written_since_check = 0
        self._open()

    # -- opening and health -------------------------------------------------------------------

    def _open(self) -> None:
        try:
            conn = sqlite3.connect(self.path, timeout=10, isolation_level=None,
                                   check_same_thread=False)
        except sqlite3.Error as exc:
            self._refuse("io_error", f"cannot open the outbox {self.path}: {exc}")
            return
        self._conn = conn
        try:
            mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if mode.lower() != "wal":
                raise sqlite3.OperationalError(f"journal_mode stayed {mode}")
            conn.execute("PRAGMA synchronous=FULL")
            check = [row[0] for row in conn.execute("PRAGMA quick_check")]
            if check != ["ok"]:
                self._refuse("corrupt", "outbox database failed its integrity check: "
                             + "; ".join(check[:3]))
                return
            conn.executescript(SCHEMA_SQL)
            self._check_key()
        except sqlite3.Error as exc:
            self._refuse(self._classify(exc), f"outbox database unusable: {exc}")

    def _check_key(self) -> None:
        """Detect a replaced or lost key file before accepting records nobody could read."""
        row = self._conn.execute("SELECT value FROM meta WHERE name='canary'").fetchone()
        if row is None:
            sealed = self._cipher.seal(_CANARY, b"canary")
            self._conn.execute("INSERT INTO meta(name, value) VALUES ('canary', ?)", (sealed,))
            return
        try:
            self._cipher.open(row[0], b"canary")
        except CryptoError:
            self._refuse("key_mismatch", "the outbox key file does not match the database; "
                         "records already queued cannot be read with it")

    def _refuse(self, code: str, message: str) -> None:
        first = self._problem != code
        self._problem = code
        if first:
            self._alert(f"outbox_{code}", message, {"path": str(self.path)})

    def report_failure(self, exc: sqlite3.Error) -> str:
        """A database error met while delivering: stop accepting what may not be kept, alert
        staff once, and say which code applies. Records already stored stay where they are."""
        code = self._classify(exc)
        self._refuse(code, f"outbox database error: {exc}")
        return code

    @staticmethod
    def _classify(exc: sqlite3.Error) -> str:
        primary = (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
        if primary == _SQLITE_FULL:
            return "disk_full"
        if primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
            return "corrupt"
        return "io_error"

    @property
    def accepting(self) -> bool:
        return self._problem is None

    @property
    def problem(self) -> str | None:
        return self._problem

    def _free_bytes(self) -> int:
        return shutil.disk_usage(self.path.parent).free

    def _low_on_space(self, incoming: int, margin: int = 0) -> bool:
        """statvfs at most once a second while space is plentiful; every time near the limit.
        (A burst that outruns the estimate still ends in SQLITE_FULL, which refuses too.)"""
        now = time.monotonic()
        self._written_since_check += incoming
        if (self._problem == "disk_full" or now - self._free_checked_at >= 1.0
                or self._last_free - self._written_since_check < 2 * self.min_free_bytes):
            self._last_free = self._free_bytes()
            self._free_checked_at, self._written_since_check = now, 0
        return self._last_free - self._written_since_check < self.min_free_bytes + margin

    def _ensure_writable(self, incoming: int) -> None:
        if self._conn is None:
            raise OutboxError(self._problem or "closed", "the outbox is not open")
        if self._problem in ("corrupt", "key_mismatch", "io_error", "closed"):
            raise OutboxError(self._problem, f"the outbox is not accepting records ({self._problem})")
        if self._low_on_space(incoming):
            self._refuse("disk_full", f"less than {self.min_free_bytes // 1024} KiB free "
                         f"beside {self.path}")
            raise OutboxError("disk_full", "not enough free disk space to keep the record")
        self._recover_if_space()

    def _recover_if_space(self) -> None:
        # after a real SQLITE_FULL statvfs may still show a few KiB: ask for a margin beyond the
        # limit before accepting again, so the kiosk does not flap between full and not
        if self._problem == "disk_full" and not self._low_on_space(0, RECOVERY_MARGIN_BYTES):
            self._problem = None   # space came back: accept again
            self._alert("outbox_recovered", "the outbox accepts records again", {})

    # -- producer side --------------------------------------------------------------------------

    def on_enqueue(self, listener: Callable[[], None]) -> None:
        """Called (in the enqueuing thread) after each durable enqueue; wakes the worker."""
        self._listeners.append(listener)

    def enqueue(self, kind: str, payload: Any) -> Receipt:
        """Store a record durably; when this returns the record survives a crash or power cut."""
        if not KIND_PATTERN.fullmatch(kind):
            raise ValueError(f"record kind {kind!r} must match {KIND_PATTERN.pattern}")
        data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        if len(data) > MAX_PAYLOAD_BYTES:
            raise OutboxError("payload_too_large",
                              f"payload is {len(data)} bytes, the limit is {MAX_PAYLOAD_BYTES}")
        key = str(uuid.uuid4())
        blob = self._cipher.seal(data, _associated(key, kind))
        with self._lock:
            self._ensure_writable(len(blob))
            now = self._clock()
            try:
                # a single INSERT in autocommit mode is its own transaction: atomic, and with
                # synchronous=FULL the WAL is synced before execute() returns
                seq = self._conn.execute(
                    "INSERT INTO records(key, kind, created, payload) VALUES (?, ?, ?, ?)",
                    (key, kind, now, blob)).lastrowid
            except sqlite3.Error as exc:
                self._rollback()
                code = self._classify(exc)
                self._refuse(code, f"could not store a {kind} record: {exc}")
                raise OutboxError(code, f"the record was not stored ({code})") from exc
        crash_point("after_enqueue")
        for listener in self._listeners:
            listener()
        return Receipt(key=key, kind=kind, seq=seq, queued_at=now)

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction under the lock; rolled back (and re-raised) on error."""
        with self._lock:
            conn = self._read_conn()
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                self._rollback()
                raise

    def reseal(self, cipher: PayloadCipher) -> int:
        """Seal every stored record (and the key check) with cipher's current key, in one
        transaction, and use cipher from now on (sync.crypto.rotate_key). Returns the count."""
        with self._write() as conn:
            rows = conn.execute("SELECT seq, key, kind, payload FROM records").fetchall()
            for seq, key, kind, blob in rows:
                plain = cipher.open(blob, _associated(key, kind))
                conn.execute("UPDATE records SET payload=? WHERE seq=?",
                             (cipher.seal(plain, _associated(key, kind)), seq))
            conn.execute("UPDATE meta SET value=? WHERE name='canary'",
                         (cipher.seal(_CANARY, b"canary"),))
            self._cipher = cipher
        return len(rows)

    def _rollback(self) -> None:
        try:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass  # the transaction is gone either way; the caller reports the original error

    # -- delivery side --------------------------------------------------------------------------

    def due(self, limit: int, ordered_kinds: Iterable[str] = (), now: float | None = None
            ) -> list[OutboxRecord]:
        """The next batch to send, oldest first.

        A record that failed before travels alone, so one bad record cannot keep failing the
        records batched with it. For an ordered kind nothing is sent past an earlier record of
        that kind that is still waiting out its backoff.
        """
        now = self._clock() if now is None else now
        with self._lock:
            conn = self._read_conn()
            blocked: dict[str, int] = {}
            for kind in ordered_kinds:
                row = conn.execute("SELECT min(seq) FROM records WHERE state='pending' AND kind=?"
                                   " AND next_attempt>?", (kind, now)).fetchone()
                if row[0] is not None:
                    blocked[kind] = row[0]
            rows = conn.execute(
                "SELECT seq, key, kind, created, attempts, payload FROM records"
                " WHERE state='pending' AND next_attempt<=? ORDER BY seq LIMIT ?",
                (now, limit if not blocked else limit * 4)).fetchall()
        batch: list[OutboxRecord] = []
        for seq, key, kind, created, attempts, blob in rows:
            if kind in blocked and seq > blocked[kind]:
                continue
            if attempts and batch:
                break
            try:
                payload = json.loads(self._cipher.open(blob, _associated(key, kind)))
            except CryptoError as exc:
                self.dead_letter([_Ref(seq, key)], f"cannot decrypt: {exc.code}")
                continue
            batch.append(OutboxRecord(seq, key, kind, created, attempts, payload))
            if attempts or len(batch) >= limit:
                break
        return batch

    def next_due_time(self) -> float | None:
        with self._lock:
            row = self._read_conn().execute(
                "SELECT min(next_attempt) FROM records WHERE state='pending'").fetchone()
        return row[0]

    # Records are addressed by (seq, key): seq is the rowid, found without an extra index (one
    # index less to write and sync per enqueue); key guards against a reused rowid.
    def ack(self, records: Iterable[RecordRef]) -> int:
        """The platform holds these records: remove them (the only way a record leaves)."""
        refs = [(r.seq, r.key) for r in records]
        if not refs:
            return 0
        with self._write() as conn:
            return sum(conn.execute("DELETE FROM records WHERE seq=? AND key=?", ref).rowcount
                       for ref in refs)

    def retry_later(self, records: Iterable[RecordRef], error: str,
                    delay_for: Callable[[int], float]) -> list[str]:
        """Count a failed attempt; returns the keys that reached max_attempts and went dead.

        delay_for(attempts) gives the backoff for a record that has now failed `attempts` times.
        """
        now = self._clock()
        dead: list[str] = []
        with self._write() as conn:
            for record in records:
                ref = (record.seq, record.key)
                row = conn.execute("SELECT attempts FROM records WHERE seq=? AND key=? AND "
                                   "state='pending'", ref).fetchone()
                if row is None:
                    continue
                attempts = row[0] + 1
                if attempts >= self.max_attempts:
                    conn.execute("UPDATE records SET state='dead', attempts=?, last_error=?,"
                                 " dead_at=? WHERE seq=? AND key=?",
                                 (attempts, error[:200], now) + ref)
                    dead.append(record.key)
                else:
                    conn.execute("UPDATE records SET attempts=?, last_error=?, next_attempt=?"
                                 " WHERE seq=? AND key=?",
                                 (attempts, error[:200], now + delay_for(attempts)) + ref)
        if dead:
            self._alert_dead(dead, f"failed {self.max_attempts} times; last: {error[:120]}")
        return dead

    def dead_letter(self, records: Iterable[RecordRef], reason: str) -> None:
        """The platform refused these for good: keep them, out of the queue, and tell staff."""
        refs = [(r.seq, r.key) for r in records]
        now = self._clock()
        with self._write() as conn:
            for ref in refs:
                conn.execute("UPDATE records SET state='dead', attempts=attempts+1,"
                             " last_error=?, dead_at=? WHERE seq=? AND key=?",
                             (reason[:200], now) + ref)
        self._alert_dead([key for _, key in refs], reason)

    def _alert_dead(self, keys: list[str], reason: str) -> None:
        self._alert("outbox_dead_letter",
                    f"{len(keys)} record(s) moved to dead letters: {reason[:160]}",
                    {"keys": keys[:20], "count": len(keys)})

    def retry_dead(self, keys: Iterable[str] | None = None) -> int:
        """Staff decided to try dead records again: back to pending with a fresh attempt budget."""
        with self._lock:
            conn = self._read_conn()
            if keys is None:
                cur = conn.execute("UPDATE records SET state='pending', attempts=0, next_attempt=0,"
                                   " dead_at=NULL WHERE state='dead'")
                return cur.rowcount
            count = 0
            for key in keys:
                count += conn.execute("UPDATE records SET state='pending', attempts=0, "
                                      "next_attempt=0, dead_at=NULL WHERE state='dead' AND key=?",
                                      (key,)).rowcount
            return count

    def shift_schedule(self, seconds: float) -> int:
        """The wall clock was set by `seconds`: move every pending backoff with it, so a record
        waiting half a second is still half a second away (not an hour, after a jump back)."""
        with self._lock:
            return self._read_conn().execute(
                "UPDATE records SET next_attempt=next_attempt+? WHERE state='pending' AND "
                "next_attempt>0", (seconds,)).rowcount

    def make_due_now(self) -> int:
        """A staff or remote flush: forget pending backoffs so everything is tried at once."""
        with self._lock:
            return self._read_conn().execute(
                "UPDATE records SET next_attempt=0 WHERE state='pending' AND next_attempt>0"
            ).rowcount

    # -- reporting ------------------------------------------------------------------------------

    def stats(self) -> OutboxStats:
        now = self._clock()
        with self._lock:
            self._recover_if_space()
            conn = self._read_conn()
            depth, oldest = conn.execute(
                "SELECT count(*), min(created) FROM records WHERE state='pending'").fetchone()
            dead = conn.execute("SELECT count(*) FROM records WHERE state='dead'").fetchone()[0]
        return OutboxStats(depth=depth, dead=dead, oldest_created=oldest,
                           oldest_age_s=None if oldest is None else max(0.0, now - oldest),
                           accepting=self.accepting, problem=self._problem)

    def list(self, state: str | None = None, limit: int = 100) -> list[RecordInfo]:
        sql = ("SELECT seq, key, kind, created, state, attempts, next_attempt, last_error "
               "FROM records")
        params: tuple = ()
        if state is not None:
            sql += " WHERE state=?"
            params = (state,)
        sql += " ORDER BY seq LIMIT ?"
        with self._lock:
            rows = self._read_conn().execute(sql, params + (limit,)).fetchall()
        return [RecordInfo(*row) for row in rows]

    def _read_conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise OutboxError(self._problem or "closed", "the outbox is not open")
        return self._conn

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None


@dataclass(frozen=True)
class _Ref:
    seq: int
    key: str


def _associated(key: str, kind: str) -> bytes:
    return f"{key}\x00{kind}".encode("utf-8")


def open_outbox(sync_cfg, data_path: Callable[[str], Path], alert: Alert | None = None) -> Outbox:
    """The outbox as configured: sync_cfg is the [sync] section, data_path maps names into data_dir."""
    from sync.crypto import load_keyring
    cipher = load_keyring(data_path(sync_cfg.key_file), alert=alert)
    return Outbox(data_path(sync_cfg.outbox), cipher, max_attempts=sync_cfg.max_attempts,
                  min_free_bytes=int(sync_cfg.min_free_mb) * 1024 * 1024, alert=alert)
