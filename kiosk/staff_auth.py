"""The staff PIN: an argon2id hash in config.toml, trivial PINs refused, and a lock-out that
survives a restart and lengthens as failures repeat (MLPS 2.0 level 3: identification and
authentication with failure handling).

    hash_pin("482916")              -> "$argon2id$v=19$m=65536,t=3,p=1$..."  ([staff] pin_hash)
    weak_pin_reason("123456", demo) -> why it is refused, or None
    guard = PinGuard(cfg.staff, demo, state_path, on_event)
    guard.check(pin) -> True / False; guard.locked_for() -> seconds left

A six-digit PIN has only a million values: the memory-hard hash (64 MiB, 3 passes, a 16-byte salt)
makes each offline guess cost ~0.3 s and 64 MiB instead of a microsecond, and the lock-out stops
online guessing. The state file holds counts and times only, never a PIN or its hash.
on_event(action, outcome, details) is told of every attempt, lock-out and legacy setting (the
caller audits them through the outbox and alerts the platform); details never hold a PIN.
Qt-free: screens/staff.py renders it, `kiosk staff set-pin` writes the hash.
"""
from __future__ import annotations

import hmac
import json
import logging
import os
import threading
import time
from pathlib import Path
from typing import Any, Callable

from cryptography.exceptions import InvalidKey
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

log = logging.getLogger(__name__)

DEMO_PIN = "000000"
PIN_LENGTH = 6
# OWASP's second argon2id setting (m=64 MiB, t=3, p=1); derive ~0.3-0.5 s on a kiosk CPU
MEMORY_KIB, PASSES, LANES, SALT_BYTES, HASH_BYTES = 65536, 3, 1, 16, 32
PIN_HASH_PATTERN = r"(\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+)?"
MAX_LOCKOUT_S = 24 * 3600
# PINs people choose first: dates of the kiosk's own make-up are not knowable, these are
COMMON_PINS = frozenset({"123123", "112233", "121212", "520520", "520131", "147258", "159357",
                         "123321", "654321", "101010", "131313", "666888", "888666", "168168"})

Event = Callable[[str, str, dict], None]


def hash_pin(pin: str, *, memory_kib: int = MEMORY_KIB, passes: int = PASSES) -> str:
    """The PHC string of an argon2id hash of pin with a fresh salt (argon2-cffi reads it too).
    Verification reads the cost from the string; tests pass a smaller cost to stay quick."""
    kdf = Argon2id(salt=os.urandom(SALT_BYTES), length=HASH_BYTES, iterations=passes,
                   lanes=LANES, memory_cost=memory_kib)
    return kdf.derive_phc_encoded(pin.encode("utf-8"))


def verify_pin(pin: str, encoded: str) -> bool:
    try:
        Argon2id.verify_phc_encoded(pin.encode("utf-8"), encoded)
    except (InvalidKey, ValueError):
        return False
    return True


def weak_pin_reason(pin: str, demo: bool = False) -> str | None:
    """Why a new staff PIN is refused (None: acceptable)."""
    if len(pin) != PIN_LENGTH or not pin.isdigit():
        return f"the staff PIN is {PIN_LENGTH} digits"
    if pin == DEMO_PIN and not demo:
        return "000000 is the demo PIN, known to everyone"
    if len(set(pin)) <= 2:
        return "too few different digits"
    steps = {int(b) - int(a) for a, b in zip(pin, pin[1:])}
    if steps <= {1, -9} or steps <= {-1, 9}:
        return "a run of digits (123456, 987654, 890123)"
    for period in (2, 3):
        if pin == (pin[:period] * PIN_LENGTH)[:PIN_LENGTH]:
            return "a repeated pattern"
    if pin in COMMON_PINS:
        return "one of the most common PINs"
    return None


