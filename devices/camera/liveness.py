"""Liveness: a challenge the citizen performs (blink, turn the head), checked from landmarks over
several frames, plus a hook for a vendor liveness device (infrared / 3D).

What this catches: a still photo, printed or on a screen, held up to the camera, also when it is
moved, turned or tilted as a whole (a flat picture keeps the nose at the same place across the jaw
and its eyes never close). What it cannot catch with one 2D camera: a video replay of the person
doing the challenge, a good 3D mask, or a photo cut and bent by a determined attacker. That is what
cfg.face.vendor_liveness is for.
"""
from __future__ import annotations

import importlib
import random
import time
from dataclasses import dataclass, field
from statistics import median
from typing import Any, Callable

from devices.camera import errors
from devices.camera.errors import CameraError
from devices.camera.face import MULTIPLE_FACES, FaceObservation, eye_aspect_ratio, yaw_ratio

BLINK = "blink"
TURN_LEFT = "turn_left"      # the citizen's own left
TURN_RIGHT = "turn_right"

PENDING, PASSED, FAILED = "pending", "passed", "failed"

# how a failed challenge is explained (stable codes; screens map them)
TIMEOUT = "liveness_timeout"
FACE_LOST = "face_lost"
VENDOR_REJECTED = "vendor_rejected"


@dataclass(frozen=True)
class LivenessRules:
    closed_ratio: float = 0.6     # eye aspect ratio below this share of the open baseline = closed
    closed_max: float = 0.22      # ... and below this absolute value
    reopen_ratio: float = 0.85    # back above this share = open again
    frontal_band: float = 0.06    # |yaw - 0.5| that counts as looking straight
    turn_band: float = 0.11       # |yaw - 0.5| that counts as turned
    turn_frames: int = 2          # consecutive turned frames needed
    max_missing_s: float = 1.5    # face out of view longer than this restarts the step


@dataclass
class LivenessState:
    status: str                   # pending, passed, failed
    step: str | None              # the challenge being asked for now
    reason: str | None = None     # why it failed
    done: tuple[str, ...] = ()    # steps already met


def plan_steps(mode: str, rng: random.Random | None = None) -> list[str]:
    """The steps for cfg.face.liveness; the turn direction is random so a replay recorded for one
    prompt fails the other half of the time."""
    rng = rng or random.SystemRandom()
    turn = rng.choice((TURN_LEFT, TURN_RIGHT))
    return {"blink_turn": [BLINK, turn], "blink": [BLINK], "turn": [turn], "vendor": []}[mode]


