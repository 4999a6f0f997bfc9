"""The staff audit trail (MLPS 2.0 level 3: security audit): one `audit` record through the
outbox for every staff action, so it reaches the platform durably even from an offline kiosk.

    audit = StaffAudit(enqueue, kiosk_id)           # enqueue: SyncArea.enqueue / Outbox.enqueue
    audit("maintenance_on")                         # outcome "ok"
    audit("staff_pin_failed", "wrong", {"failures": 2})
    record_from_cli(cfg, "config_change", details={"key": "ui.idle_timeout_s"})

Actions: staff_unlock, staff_pin_failed, staff_lockout, staff_pin_set, staff_pin_legacy_hash,
maintenance_on, maintenance_off, restart, config_change, test_print, dead_letter_retry,
key_rotation.
A record carries what was done, its outcome, when, on which kiosk and by which factor: never a
PIN, a citizen's data or a free-text value (details are filtered to the known keys below, with
short scalar values, so a caller cannot leak a value into the trail by mistake).
Lock-outs are also alerts (security_staff_lockout) for the heartbeat and the staff screen.
"""
from __future__ import annotations

import logging
import sys
import time
import uuid
from typing import Any, Callable

from kiosk.errors import KioskError

log = logging.getLogger(__name__)

KIND = "audit"
ACTIONS = ("staff_unlock", "staff_pin_failed", "staff_lockout", "staff_pin_set",
           "staff_pin_legacy_hash", "maintenance_on", "maintenance_off", "restart",
           "config_change", "test_print", "dead_letter_retry", "key_rotation")
DETAIL_KEYS = frozenset({"failures", "lockouts", "lockout_s", "locked_for_s", "key", "count",
                         "printer", "factor", "reason", "source"})
SECURITY_ALERTS = {"staff_lockout": "security_staff_lockout",
                   "staff_pin_legacy_hash": "security_staff_pin_legacy_hash"}

Enqueue = Callable[[str, Any], Any]
Alert = Callable[[str, str, dict], None]


class AuditError(KioskError, ValueError):
    """A programming error: an unknown action."""
    code = "audit_action_unknown"


def clean_details(details: dict | None) -> dict:
    out = {}
    for key, value in (details or {}).items():
        if key not in DETAIL_KEYS:
            continue
        if isinstance(value, bool) or isinstance(value, (int, float)):
            out[key] = value
        elif isinstance(value, str):
            out[key] = value[:80]
    return out


class StaffAudit:
    def __init__(self, enqueue: Enqueue | None, kiosk_id: str, *, source: str = "kiosk",
                 alert: Alert | None = None, clock: Callable[[], float] = time.time):
        self._enqueue = enqueue
        self.kiosk_id = kiosk_id
        self.source = source          # "kiosk" (the staff menu) or "cli" (a technician's shell)
        self._alert = alert
        self._clock = clock

    def __call__(self, action: str, outcome: str = "ok", details: dict | None = None) -> dict:
        if action not in ACTIONS:
            raise AuditError(f"unknown audit action {action!r}")
        record = {"id": str(uuid.uuid4()), "action": action, "outcome": outcome[:40],
                  "at": round(self._clock(), 3), "kiosk_id": self.kiosk_id,
                  "source": self.source, "details": clean_details(details)}
        log.info("audit %s %s %s", action, outcome, record["details"])
        if self._enqueue is not None:
            try:
                self._enqueue(KIND, record)
            except Exception as exc:       # the outbox refused (disk full, damaged): say so
                log.error("audit record %s not queued: %s", action, getattr(exc, "code", exc))
                if self._alert is not None:
                    self._alert("security_audit_not_queued", f"audit record {action} could not "
                                "be queued", {"action": action})
        if action in SECURITY_ALERTS and self._alert is not None:
            self._alert(SECURITY_ALERTS[action], f"staff menu: {action} ({outcome})",
                        {"security": True, **record["details"]})
        return record


def record_from_cli(cfg, action: str, outcome: str = "ok", details: dict | None = None) -> bool:
    """An audit record for a staff command run from a shell (config set, retry-dead, set-pin):
    straight into this kiosk's outbox, which the running app delivers. False (and a line on
    stderr) when it could not be queued."""
    from sync.outbox import open_outbox
    try:
        box = open_outbox(cfg.sync, cfg.data_path)
    except Exception as exc:
        print(f"kiosk: audit record {action} not queued: the outbox cannot open "
              f"({getattr(exc, 'code', type(exc).__name__)})", file=sys.stderr)
        return False
    failed: list[str] = []
    try:
        StaffAudit(box.enqueue, cfg.kiosk.id, source="cli",
                   alert=lambda code, message, d: failed.append(code))(action, outcome, details)
    finally:
        box.close()
    if "security_audit_not_queued" in failed:
        print(f"kiosk: audit record {action} not queued (see the log)", file=sys.stderr)
        return False
    return True
