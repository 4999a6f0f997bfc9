"""Platform side of sync: provisioning, idempotent record intake, heartbeat, signed commands.

Records are applied once per idempotency key however often they arrive (the key is the primary key
of sync_records); every arrival is counted so tests can see redeliveries. Commands are signed with
the platform's Ed25519 key, made at first start and handed to kiosks at provisioning.

Admin endpoints (/api/v1/admin/...) are for demo and tests: counts of what arrived, queuing
commands, and fault injection (make record intake or heartbeats fail, stall or reject).
"""
from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
import time
import uuid
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from sync.reference_platform.server import HttpError, Request, Response, Router, Store

SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS sync_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sync_enrollment (
    token TEXT PRIMARY KEY, reusable INTEGER NOT NULL DEFAULT 0, used_by TEXT, used_at REAL);
CREATE TABLE IF NOT EXISTS sync_kiosks (
    kiosk_id TEXT PRIMARY KEY, credential_sha256 TEXT NOT NULL, provisioned_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS sync_records (
    key TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL, kind TEXT NOT NULL, created REAL,
    payload TEXT NOT NULL, received_at REAL NOT NULL, deliveries INTEGER NOT NULL DEFAULT 1,
    seq INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS sync_records_kind ON sync_records (kind, seq);
CREATE TABLE IF NOT EXISTS sync_heartbeats (
    kiosk_id TEXT PRIMARY KEY, received_at REAL NOT NULL, count INTEGER NOT NULL, body TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sync_commands (
    id TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL, name TEXT NOT NULL, payload TEXT NOT NULL,
    signature TEXT NOT NULL, expires_at INTEGER NOT NULL, state TEXT NOT NULL DEFAULT 'pending',
    ok INTEGER, result TEXT, acked_at REAL, ack_count INTEGER NOT NULL DEFAULT 0);
"""

DEMO_ENROLLMENT_TOKEN = "DEMO-ENROLL-0001"
DEFAULT_INTERVAL_S = 60
COMMAND_NAMES = ("restart_app", "reload_config", "maintenance", "screenshot", "upload_logs",
                 "flush_outbox")
MAX_BATCH = 1000
FAULT_TARGETS = ("records", "heartbeat", "ack", "all")


class Faults:
    """Fault injection shared by all request threads (admin endpoint sets it)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.spec: dict[str, Any] = {"mode": "none"}

    def set(self, spec: dict[str, Any]) -> dict[str, Any]:
        mode = spec.get("mode", "none")
        if mode not in ("none", "status", "slow", "reject_kind"):
            raise HttpError(400, "mode must be none, status, slow or reject_kind")
        target = spec.get("target", "records")
        if target not in FAULT_TARGETS:
            raise HttpError(400, "target must be one of " + ", ".join(FAULT_TARGETS))
        clean = {"mode": mode, "target": target, "times": int(spec.get("times", -1)),
                 "after": int(spec.get("after", 0)),
                 "status": int(spec.get("status", 500)), "delay_s": float(spec.get("delay_s", 5)),
                 "retry_after": spec.get("retry_after"), "kind": spec.get("kind"),
                 "before_apply": bool(spec.get("before_apply", False))}
        with self._lock:
            self.spec = clean
        return clean

    def take(self, target: str) -> dict[str, Any] | None:
        """The active fault for this endpoint, counting it down when it is limited."""
        with self._lock:
            spec = self.spec
            if spec["mode"] == "none" or spec["target"] not in (target, "all"):
                return None
            if spec["after"] > 0:       # let this many requests through untouched first
                spec["after"] -= 1
                return None
            if spec["times"] == 0:
                return None
            if spec["times"] > 0:
                spec["times"] -= 1
            return dict(spec)


def _status_fault(fault: dict[str, Any] | None) -> None:
    if fault and fault["mode"] == "status":
        headers = {}
        if fault.get("retry_after") is not None:
            headers["Retry-After"] = str(fault["retry_after"])
        raise HttpError(fault["status"], f"injected fault: HTTP {fault['status']}", headers)


def _signing_key(store: Store) -> Ed25519PrivateKey:
    with store.lock:
        row = store.execute("SELECT value FROM sync_settings WHERE name='signing_key'").fetchone()
        if row is None:
            key = Ed25519PrivateKey.generate()
            raw = key.private_bytes_raw()
            store.execute("INSERT INTO sync_settings(name, value) VALUES ('signing_key', ?)",
                          (raw.hex(),))
            return key
    return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(row[0]))


def public_key_b64(key: Ed25519PrivateKey) -> str:
    raw = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def _setting(store: Store, name: str, default: str) -> str:
    row = store.execute("SELECT value FROM sync_settings WHERE name=?", (name,)).fetchone()
    return row[0] if row else default


def _put_setting(store: Store, name: str, value: str) -> None:
    store.execute("INSERT INTO sync_settings(name, value) VALUES (?, ?) "
                  "ON CONFLICT(name) DO UPDATE SET value=excluded.value", (name, value))


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def authenticate(store: Store, request: Request) -> str:
    """The kiosk id behind the request's Bearer credential, or 401."""
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise HttpError(401, "kiosk credential required", {"WWW-Authenticate": "Bearer"})
    row = store.execute("SELECT kiosk_id FROM sync_kiosks WHERE credential_sha256=?",
                        (_sha256(token.strip()),)).fetchone()
    if row is None:
        raise HttpError(401, "unknown or revoked kiosk credential", {"WWW-Authenticate": "Bearer"})
    return row[0]


def _json_object(request: Request) -> dict[str, Any]:
    body = request.json()
    if not isinstance(body, dict):
        raise HttpError(400, "body must be a JSON object")
    return body


def register(router: Router, store: Store) -> None:
    faults = Faults()
    signing_key = _signing_key(store)

    @router.route("POST", "/api/v1/kiosks/provision")
    def provision(request: Request) -> dict:
        body = _json_object(request)
        kiosk_id, token = body.get("kiosk_id"), body.get("enrollment_token")
        if not isinstance(kiosk_id, str) or not kiosk_id or not isinstance(token, str):
            raise HttpError(400, "kiosk_id and enrollment_token are required")
        credential = secrets.token_urlsafe(32)
        now = time.time()
        with store.lock:
            row = store.execute("SELECT reusable, used_by FROM sync_enrollment WHERE token=?",
                                (token,)).fetchone()
            if row is None or (not row["reusable"] and row["used_by"] is not None):
                raise HttpError(403, "enrollment token unknown or already used")
            conn = store.conn()
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("UPDATE sync_enrollment SET used_by=?, used_at=? WHERE token=?",
                         (kiosk_id, now, token))
            conn.execute("INSERT INTO sync_kiosks(kiosk_id, credential_sha256, provisioned_at) "
                         "VALUES (?, ?, ?) ON CONFLICT(kiosk_id) DO UPDATE SET "
                         "credential_sha256=excluded.credential_sha256, "
                         "provisioned_at=excluded.provisioned_at",
                         (kiosk_id, _sha256(credential), now))
            conn.execute("COMMIT")
        return {"kiosk_id": kiosk_id, "credential": credential,
                "platform_public_key": public_key_b64(signing_key),
                "heartbeat_s": int(_setting(store, "interval_s", str(DEFAULT_INTERVAL_S)))}

    @router.route("POST", "/api/v1/records")
    def records(request: Request) -> Response | dict:
        kiosk_id = authenticate(store, request)
        fault = faults.take("records")
        _status_fault(fault)
        body = _json_object(request)
        batch = body.get("records")
        if not isinstance(batch, list) or not batch:
            raise HttpError(400, "records must be a non-empty list")
        if len(batch) > MAX_BATCH:
            raise HttpError(413, f"at most {MAX_BATCH} records per request")
        for item in batch:
            if (not isinstance(item, dict) or not isinstance(item.get("key"), str)
                    or not 8 <= len(item["key"]) <= 100 or not isinstance(item.get("kind"), str)
                    or "payload" not in item):
                raise HttpError(422, "each record needs key (8-100 chars), kind and payload")
        if fault and fault["mode"] == "slow" and fault["before_apply"]:
            time.sleep(fault["delay_s"])
        results = _apply(store, kiosk_id, batch, fault)
        if fault and fault["mode"] == "slow" and not fault["before_apply"]:
            time.sleep(fault["delay_s"])
        return {"results": results}

    @router.route("POST", "/api/v1/heartbeat")
    def heartbeat(request: Request) -> dict:
        kiosk_id = authenticate(store, request)
        fault = faults.take("heartbeat")
        _status_fault(fault)
        body = _json_object(request)
        now = time.time()
        with store.lock:
            store.execute("INSERT INTO sync_heartbeats(kiosk_id, received_at, count, body) "
                          "VALUES (?, ?, 1, ?) ON CONFLICT(kiosk_id) DO UPDATE SET "
                          "received_at=excluded.received_at, count=count+1, body=excluded.body",
                          (kiosk_id, now, json.dumps(body, ensure_ascii=False)))
            rows = store.execute("SELECT payload, signature FROM sync_commands WHERE kiosk_id=? "
                                 "AND state='pending' AND expires_at>? ORDER BY rowid",
                                 (kiosk_id, int(now))).fetchall()
        if fault and fault["mode"] == "slow":
            time.sleep(fault["delay_s"])
        return {"interval_s": int(_setting(store, "interval_s", str(DEFAULT_INTERVAL_S))),
                "server_time": now,
                "commands": [{"payload": r["payload"], "signature": r["signature"]} for r in rows]}

    @router.route("POST", "/api/v1/commands/ack")
    def ack(request: Request) -> dict:
        kiosk_id = authenticate(store, request)
        _status_fault(faults.take("ack"))
        body = _json_object(request)
        acks = body.get("acks")
        if not isinstance(acks, list):
            raise HttpError(400, "acks must be a list")
        done = []
        with store.lock:
            for item in acks:
                if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                    raise HttpError(422, "each ack needs an id")
                cur = store.execute(
                    "UPDATE sync_commands SET state='acked', ok=coalesce(ok, ?), "
                    "result=coalesce(result, ?), acked_at=coalesce(acked_at, ?), "
                    "ack_count=ack_count+1 WHERE id=? AND kiosk_id=?",
                    (1 if item.get("ok") else 0, json.dumps(item.get("result"), ensure_ascii=False),
                     time.time(), item["id"], kiosk_id))
                if cur.rowcount:
                    done.append(item["id"])
        return {"acknowledged": done}

    # -- admin (demo and tests) ---------------------------------------------------------------

    @router.route("GET", "/api/v1/admin/received")
    def received(request: Request) -> dict:
        where, params = [], []
        for column in ("kind", "kiosk_id"):
            if request.query.get(column):
                where.append(f"{column}=?")
                params.append(request.query[column])
        clause = (" WHERE " + " AND ".join(where)) if where else ""
        count, deliveries = store.execute(
            f"SELECT count(*), coalesce(sum(deliveries), 0) FROM sync_records{clause}",
            params).fetchone()
        by_kind = {r[0]: r[1] for r in store.execute(
            f"SELECT kind, count(*) FROM sync_records{clause} GROUP BY kind", params)}
        out: dict[str, Any] = {"count": count, "deliveries": deliveries,
                               "redeliveries": deliveries - count, "by_kind": by_kind}
        if request.query.get("include") == "records":
            out["records"] = [
                {"key": r["key"], "kind": r["kind"], "kiosk_id": r["kiosk_id"],
                 "deliveries": r["deliveries"], "payload": json.loads(r["payload"])}
                for r in store.execute(f"SELECT * FROM sync_records{clause} ORDER BY seq", params)]
        return out

    @router.route("GET", "/api/v1/admin/faults")
    def get_faults(request: Request) -> dict:
        return faults.spec

    @router.route("POST", "/api/v1/admin/faults")
    def set_faults(request: Request) -> dict:
        return faults.set(_json_object(request))

    @router.route("POST", "/api/v1/admin/enrollment")
    def new_enrollment(request: Request) -> dict:
        token = "ENROLL-" + secrets.token_hex(8).upper()
        store.execute("INSERT INTO sync_enrollment(token) VALUES (?)", (token,))
        return {"enrollment_token": token}

    @router.route("POST", "/api/v1/admin/settings")
    def settings(request: Request) -> dict:
        body = _json_object(request)
        interval = body.get("interval_s")
        if not isinstance(interval, int) or not 1 <= interval <= 3600:
            raise HttpError(422, "interval_s must be an integer from 1 to 3600")
        _put_setting(store, "interval_s", str(interval))
        return {"interval_s": interval}

    @router.route("POST", "/api/v1/admin/commands")
    def queue_command(request: Request) -> dict:
        body = _json_object(request)
        name, kiosk_id = body.get("name"), body.get("kiosk_id")
        if name not in COMMAND_NAMES and not body.get("allow_unknown"):
            raise HttpError(422, "name must be one of " + ", ".join(COMMAND_NAMES))
        if not isinstance(kiosk_id, str):
            raise HttpError(422, "kiosk_id is required")
        now = int(time.time())
        command = {"id": str(uuid.uuid4()), "kiosk_id": kiosk_id, "name": name,
                   "args": body.get("args") or {}, "issued_at": now,
                   "expires_at": now + int(body.get("ttl_s", 600))}
        payload = json.dumps(command, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        signature = base64.b64encode(signing_key.sign(payload.encode("utf-8"))).decode("ascii")
        store.execute("INSERT INTO sync_commands(id, kiosk_id, name, payload, signature, expires_at)"
                      " VALUES (?, ?, ?, ?, ?, ?)", (command["id"], kiosk_id, name, payload,
                                                     signature, command["expires_at"]))
        return {"id": command["id"], "expires_at": command["expires_at"],
                "envelope": {"payload": payload, "signature": signature}}

    @router.route("GET", "/api/v1/admin/commands/{command_id}")
    def command_state(request: Request) -> dict:
        row = store.execute("SELECT * FROM sync_commands WHERE id=?",
                            (request.params["command_id"],)).fetchone()
        if row is None:
            raise HttpError(404, "no such command")
        return {"id": row["id"], "name": row["name"], "state": row["state"],
                "ok": None if row["ok"] is None else bool(row["ok"]),
                "result": json.loads(row["result"]) if row["result"] else None,
                "ack_count": row["ack_count"]}

    @router.route("GET", "/api/v1/admin/heartbeats/{kiosk_id}")
    def last_heartbeat(request: Request) -> dict:
        row = store.execute("SELECT * FROM sync_heartbeats WHERE kiosk_id=?",
                            (request.params["kiosk_id"],)).fetchone()
        if row is None:
            raise HttpError(404, "no heartbeat from this kiosk yet")
        return {"received_at": row["received_at"], "count": row["count"],
                "body": json.loads(row["body"])}


def _apply(store: Store, kiosk_id: str, batch: list[dict], fault: dict | None) -> list[dict]:
    """Apply a batch in order, each key at most once, in one transaction."""
    rejected_kind = fault["kind"] if fault and fault["mode"] == "reject_kind" else None
    results: list[dict] = []
    now = time.time()
    with store.lock:
        conn = store.conn()
        conn.execute("BEGIN IMMEDIATE")
        try:
            seq = conn.execute("SELECT coalesce(max(seq), 0) FROM sync_records").fetchone()[0]
            for item in batch:
                key = item["key"]
                if item["kind"] == rejected_kind:
                    results.append({"key": key, "status": "rejected", "code": 422,
                                    "error": f"kind {rejected_kind} is refused (injected fault)"})
                    continue
                seq += 1
                cur = conn.execute(
                    "INSERT INTO sync_records(key, kiosk_id, kind, created, payload, received_at,"
                    " seq) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO NOTHING",
                    (key, kiosk_id, item["kind"], item.get("created"),
                     json.dumps(item["payload"], ensure_ascii=False), now, seq))
                if cur.rowcount:
                    results.append({"key": key, "status": "applied"})
                else:
                    conn.execute("UPDATE sync_records SET deliveries=deliveries+1 WHERE key=?",
                                 (key,))
                    results.append({"key": key, "status": "duplicate"})
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return results


def seed(store: Store) -> None:
    """A reusable enrollment token so the demo kiosk can provision itself against the embedded
    platform (a real platform issues single-use tokens)."""
    store.execute("INSERT OR IGNORE INTO sync_enrollment(token, reusable) VALUES (?, 1)",
                  (DEMO_ENROLLMENT_TOKEN,))