class LivenessCheck:
    """Feed it every analysed frame; it reports when the steps are met or time runs out.

    mirrored: frames are mirrored (cfg.camera.face.mirror), which swaps left and right in the image.
    """

    def __init__(self, steps: list[str], timeout_s: float = 10.0, mirrored: bool = False,
                 rules: LivenessRules | None = None, clock: Callable[[], float] = time.monotonic):
        self.steps = list(steps)
        self.timeout_s = timeout_s
        self.mirrored = mirrored
        self.rules = rules or LivenessRules()
        self.clock = clock
        self.started = clock()
        self._done: list[str] = []
        self._reset_step()
        self._last_seen = self.started
        self.state = LivenessState(PASSED if not self.steps else PENDING,
                                   self.steps[0] if self.steps else None)

    def _reset_step(self) -> None:
        self._open: list[float] = []     # recent open-eye aspect ratios (the baseline)
        self._closed_seen = False
        self._frontal_seen = False
        self._turned_run = 0

    def feed(self, obs: FaceObservation | None) -> LivenessState:
        if self.state.status != PENDING:
            return self.state
        now = self.clock()
        if now - self.started > self.timeout_s:
            self.state = LivenessState(FAILED, self.state.step, TIMEOUT, tuple(self._done))
            return self.state
        if obs is None or obs.points is None or MULTIPLE_FACES in obs.reasons:
            # a second face or none: the performer may have changed, so this step starts over
            if now - self._last_seen > self.rules.max_missing_s or (
                    obs is not None and MULTIPLE_FACES in obs.reasons):
                self._reset_step()
            return self.state
        self._last_seen = now
        step = self.steps[len(self._done)]
        met = self._blink(obs) if step == BLINK else self._turn(obs, step)
        if met:
            self._done.append(step)
            self._reset_step()
            if len(self._done) == len(self.steps):
                self.state = LivenessState(PASSED, None, None, tuple(self._done))
            else:
                self.state = LivenessState(PENDING, self.steps[len(self._done)], None,
                                           tuple(self._done))
        return self.state

    def _blink(self, obs: FaceObservation) -> bool:
        ear = eye_aspect_ratio(obs.points)
        rules = self.rules
        if len(self._open) < 3:
            if abs(yaw_ratio(obs.points) - 0.5) <= 2 * rules.frontal_band:
                self._open.append(ear)
            return False
        baseline = median(self._open[-9:])
        if ear < min(rules.closed_max, rules.closed_ratio * baseline):
            self._closed_seen = True
            return False
        if ear >= rules.reopen_ratio * baseline:
            if self._closed_seen:
                return True
            self._open.append(ear)
        return False

    def _turn(self, obs: FaceObservation, step: str) -> bool:
        offset = yaw_ratio(obs.points) - 0.5
        if abs(offset) <= self.rules.frontal_band:
            self._frontal_seen = True
            self._turned_run = 0
            return False
        # the citizen's left is the image's right on a plain camera, the image's left mirrored
        want_positive = (step == TURN_LEFT) != self.mirrored
        turned = abs(offset) >= self.rules.turn_band and (offset > 0) == want_positive
        self._turned_run = self._turned_run + 1 if turned and self._frontal_seen else 0
        return self._turned_run >= self.rules.turn_frames


@dataclass(frozen=True)
class VendorVerdict:
    live: bool
    reason: str = ""
    details: dict[str, Any] = field(default_factory=dict)


VendorHook = Callable[..., Any]


def load_vendor_hook(spec: str) -> VendorHook:
    """Import cfg.face.vendor_liveness ("package.module:callable").

    The callable is invoked as hook(timeout_s=...) while the citizen faces the camera and returns
    True/False, (live, reason), or an object with .live and optional .reason.
    """
    module_name, _, attr = spec.partition(":")
    if not module_name or not attr:
        raise CameraError(errors.VENDOR_LIVENESS,
                          f"vendor_liveness {spec!r} must look like 'package.module:callable'")
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise CameraError(errors.VENDOR_LIVENESS, f"cannot import {module_name}: {exc}") from None
    hook = getattr(module, attr, None)
    if not callable(hook):
        raise CameraError(errors.VENDOR_LIVENESS, f"{module_name} has no callable {attr}")
    return hook


def run_vendor_hook(hook: VendorHook, timeout_s: float) -> VendorVerdict:
    """Ask the vendor device; any failure of the adapter is a typed error, never a pass."""
    try:
        answer = hook(timeout_s=timeout_s)
    except Exception as exc:
        raise CameraError(errors.VENDOR_LIVENESS, f"vendor liveness failed: {exc}") from exc
    if isinstance(answer, VendorVerdict):
        return answer
    if isinstance(answer, bool):
        return VendorVerdict(answer, "" if answer else VENDOR_REJECTED)
    if isinstance(answer, tuple) and len(answer) == 2 and isinstance(answer[0], bool):
        return VendorVerdict(answer[0], str(answer[1]))
    if hasattr(answer, "live"):
        return VendorVerdict(bool(answer.live), str(getattr(answer, "reason", "") or ""))
    raise CameraError(errors.VENDOR_LIVENESS,
                      f"vendor liveness returned {type(answer).__name__}, not a verdict")
