"""Platform side of sync: provisioning, idempotent record intake, heartbeat, signed commands.

Records are applied once per idempotency key however often they arrive (the key is the primary key
of sync_records); every arrival is counted so tests can see redeliveries. Commands are signed with
the platform's Ed25519 key, made at first start and handed to kiosks at provisioning.

Admin endpoints (/api/v1/admin/...) are for demo and tests: counts of what arrived, queuing
commands, and fault injection (make record intake or heartbeats fail, stall, reject, or answer a
batch without one of its results). They need
the admin token of the running PlatformServer (X-Admin-Token), never a kiosk credential.
"""
from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
import time
import uuid
from typing import TYPE_CHECKING, Any, Literal

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from fastapi import Depends, Query, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from reference_platform import models as m
from reference_platform.openapi import body as body_of
from reference_platform.openapi import error
from reference_platform.web import (HttpError, ResetConnection, checked, json_object,
                                    parse_body, raw_body, require_admin)

if TYPE_CHECKING:
    from reference_platform.server import Store

SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS sync_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sync_enrollment (
    token TEXT PRIMARY KEY, reusable INTEGER NOT NULL DEFAULT 0, used_by TEXT, used_at REAL,
    kiosk_id TEXT, expires_at REAL);
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
COMMAND_NAMES = m.COMMAND_NAMES
MAX_BATCH = 1000
FAULT_TARGETS = ("records", "heartbeat", "ack", "all")


class Faults:
    """Fault injection shared by all request threads (admin endpoint sets it)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.spec: dict[str, Any] = {"mode": "none"}

    def set(self, spec: m.FaultSpec) -> dict[str, Any]:
        clean = {"mode": spec.mode, "target": spec.target, "times": spec.times,
                 "after": spec.after, "status": spec.status, "delay_s": spec.delay_s,
                 "retry_after": spec.retry_after, "kind": spec.kind,
                 "before_apply": spec.before_apply}
        with self._lock:
            self.spec = clean
        return dict(clean)

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
    """The faults that strike before anything is applied: an injected status, or a reset of the
    connection (mode reset with before_apply)."""
    if fault and fault["mode"] == "reset" and fault["before_apply"]:
        raise ResetConnection()
    if fault and fault["mode"] == "status":
        headers = {}
        if fault.get("retry_after") is not None:
            headers["Retry-After"] = str(fault["retry_after"])
        raise HttpError(fault["status"], f"injected fault: HTTP {fault['status']}", headers)


def _reset_after_apply(fault: dict[str, Any] | None) -> None:
    """Mode reset (without before_apply): the request took effect, then the connection is reset
    before the answer leaves, so the client cannot know it did."""
    if fault and fault["mode"] == "reset" and not fault["before_apply"]:
        raise ResetConnection()


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


kiosk_scheme = HTTPBearer(scheme_name="kioskCredential", auto_error=False,
                          description="The credential from /api/v1/kiosks/provision")


def authenticate(store: Store, credentials: HTTPAuthorizationCredentials | None) -> str:
    """The kiosk id behind the request's Bearer credential, or 401."""
    if credentials is None or not credentials.credentials.strip():
        raise HttpError(401, "kiosk credential required", {"WWW-Authenticate": "Bearer"})
    row = store.execute("SELECT kiosk_id FROM sync_kiosks WHERE credential_sha256=?",
                        (_sha256(credentials.credentials.strip()),)).fetchone()
    if row is None:
        raise HttpError(401, "unknown or revoked kiosk credential", {"WWW-Authenticate": "Bearer"})
    return row[0]


def _answers(description: str, model, **refusals: str) -> dict:
    out: dict = {200: {"model": model, "description": description}}
    out.update({int(status.lstrip("_")): error(text) for status, text in refusals.items()})
    return out


ENROLLMENT_TTL_S = 24 * 3600      # an unused enrollment token stops working after a day


def _migrate(store: Store) -> None:
    """Databases made before enrollment tokens were bound and expired."""
    columns = {row[1] for row in store.execute("PRAGMA table_info(sync_enrollment)")}
    for column in ("kiosk_id TEXT", "expires_at REAL"):
        if column.split()[0] not in columns:
            store.execute(f"ALTER TABLE sync_enrollment ADD COLUMN {column}")


