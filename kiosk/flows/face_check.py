"""Face verification (人证比对) as a plain state machine (no Qt): position the face, the liveness
challenge, then confirmed, not confirmed (try again) or ask staff.

The camera area (kiosk.wiring.camera) makes an attempt object (devices.camera.verify.FaceCheck)
against the reference photo of the identity in the session; the screen runs its process() on the
newest frames in the detection thread and hands each Progress to on_progress() in the UI thread.
The flow decides: a match counts only when the comparison's distance is within the configured
threshold (config face.threshold), and only then is the face recorded as verified for this
identity (face_policy.mark_face_verified). After face.max_attempts failures the citizen is sent
to staff.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Mapping, Protocol

from kiosk.flows.face_policy import mark_face_verified
from kiosk.flows.identify import IdentitySession

STARTING, POSITION, CHALLENGE, CONFIRM, CONFIRMED, NOT_CONFIRMED, ASK_STAFF, UNAVAILABLE = (
    "starting", "position", "challenge", "confirm", "confirmed", "not_confirmed", "ask_staff",
    "unavailable")
# a match stays on screen long enough to be read, then the task follows without another touch
GO_ON_AFTER_S = 3.0
# outcome levels, as the screen colours them
OK, WARN, ERROR = "ok", "warn", "error"
# why an attempt failed or could not start, as devices.camera reports it
KNOWN_REASONS = frozenset({"no_match", "liveness_timeout", "face_lost", "face_changed",
                           "vendor_rejected", "attempts_exhausted", "no_reference", "no_face"})


@dataclass(frozen=True)
class FaceCheckSettings:
    """The rules from config [face]."""
    enabled: bool
    threshold: float            # largest embedding distance accepted as the same person
    max_attempts: int

    @classmethod
    def from_config(cls, face: Mapping[str, Any]) -> "FaceCheckSettings":
        return cls(bool(face["enabled"]), float(face["threshold"]), int(face["max_attempts"]))


class FaceCameras(Protocol):
    """What the flow needs of the camera area (kiosk.wiring.camera.CameraArea)."""

    def new_face_check(self) -> Any:
        """An attempt against the session identity's reference photo (blocking: models, photo)."""


@dataclass(frozen=True)
class Outcome:
    level: str                  # ok, warn (may try again), error (ask staff)
    reason: str                 # match, or a reason code; "unavailable" when none applies


class FaceCheckFlow:
    def __init__(self, cameras: FaceCameras | None, session: IdentitySession,
                 settings: FaceCheckSettings, next_task: str = "home",
                 next_params: dict[str, Any] | None = None,
                 on_match: Callable[[], None] | None = None):
        self.cameras = cameras
        # what a match means: by default the face now matches the identity in the session;
        # face login (kiosk.flows.identify_face) first puts the person it matched there
        self.on_match = on_match or (lambda: mark_face_verified(session))
        self.session = session
        self.settings = settings
        self.next_task = next_task
        self.next_params = dict(next_params or {})
        self.phase = STARTING
        self.check: Any = None
        self.progress: Any = None
        self.outcome: Outcome | None = None

    # ---- what the screen shows -------------------------------------------------------------------
    @property
    def instruction(self) -> str | None:
        """The current instruction code (devices.camera quality reasons and challenge steps)."""
        return self.progress.instruction if self.progress is not None else None

    @property
    def attempts_left(self) -> int | None:
        if self.check is None:
            return None
        return max(0, self.settings.max_attempts - self.check.verifier.failures)

    @property
    def live(self) -> bool:
        """The camera runs: positioning, challenge or confirming."""
        return self.phase in (POSITION, CHALLENGE, CONFIRM)

    # ---- the citizen's actions ------------------------------------------------------------------
    def start(self) -> bool:
        """Begin (or, after "Try again", begin the next) attempt. True when the screen must make
        an attempt object first (make_check() off the UI thread, then begin())."""
        self.outcome = None
        self.progress = None
        if self.cameras is None or not self.settings.enabled:
            self._end(ERROR, "unavailable")
            return False
        self.phase = STARTING
        if self.check is not None:
            self.begin(self.check)
            return False
        return True

    def make_check(self) -> Any:
        """Blocking: the attempt object (loads the face models, fetches the reference photo)."""
        assert self.cameras is not None
        return self.cameras.new_face_check()

    def begin(self, check: Any) -> None:
        """The attempt is ready: the screen now feeds check.process with frames."""
        self.check = check
        if check.progress.phase == "done":
            check.restart()         # the next attempt (or at once done: attempts exhausted)
        self.progress = None
        self.phase = POSITION

    def retry(self) -> bool:
        """"Try again" after a failed attempt; same contract as start()."""
        if self.phase != NOT_CONFIRMED:
            return False
        return self.start()

    def next_step(self) -> tuple[str, dict[str, Any]]:
        """"Continue" after a match: where the citizen was going."""
        return self.next_task, dict(self.next_params)

    # ---- results (UI thread) --------------------------------------------------------------------
    def on_progress(self, progress: Any) -> None:
        if not self.live:
            return                  # a late result after the attempt ended
        self.progress = progress
        if progress.phase != "done":
            self.phase = {"challenge": CHALLENGE, "confirm": CONFIRM}.get(progress.phase, POSITION)
            return
        decision = progress.decision
        if decision.match and decision.score is not None and decision.score <= self.settings.threshold:
            self.on_match()
            self._end(OK, "match")
        elif decision.match:
            # the verifier was built with another threshold than this kiosk's rule: not a match
            self._end(ERROR, "no_match")
        else:
            self._end(ERROR if decision.staff else WARN, decision.reason)

    def on_error(self, exc: BaseException) -> None:
        """The attempt could not be made or run (no reference photo, models, camera)."""
        code = getattr(exc, "code", "")
        self._end(ERROR, code if code in KNOWN_REASONS else "unavailable")

    # ---- inside -----------------------------------------------------------------------------------
    def _end(self, level: str, reason: str) -> None:
        self.outcome = Outcome(level, reason)
        self.phase = {OK: CONFIRMED, WARN: NOT_CONFIRMED}.get(level, ASK_STAFF)
        if reason == "unavailable" and (self.cameras is None or not self.settings.enabled):
            self.phase = UNAVAILABLE
