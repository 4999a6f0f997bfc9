"""Audit records of every print: what was printed, how many copies, how it ended, where and when.

Records go through a sink with the outbox's shape, enqueue(kind, payload). Until the sync outbox is
available (it is wired after printing), a local append-only journal takes them; the kiosk layer
points AuditTrail at the outbox when it exists. Records hold no personal data: the document id and
a content hash identify the paper, not the citizen.
"""
from __future__ import annotations

import json
import logging
import os
import threading
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Protocol

log = logging.getLogger(__name__)
KIND = "print-audit"
ALERT_KIND = "staff-alert"


class Sink(Protocol):
    def enqueue(self, kind: str, payload: Any) -> Any: ...


@dataclass(frozen=True)
class AuditRecord:
    document_id: str
    content_sha256: str
    copies: int
    result: str                  # "completed" or the failure code (paper_jam, document_rejected, ...)
    kiosk: str
    channel: str                 # "certificate" or "receipt"
    actor: str = "citizen"       # who asked: citizen or staff (a staff retry)
    attempt: int = 1
    job_id: int | None = None
    time: str = ""

    def payload(self) -> dict[str, Any]:
        data = asdict(self)
        data["time"] = self.time or datetime.now(timezone.utc).isoformat(timespec="seconds")
        return data


class Journal:
    """JSON lines, one record a line, fsynced: the local stand-in for the outbox."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self._lock = threading.Lock()

    def enqueue(self, kind: str, payload: Any) -> None:
        line = json.dumps({"kind": kind, "payload": payload}, ensure_ascii=False) + "\n"
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open(self.path, "a", encoding="utf-8") as fh:
                fh.write(line)
                fh.flush()
                os.fsync(fh.fileno())

    def read(self) -> list[dict[str, Any]]:
        if not self.path.exists():
            return []
        with self._lock:
            lines = self.path.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]


class AuditTrail:
    """Sends each record to the preferred sink (the outbox, once wired), else to the journal."""

    def __init__(self, journal: Journal, preferred: Callable[[], Sink | None] = lambda: None):
        self.journal = journal
        self.preferred = preferred

    def record(self, record: AuditRecord) -> None:
        self._send(KIND, record.payload())

    def alert(self, code: str, details: dict[str, Any]) -> None:
        """A staff alert (paper jam, toner low, rejected document) for the platform's console."""
        self._send(ALERT_KIND, {"code": code, **details,
                                "time": datetime.now(timezone.utc).isoformat(timespec="seconds")})

    def _send(self, kind: str, payload: dict[str, Any]) -> None:
        sink = self.preferred()
        if sink is not None:
            try:
                sink.enqueue(kind, payload)
                return
            except Exception as exc:   # an outbox refusing (disk full, ...) must not lose the record
                log.error("outbox refused a %s record (%s); keeping it in the journal", kind, exc)
        self.journal.enqueue(kind, payload)