def register(router, store: Store) -> None:
    faults = Faults()
    signing_key = _signing_key(store)
    _migrate(store)

    def kiosk(credentials: HTTPAuthorizationCredentials | None = Security(kiosk_scheme)) -> str:
        return authenticate(store, credentials)

    kiosk_refused = "Missing or revoked kiosk credential"
    too_large = "Body larger than the platform accepts"

    @router.post("/api/v1/kiosks/provision", tags=["sync"], operation_id="provisionKiosk",
                 summary="Enroll a kiosk with a single-use enrollment token",
                 openapi_extra=body_of(m.ProvisionRequest),
                 responses=_answers("Enrolled", m.ProvisionAnswer,
                                    _400="kiosk_id or enrollment_token missing or malformed",
                                    _403="Enrollment token unknown, used, expired or for "
                                         "another kiosk",
                                    _409="This kiosk id is enrolled already: re-enrolling it "
                                         "needs a token issued for it",
                                    _413=too_large))
    def provision(raw: bytes = Depends(raw_body)) -> dict:
        request = parse_body(raw, m.ProvisionRequest, status=400)
        kiosk_id, token = request.kiosk_id, request.enrollment_token
        credential = secrets.token_urlsafe(32)
        now = time.time()
        with store.lock:
            row = store.execute("SELECT reusable, used_by, kiosk_id, expires_at FROM "
                                "sync_enrollment WHERE token=?", (token,)).fetchone()
            if row is None or (not row["reusable"] and row["used_by"] is not None) or \
                    (row["expires_at"] is not None and row["expires_at"] < now) or \
                    (row["kiosk_id"] is not None and row["kiosk_id"] != kiosk_id):
                raise HttpError(403, "enrollment token unknown, used, expired or for another "
                                "kiosk")
            enrolled = store.execute("SELECT 1 FROM sync_kiosks WHERE kiosk_id=?",
                                     (kiosk_id,)).fetchone()
            # a token for a new kiosk must not take over an enrolled one (and lock it out)
            if enrolled and not row["reusable"] and row["kiosk_id"] != kiosk_id:
                raise HttpError(409, "this kiosk id is enrolled already; re-enrolling it needs "
                                "a token issued for it")
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

    @router.post("/api/v1/records", tags=["sync"], operation_id="deliverRecords",
                 summary="Deliver a batch of outbox records, applied at most once per key",
                 openapi_extra=body_of(m.RecordBatch),
                 responses=_answers("One result per record, by key", m.RecordResults,
                                    _400="Body is not a non-empty list of records",
                                    _401=kiosk_refused,
                                    _413="More than 1000 records in one request, or a body "
                                         "larger than the platform accepts",
                                    _422="A record lacks key (8-100 characters), kind or payload"))
    def records(kiosk_id: str = Depends(kiosk), raw: bytes = Depends(raw_body)) -> dict:
        fault = faults.take("records")
        _status_fault(fault)
        body = json_object(raw)
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
        checked(body, m.RecordBatch, status=422)
        if fault and fault["mode"] == "slow" and fault["before_apply"]:
            time.sleep(fault["delay_s"])
        if fault and fault["mode"] == "drop_result":
            # one record is neither applied nor named in the answer: a kiosk that takes a
            # missing result for an acknowledgement loses it
            dropped = _dropped(batch, fault.get("kind"))
            batch = [item for item in batch if item is not dropped]
        results = _apply(store, kiosk_id, batch, fault) if batch else []
        if fault and fault["mode"] == "slow" and not fault["before_apply"]:
            time.sleep(fault["delay_s"])
        _reset_after_apply(fault)
        return {"results": results}

    @router.post("/api/v1/heartbeat", tags=["sync"], operation_id="heartbeat",
                 summary="The kiosk's periodic state report; the answer sets the interval and "
                         "carries commands",
                 openapi_extra=body_of(m.Heartbeat),
                 responses=_answers("Next interval and pending signed commands for this kiosk",
                                    m.HeartbeatAnswer, _400="Body is not a JSON object",
                                    _401=kiosk_refused, _413=too_large,
                                    _422="A member of the report has the wrong type"))
    def heartbeat(kiosk_id: str = Depends(kiosk), raw: bytes = Depends(raw_body)) -> dict:
        fault = faults.take("heartbeat")
        _status_fault(fault)
        body = json_object(raw)
        checked(body, m.Heartbeat, status=422)
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
        _reset_after_apply(fault)
        answer = {"interval_s": int(_setting(store, "interval_s", str(DEFAULT_INTERVAL_S))),
                  "server_time": now,
                  "commands": [{"payload": r["payload"], "signature": r["signature"]}
                               for r in rows]}
        nonce = body.get("time_nonce")
        if isinstance(nonce, str) and 0 < len(nonce) <= 100:
            # the kiosk judges command expiry by this, never by the unsigned Date header
            signed = json.dumps({"kiosk_id": kiosk_id, "nonce": nonce, "server_time": now},
                                sort_keys=True, separators=(",", ":"))
            answer["signed_time"] = {"payload": signed, "signature": base64.b64encode(
                signing_key.sign(signed.encode("utf-8"))).decode("ascii")}
        return answer

    @router.post("/api/v1/commands/ack", tags=["sync"], operation_id="ackCommands",
                 summary="Acknowledge executed (or refused) commands with their results",
                 openapi_extra=body_of(m.AckRequest),
                 responses=_answers("The ids the platform recorded", m.AckAnswer,
                                    _400="acks is not a list", _401=kiosk_refused,
                                    _413=too_large, _422="An ack lacks its id or ok"))
    def ack(kiosk_id: str = Depends(kiosk), raw: bytes = Depends(raw_body)) -> dict:
        fault = faults.take("ack")
        _status_fault(fault)
        body = json_object(raw)
        if not isinstance(body.get("acks"), list):
            raise HttpError(400, "acks must be a list")
        acks = checked(body, m.AckRequest, status=422).acks
        done = []
        with store.lock:
            for item in acks:
                cur = store.execute(
                    "UPDATE sync_commands SET state='acked', ok=coalesce(ok, ?), "
                    "result=coalesce(result, ?), acked_at=coalesce(acked_at, ?), "
                    "ack_count=ack_count+1 WHERE id=? AND kiosk_id=?",
                    (1 if item.ok else 0, json.dumps(item.result, ensure_ascii=False),
                     time.time(), item.id, kiosk_id))
                if cur.rowcount:
                    done.append(item.id)
        _reset_after_apply(fault)
        return {"acknowledged": done}

    # -- admin (demo and tests), behind the admin token ------------------------------------------

    admin = {"tags": ["admin"], "dependencies": [Depends(require_admin)]}
    no_admin = "Missing or wrong admin token"

    @router.get("/api/v1/admin/received", operation_id="adminReceived",
                summary="(reference platform) Counts of received records, for tests",
                responses=_answers("count = distinct keys applied; deliveries = arrivals "
                                   "including duplicates", m.ReceivedCounts,
                                   _400="include is not records", _401=no_admin), **admin)
    def received(kind: str | None = Query(None), kiosk_id: str | None = Query(None),
                 include: Literal["records"] | None = Query(
                     None, description="also list the records")) -> dict:
        where, params = [], []
        for column, value in (("kind", kind), ("kiosk_id", kiosk_id)):
            if value:
                where.append(f"{column}=?")
                params.append(value)
        clause = (" WHERE " + " AND ".join(where)) if where else ""
        count, deliveries = store.execute(
            f"SELECT count(*), coalesce(sum(deliveries), 0) FROM sync_records{clause}",
            params).fetchone()
        by_kind = {r[0]: r[1] for r in store.execute(
            f"SELECT kind, count(*) FROM sync_records{clause} GROUP BY kind", params)}
        out: dict[str, Any] = {"count": count, "deliveries": deliveries,
                               "redeliveries": deliveries - count, "by_kind": by_kind}
        if include == "records":
            out["records"] = [
                {"key": r["key"], "kind": r["kind"], "kiosk_id": r["kiosk_id"],
                 "deliveries": r["deliveries"], "payload": json.loads(r["payload"])}
                for r in store.execute(f"SELECT * FROM sync_records{clause} ORDER BY seq", params)]
        return out

    @router.get("/api/v1/admin/faults", operation_id="adminGetFaults",
                summary="(reference platform) The active fault injection",
                responses=_answers("The fault spec", m.FaultSpec, _401=no_admin), **admin)
    def get_faults() -> dict:
        return faults.spec

    @router.post("/api/v1/admin/faults", operation_id="adminSetFaults",
                 summary="(reference platform) Make record intake, heartbeats or acks fail",
                 openapi_extra=body_of(m.FaultSpec),
                 responses=_answers("The fault spec now active", m.FaultSpec,
                                    _400="Unknown mode or target, or a member of the wrong type",
                                    _401=no_admin, _413=too_large), **admin)
    def set_faults(raw: bytes = Depends(raw_body)) -> dict:
        return faults.set(parse_body(raw, m.FaultSpec, status=400))

    @router.post("/api/v1/admin/enrollment", operation_id="adminNewEnrollment",
                 summary="(reference platform) Issue a single-use enrollment token",
                 responses=_answers("The token", m.EnrollmentAnswer, _401=no_admin,
                                    _422="kiosk_id or ttl_s malformed"), **admin)
    def new_enrollment(
            kiosk_id: str | None = Query(None, pattern=r"^[A-Za-z0-9_.-]{1,64}$",
                                         description="only this kiosk may use it (needed to "
                                                     "re-enroll a kiosk that is enrolled)"),
            ttl_s: int = Query(ENROLLMENT_TTL_S, ge=60, le=30 * 86400,
                               description="seconds until the unused token expires")) -> dict:
        token = "ENROLL-" + secrets.token_hex(16).upper()
        expires_at = time.time() + ttl_s
        store.execute("INSERT INTO sync_enrollment(token, kiosk_id, expires_at) VALUES (?, ?, ?)",
                      (token, kiosk_id, expires_at))
        return {"enrollment_token": token, "expires_at": expires_at}

    @router.post("/api/v1/admin/settings", operation_id="adminSettings",
                 summary="(reference platform) Set the heartbeat interval handed to kiosks",
                 openapi_extra=body_of(m.SettingsRequest),
                 responses=_answers("Stored", m.SettingsAnswer, _400="Body is not a JSON object",
                                    _401=no_admin, _413=too_large,
                                    _422="interval_s out of range"), **admin)
    def settings(raw: bytes = Depends(raw_body)) -> dict:
        interval = parse_body(raw, m.SettingsRequest, status=422).interval_s
        _put_setting(store, "interval_s", str(interval))
        return {"interval_s": interval}

    @router.post("/api/v1/admin/commands", operation_id="adminQueueCommand",
                 summary="(reference platform) Queue a signed command for a kiosk",
                 openapi_extra=body_of(m.CommandRequest),
                 responses=_answers("The command id, expiry and the signed envelope",
                                    m.QueuedCommand, _400="Body is not a JSON object",
                                    _401=no_admin, _413=too_large,
                                    _422="Unknown command name or missing kiosk_id"), **admin)
    def queue_command(raw: bytes = Depends(raw_body)) -> dict:
        request = parse_body(raw, m.CommandRequest, status=422)
        if request.name not in COMMAND_NAMES and not request.allow_unknown:
            raise HttpError(422, "name must be one of " + ", ".join(COMMAND_NAMES))
        now = int(time.time())
        command = {"id": str(uuid.uuid4()), "kiosk_id": request.kiosk_id, "name": request.name,
                   "args": request.args or {}, "issued_at": now,
                   "expires_at": now + request.ttl_s}
        payload = json.dumps(command, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        signature = base64.b64encode(signing_key.sign(payload.encode("utf-8"))).decode("ascii")
        store.execute("INSERT INTO sync_commands(id, kiosk_id, name, payload, signature, expires_at)"
                      " VALUES (?, ?, ?, ?, ?, ?)", (command["id"], request.kiosk_id,
                                                     request.name, payload, signature,
                                                     command["expires_at"]))
        return {"id": command["id"], "expires_at": command["expires_at"],
                "envelope": {"payload": payload, "signature": signature}}

    @router.get("/api/v1/admin/commands/{command_id}", operation_id="adminCommandState",
                summary="(reference platform) A command's state and acknowledged result",
                responses=_answers("State pending or acked, ok, result, how many acks arrived",
                                   m.CommandState, _401=no_admin, _404="No such command"),
                **admin)
    def command_state(command_id: str) -> dict:
        row = store.execute("SELECT * FROM sync_commands WHERE id=?", (command_id,)).fetchone()
        if row is None:
            raise HttpError(404, "no such command")
        return {"id": row["id"], "name": row["name"], "state": row["state"],
                "ok": None if row["ok"] is None else bool(row["ok"]),
                "result": json.loads(row["result"]) if row["result"] else None,
                "ack_count": row["ack_count"]}

    @router.get("/api/v1/admin/heartbeats/{kiosk_id}", operation_id="adminLastHeartbeat",
                summary="(reference platform) The last heartbeat a kiosk sent",
                responses=_answers("received_at, count and the heartbeat body", m.LastHeartbeat,
                                   _401=no_admin, _404="No heartbeat from this kiosk yet"),
                **admin)
    def last_heartbeat(kiosk_id: str) -> dict:
        row = store.execute("SELECT * FROM sync_heartbeats WHERE kiosk_id=?",
                            (kiosk_id,)).fetchone()
        if row is None:
            raise HttpError(404, "no heartbeat from this kiosk yet")
        return {"received_at": row["received_at"], "count": row["count"],
                "body": json.loads(row["body"])}


def _dropped(batch: list[dict], kind: str | None) -> dict:
    """The record a drop_result fault leaves out: the first of `kind`, else the batch's last."""
    return next((item for item in batch if kind and item["kind"] == kind), batch[-1])


def _apply(store: Store, kiosk_id: str, batch: list[dict],
           fault: dict | None) -> list[dict]:
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


def seed_demo_enrollment(store: Store) -> None:
    """A reusable enrollment token so the demo kiosk can provision itself against the embedded
    platform at every start. Only a platform made for the demo or a test has it (PlatformServer
    demo_enrollment=True); `kiosk platform serve` does not, and a real platform issues
    single-use tokens that expire."""
    store.execute("INSERT OR IGNORE INTO sync_enrollment(token, reusable) VALUES (?, 1)",
                  (DEMO_ENROLLMENT_TOKEN,))


def remove_demo_enrollment(store: Store) -> None:
    store.execute("DELETE FROM sync_enrollment WHERE token=?", (DEMO_ENROLLMENT_TOKEN,))
