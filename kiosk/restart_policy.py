"""The safety-net restart: a fresh kiosk process now and then, never in front of a citizen.

A kiosk runs for weeks; whatever a leak or a library's slow growth does not show in a day, a fresh
process clears. This is a net under the soak (bench/soak.py), not a substitute for fixing leaks:
after `[kiosk] restart_after_hours` of uptime or `restart_after_sessions` citizen sessions (0 turns
either off) the kiosk restarts at the next moment nobody is there, which the shell decides and this
policy only confirms: the home screen, no personal data in the session, no touch for the attract
loop's delay. Then the shell exits with EXIT_RESTART (75) and the service manager starts the kiosk
again. Nothing queued is lost: the outbox is on disk and committed before any receipt, and a record
being sent when the process stops keeps its idempotency key, so the next process sends it once.

No Qt here: the shell tells the policy when a session starts and ends and asks whether it is time.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable

# the exit code on which the service manager starts the kiosk again (README "Long-running
# kiosks"); the staff menu's and the remote command's restart use the same code
EXIT_RESTART = 75

# what a restart is for, as logged and shown to staff
UPTIME = "uptime"
SESSIONS = "sessions"


@dataclass(frozen=True)
class RestartSettings:
    after_hours: float = 0.0       # 0 = never for uptime
    after_sessions: int = 0        # 0 = never for the session count

    @classmethod
    def from_config(cls, kiosk_section) -> "RestartSettings":
        return cls(float(kiosk_section.restart_after_hours),
                   int(kiosk_section.restart_after_sessions))

    @property
    def enabled(self) -> bool:
        return self.after_hours > 0 or self.after_sessions > 0


class RestartPolicy:
    """Counts citizen sessions and uptime; says when a restart is due and whether now is the time."""

    def __init__(self, settings: RestartSettings, clock: Callable[[], float] = time.monotonic):
        self.settings = settings
        self._clock = clock
        self.started_at = clock()
        self.sessions = 0
        self.in_session = False

    # ---- what the shell reports -----------------------------------------------------------
    def session_started(self) -> None:
        """A citizen left the home screen (or personal data came into the session)."""
        self.in_session = True

    def session_ended(self) -> None:
        """Back at rest: the home screen and nothing personal left. Counted once per session."""
        if self.in_session:
            self.in_session = False
            self.sessions += 1

    # ---- what the shell asks --------------------------------------------------------------
    @property
    def uptime_hours(self) -> float:
        return (self._clock() - self.started_at) / 3600

    def due(self) -> str | None:
        """Why a restart is due (UPTIME or SESSIONS), or None."""
        s = self.settings
        if s.after_sessions and self.sessions >= s.after_sessions:
            return SESSIONS
        if s.after_hours and self.uptime_hours >= s.after_hours:
            return UPTIME
        return None

    def restart_now(self, at_rest: bool, busy: bool = False) -> str | None:
        """The reason to restart now, or None: only when due, nobody is there (`at_rest`: the
        home screen, no personal data, no touch for a while), no session is counted as open and
        nothing is in progress (`busy`: a print or another background job)."""
        if not at_rest or busy or self.in_session:
            return None
        return self.due()
