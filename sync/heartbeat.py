"""The heartbeat: the kiosk's periodic report to the platform, and the only way commands reach it.

The kiosk always initiates (no listening port). Each beat posts the kiosk's state; the answer sets
the next interval and may carry signed commands, which RemoteCommands verifies and runs; their
results are acknowledged right away, and again on later beats until the platform confirms them.
"""
from __future__ import annotations

import collections
import logging
import shutil
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from sync.client import BAD_RESPONSE, PlatformClient, PlatformClientError
from sync.remote_commands import RemoteCommands

log = logging.getLogger(__name__)

HEARTBEAT_PATH = "/api/v1/heartbeat"
ACK_PATH = "/api/v1/commands/ack"
MIN_INTERVAL_S, MAX_INTERVAL_S = 1, 3600
SECURITY_PREFIX = "security_"       # alert codes staff must see as security events


class ErrorLog:
    """The last few problems (code, message, time) for the heartbeat and the staff screen.

    Callers pass codes and messages without personal data; it doubles as an alert sink."""

    def __init__(self, size: int = 20):
        self._items: collections.deque = collections.deque(maxlen=size)
        self._lock = threading.Lock()

    def __call__(self, code: str, message: str, details: dict | None = None) -> None:
        with self._lock:
            self._items.append({"code": code, "message": message[:200], "at": time.time()})

    def recent(self) -> list[dict]:
        with self._lock:
            return list(self._items)


@dataclass
class KioskState:
    """Where a heartbeat's content comes from; the wiring fills in what the app knows."""
    kiosk_id: str
    app_version: str
    started_at: float
    data_dir: Path
    outbox_stats: Callable[[], Any]
    device_states: Callable[[], dict] = dict          # e.g. {"idcard": "ready", "printer": "error"}
    paper_state: Callable[[], dict] = dict            # e.g. {"receipt": "near_end", "a4": "ok"}
    last_errors: Callable[[], list] = list

    def snapshot(self) -> dict:
        stats = self.outbox_stats()
        errors = _safe(self.last_errors, [])
        disk = shutil.disk_usage(self.data_dir)
        return {
            "kiosk_id": self.kiosk_id,
            "app_version": self.app_version,
            "uptime_s": round(time.time() - self.started_at, 1),
            "devices": _safe(self.device_states, {}),
            "paper": _safe(self.paper_state, {}),
            "outbox": {"depth": stats.depth, "dead": stats.dead,
                       "oldest_age_s": None if stats.oldest_age_s is None
                       else round(stats.oldest_age_s, 1),
                       "accepting": stats.accepting, "problem": stats.problem},
            "disk": {"free_bytes": disk.free, "total_bytes": disk.total},
            "last_errors": errors[-10:],
            # what staff at the platform must look at even when the kiosk is otherwise fine:
            # a certificate that did not verify, a clock off, staff PIN lock-outs
            "security_alerts": [e for e in errors if str(e.get("code", "")).startswith(
                SECURITY_PREFIX)][-10:],
        }


def _safe(fn: Callable[[], Any], fallback: Any) -> Any:
    """A broken state provider must not stop the heartbeat: report that it failed instead."""
    try:
        return fn()
    except Exception as exc:
        log.warning("heartbeat state provider failed: %s", exc)
        return {"error": type(exc).__name__} if isinstance(fallback, dict) else fallback


@dataclass
class BeatResult:
    ok: bool
    interval_s: float
    commands: int = 0        # commands in the answer
    acked: int = 0           # acknowledgements the platform confirmed
    error: str | None = None


class Heartbeat:
    def __init__(self, client: PlatformClient, state: KioskState, commands: RemoteCommands | None, *,
                 interval_s: float = 60.0,
                 on_contact: Callable[[bool, str | None], None] | None = None,
                 signed_clock: Any = None):
        """signed_clock: a sync.clock.SignedClock; each beat sends its nonce and hands it the
        answer's signed_time before any command is judged."""
        self.client = client
        self.signed_clock = signed_clock
        self.state = state
        self.commands = commands
        self.interval_s = float(interval_s)
        self._on_contact = on_contact or (lambda ok, error: None)
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self.last: BeatResult | None = None

    def beat(self) -> BeatResult:
        body = self.state.snapshot()
        if self.signed_clock is not None:
            body["time_nonce"] = self.signed_clock.nonce()
        sent = time.time()
        try:
            status, answer = self.client.post_json(HEARTBEAT_PATH, body)
        except PlatformClientError as exc:
            return self._failed(exc.code)
        if status != 200 or not isinstance(answer, dict):
            return self._failed(BAD_RESPONSE)
        if self.signed_clock is not None:
            self.signed_clock.observe(answer.get("signed_time"), sent, time.time())
        envelopes = answer.get("commands") or []
        interval = answer.get("interval_s")
        if isinstance(interval, (int, float)) and not isinstance(interval, bool):
            self.interval_s = float(min(MAX_INTERVAL_S, max(MIN_INTERVAL_S, interval)))
        self._on_contact(True, None)
        acked = 0
        if self.commands is not None:
            acks = self.commands.handle(envelopes if isinstance(envelopes, list) else [])
            acked = self._send_acks(acks)
        self.last = BeatResult(True, self.interval_s, len(envelopes), acked)
        return self.last

    def _send_acks(self, acks: list[dict]) -> int:
        if not acks:
            return 0
        try:
            status, answer = self.client.post_json(ACK_PATH, {"acks": acks})
            confirmed = answer.get("acknowledged", []) if status == 200 else []
        except (PlatformClientError, AttributeError):
            return 0   # kept as pending: the next beat sends them again
        self.commands.mark_acked([c for c in confirmed if isinstance(c, str)])
        return len(confirmed)

    def _failed(self, code: str) -> BeatResult:
        self._on_contact(False, code)
        self.last = BeatResult(False, self.interval_s, error=code)
        return self.last

    def start(self) -> "Heartbeat":
        self._thread = threading.Thread(target=self._run, name="sync-heartbeat", daemon=True)
        self._thread.start()
        return self

    def wake(self) -> None:
        self._wake.set()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.beat()
            except Exception:
                log.exception("heartbeat failed")
            self._wake.wait(self.interval_s)
            self._wake.clear()