class PinGuard:
    """Checks staff PINs; wrong ones count towards a lock-out kept in state_path.

    After max_pin_attempts wrong PINs in a row the menu locks for lockout_s, then twice as long
    at the next lock-out, and so on (capped at a day); a right PIN resets the failures but not
    the lock-out count until a whole lockout period passes without failures. Times are wall-clock
    (a monotonic clock restarts with the process, and so would the lock-out)."""

    def __init__(self, staff_cfg, demo: bool, state_path: str | os.PathLike | None = None,
                 on_event: Event | None = None, clock: Callable[[], float] = time.time):
        self.cfg = staff_cfg
        self.demo = demo
        self.path = Path(state_path) if state_path else None
        self._event = on_event or (lambda action, outcome, details: None)
        self._clock = clock
        self._lock = threading.Lock()
        self._state = self._load()
        self._legacy = bool(getattr(staff_cfg, "pin_sha256", ""))
        if self._legacy:
            self._event("staff_pin_legacy_hash", "refused",
                        {"reason": "[staff] pin_sha256 is no longer accepted"})

    # -- state ----------------------------------------------------------------------------------
    def _load(self) -> dict[str, Any]:
        fresh = {"failures": 0, "lockouts": 0, "locked_until": 0.0, "last_failure": 0.0}
        if self.path is None or not self.path.exists():
            return fresh
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return {key: type(value)(data.get(key, value)) for key, value in fresh.items()}
        except (ValueError, TypeError, OSError) as exc:
            # a damaged file must not unlock the menu: treat it as one lock-out in force
            log.warning("staff lock-out state unreadable (%s): locking", type(exc).__name__)
            return {**fresh, "lockouts": 1, "locked_until": self._clock() + self.cfg.lockout_s}

    def _save(self) -> None:
        if self.path is None:
            return
        tmp = self.path.with_name(self.path.name + ".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, json.dumps(self._state).encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, self.path)

    # -- policy ---------------------------------------------------------------------------------
    @property
    def enabled(self) -> bool:
        return not self._legacy and (bool(self.cfg.pin_hash) or self.demo)

    @property
    def failures(self) -> int:
        return self._state["failures"]

    @property
    def lockouts(self) -> int:
        return self._state["lockouts"]

    def locked_for(self) -> int:
        left = self._state["locked_until"] - self._clock()
        # a clock set far back must not lock the menu for years: never more than the cap
        return int(max(0.0, min(left, MAX_LOCKOUT_S)))

    def lockout_length(self, lockouts: int) -> int:
        return int(min(MAX_LOCKOUT_S, self.cfg.lockout_s * 2 ** max(0, lockouts - 1)))

    def check(self, pin: str) -> bool:
        with self._lock:
            if not self.enabled:
                return False
            if self.locked_for():
                self._event("staff_unlock", "locked", {"locked_for_s": self.locked_for()})
                return False
            now = self._clock()
            if self._state["lockouts"] and now - self._state["last_failure"] > \
                    self.lockout_length(self._state["lockouts"]) * 2:
                self._state["lockouts"] = 0           # a long quiet spell forgives old lock-outs
            ok = self._matches(pin)
            if ok:
                self._state["failures"] = 0
                self._save()
                self._event("staff_unlock", "ok", {})
                return True
            self._state["failures"] += 1
            self._state["last_failure"] = now
            details = {"failures": self._state["failures"]}
            if self._state["failures"] >= self.cfg.max_pin_attempts:
                self._state["lockouts"] += 1
                length = self.lockout_length(self._state["lockouts"])
                self._state["locked_until"] = now + length
                self._state["failures"] = 0
                self._save()
                self._event("staff_pin_failed", "wrong", details)
                self._event("staff_lockout", "locked", {"lockout_s": length,
                                                        "lockouts": self._state["lockouts"]})
                return False
            self._save()
            self._event("staff_pin_failed", "wrong", details)
            return False

    def _matches(self, pin: str) -> bool:
        if self.cfg.pin_hash:
            return verify_pin(pin, self.cfg.pin_hash)
        return self.demo and hmac.compare_digest(pin, DEMO_PIN)
