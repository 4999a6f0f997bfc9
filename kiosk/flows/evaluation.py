"""Rating a service (好差评, GB/T 39735-2020): five levels, reasons asked for low ratings, the rater
anonymous to the department. The record goes through the durable outbox, so it is kept even while
the platform is unreachable and is delivered exactly once."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Protocol

from kiosk.errors import KioskError

LEVELS = ("very_satisfied", "satisfied", "basically_satisfied", "dissatisfied",
          "very_dissatisfied")
LEVEL_NAMES_ZH = {"very_satisfied": "非常满意", "satisfied": "满意", "basically_satisfied": "基本满意",
                  "dissatisfied": "不满意", "very_dissatisfied": "非常不满意"}
LOW_LEVELS = ("dissatisfied", "very_dissatisfied")
# reason codes for low ratings (the standard asks for the reason; the platform keeps the codes)
REASONS = ("long_wait", "unclear_guide", "too_many_materials", "attitude", "device_fault",
           "not_solved", "other")


@dataclass(frozen=True)
class RatingOffer:
    """A finished transaction's next step: the rating of its service item (DB2203/T 8-2024 5.1.3,
    the terminal goes to the rating page after a completed transaction). Offered, never forced: one
    tap skips it. `then` is where skipping or finishing the rating leads: "end_session" (the citizen
    is done), "back" (to what they were reading) or "home"."""
    item_code: str                 # the catalog item rated; "" = the kiosk's self-service itself
    subject: str = ""              # what the citizen sees as rated when the catalog has no title
    then: str = "end_session"

    def params(self) -> dict:
        """The rating screen's navigation parameters."""
        return {"item_code": self.item_code, "subject": self.subject, "then": self.then,
                "offered": True}


class EvaluationError(KioskError, ValueError):
    def __init__(self, code: str, message: str):
        super().__init__(message, code)


@dataclass
class Evaluation:
    """One rating being made: choose a level, then (for low ones) at least one reason, then submit."""
    kiosk_id: str
    item_code: str = ""            # the service rated; "" = the kiosk's self-service itself
    level: str | None = None
    reasons: set[str] = field(default_factory=set)

    @property
    def needs_reasons(self) -> bool:
        return self.level in LOW_LEVELS

    @property
    def ready(self) -> bool:
        return self.level is not None and (not self.needs_reasons or bool(self.reasons))

    def choose(self, level: str) -> None:
        if level not in LEVELS:
            raise EvaluationError("bad_level", f"unknown level {level!r}")
        self.level = level
        if not self.needs_reasons:
            self.reasons.clear()

    def toggle_reason(self, reason: str) -> None:
        if reason not in REASONS:
            raise EvaluationError("bad_reason", f"unknown reason {reason!r}")
        self.reasons ^= {reason}

    def payload(self) -> dict:
        """What the platform receives: no name, no ID number, nothing that identifies the rater."""
        if not self.ready:
            raise EvaluationError("incomplete", "choose a level (and a reason for a low one)")
        return {"kiosk_id": self.kiosk_id, "item_code": self.item_code, "level": self.level,
                "level_name": LEVEL_NAMES_ZH[self.level], "reasons": sorted(self.reasons),
                "channel": "kiosk", "rated_at": int(time.time())}

    def submit(self, sync) -> str:
        """Store durably in the outbox; returns the record's key (the citizen's reference)."""
        return sync.enqueue("evaluation", self.payload()).key

    def record(self, sync: "RatingOutbox | None") -> "Recorded":
        """Submit and say what the citizen may be told: kept and sent, kept for later, or not kept
        at all (then the code says why and nothing was promised)."""
        if sync is None:
            return Recorded("no_outbox")
        try:
            key = self.submit(sync)
        except EvaluationError:
            raise
        except Exception as exc:   # OutboxError (disk full, corrupt store): nothing was promised
            return Recorded(getattr(exc, "code", None) or "error")
        return Recorded("recorded" if sync.status().online else "queued", key[-8:].upper())


class _Stored(Protocol):
    key: str


class _SyncStatus(Protocol):
    online: bool


class RatingOutbox(Protocol):
    """sync's SyncArea as the rating uses it: the durable outbox and whether it is online."""
    def enqueue(self, kind: str, payload: dict) -> _Stored: ...
    def status(self) -> _SyncStatus: ...


@dataclass(frozen=True)
class Recorded:
    outcome: str                   # recorded / queued (platform unreachable) / a failure code
    reference: str = ""            # what the citizen can quote (the outbox key's tail)

    @property
    def kept(self) -> bool:
        return self.outcome in ("recorded", "queued")
