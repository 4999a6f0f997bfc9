"""1:1 face verification (人证比对): the live face against a reference photo.

FaceVerifier holds the reference embedding, the threshold and the attempt count (after
cfg.face.max_attempts failures the citizen is sent to staff). FaceCheck drives one attempt frame by
frame: position the face (quality gates), perform the liveness challenge, then compare a frontal
frame taken after the challenge, which must be the same face as before it.
Embeddings live in numpy arrays that wipe() zeroes; nothing is written or logged.
"""
from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from typing import Any, Callable

import cv2
import numpy as np

from devices.camera import errors, liveness
from devices.camera.errors import NO_REFERENCE, CameraError
from devices.camera.face import FaceAnalyzer, FaceObservation, decode_image, distance

# decision reasons (stable codes)
MATCH = "match"
NO_MATCH = "no_match"
FACE_CHANGED = "face_changed"          # the face after the challenge is not the one before it
ATTEMPTS_EXHAUSTED = "attempts_exhausted"


@dataclass(frozen=True)
class Decision:
    match: bool
    score: float | None        # embedding distance to the reference (lower = more alike)
    threshold: float
    reason: str                # match, no_match, liveness_timeout, face_lost, face_changed, ...
    attempts: int = 0          # failed attempts so far
    attempts_left: int = 0
    staff: bool = False        # no attempts left: continue with staff

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["score"] = None if self.score is None else round(self.score, 4)
        return out


class FaceVerifier:
    def __init__(self, analyzer: FaceAnalyzer, threshold: float = 0.5, max_attempts: int = 3):
        self.analyzer = analyzer
        self.threshold = threshold
        self.max_attempts = max_attempts
        self.failures = 0
        self._reference: np.ndarray | None = None

    @property
    def has_reference(self) -> bool:
        return self._reference is not None

    @property
    def exhausted(self) -> bool:
        return self.failures >= self.max_attempts

    def set_reference(self, image: np.ndarray | bytes | bytearray) -> None:
        """The reference photo (ID card, platform), as BGR pixels or encoded bytes."""
        self._reference = reference_embedding(self.analyzer, image)

    def decide(self, probe: np.ndarray | list[np.ndarray]) -> Decision:
        """Compare probe embedding(s) (mean distance) with the reference; counts a failure."""
        if self._reference is None:
            return self._result(False, None, NO_REFERENCE, count=False)
        probes = probe if isinstance(probe, list) else [probe]
        score = float(np.mean([distance(self._reference, p) for p in probes]))
        if score <= self.threshold:
            return self._result(True, score, MATCH, count=False)
        return self._result(False, score, NO_MATCH)

    def fail(self, reason: str) -> Decision:
        """An attempt that ended before a comparison (liveness failed, face changed)."""
        return self._result(False, None, reason)

    def _result(self, match: bool, score: float | None, reason: str, count: bool = True) -> Decision:
        if not match and count:
            self.failures += 1
        left = max(0, self.max_attempts - self.failures)
        return Decision(match, score, self.threshold, reason, self.failures, left,
                        staff=not match and left == 0)

    def wipe(self) -> None:
        if self._reference is not None:
            self._reference.fill(0)
        self._reference = None
        self.failures = 0


def reference_embedding(analyzer: FaceAnalyzer, image: np.ndarray | bytes | bytearray) -> np.ndarray:
    """The embedding of a still photo; small photos (an ID card's is 102x126) are enlarged first so
    the detector finds the face."""
    bgr = decode_image(image) if isinstance(image, (bytes, bytearray, memoryview)) else image
    longest = max(bgr.shape[:2])
    if longest < 400:
        factor = 400 / longest
        bgr = cv2.resize(bgr, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC)
    obs = analyzer.analyze(bgr, rules=analyzer.rules.for_still_photo(), upsample=1)
    try:
        if obs.faces == 0:
            raise CameraError(errors.NO_FACE, "no face found in the photo")
        if obs.faces > 1:
            raise CameraError(errors.NO_FACE, "more than one face in the photo")
        return analyzer.embedding(obs)
    finally:
        obs.forget()


def compare_images(analyzer: FaceAnalyzer, reference: np.ndarray | bytes, probe: np.ndarray | bytes,
                   threshold: float) -> Decision:
    """One-shot comparison of two stills (the CLI's verify-face): no liveness, no attempt count."""
    ref = reference_embedding(analyzer, reference)
    prb = reference_embedding(analyzer, probe)
    score = distance(ref, prb)
    ref.fill(0)
    prb.fill(0)
    match = score <= threshold
    return Decision(match, score, threshold, MATCH if match else NO_MATCH)


# -- one attempt, frame by frame -------------------------------------------------------------------

POSITION, CHALLENGE, CONFIRM, DONE = "position", "challenge", "confirm", "done"
HOLD_STILL = "hold_still"        # instruction while a good frame is being taken
VENDOR_CHECK = "vendor_check"


@dataclass(frozen=True)
class Progress:
    phase: str                                   # position, challenge, confirm, done
    instruction: str | None                      # a quality reason, a challenge step, hold_still
    box: tuple[float, float, float, float] | None = None   # face box, 0..1 of the frame
    decision: Decision | None = None
    steps: tuple[str, ...] = ()                  # the challenge steps of this attempt
    steps_done: tuple[str, ...] = ()


class FaceCheck:
    """One verification attempt. Call process(frame) with the newest frame from the detection
    thread; restart() begins the next attempt (until the verifier is exhausted)."""

    def __init__(self, verifier: FaceVerifier, steps_factory: Callable[[], list[str]],
                 timeout_s: float = 10.0, mirrored: bool = False,
                 vendor_hook: liveness.VendorHook | None = None,
                 clock: Callable[[], float] = time.monotonic):
        self.verifier = verifier
        self.analyzer = verifier.analyzer
        self.steps_factory = steps_factory
        self.timeout_s = timeout_s
        self.mirrored = mirrored
        self.vendor_hook = vendor_hook
        self.clock = clock
        self._embeddings: list[np.ndarray] = []
        self.restart()

    def restart(self) -> Progress:
        self._wipe_embeddings()
        self.steps = self.steps_factory()
        self.liveness = liveness.LivenessCheck(self.steps, self.timeout_s, self.mirrored,
                                               clock=self.clock)
        self.started = self.clock()
        if self.verifier.exhausted:
            self.progress = Progress(DONE, None, decision=self.verifier.fail(ATTEMPTS_EXHAUSTED),
                                     steps=tuple(self.steps))
        else:
            self.progress = Progress(POSITION, None, steps=tuple(self.steps))
        return self.progress

    def process(self, frame: np.ndarray) -> Progress:
        if self.progress.phase == DONE:
            return self.progress
        obs = self.analyzer.analyze(frame)
        try:
            self.progress = self._step(obs)
        finally:
            obs.forget()
        return self.progress

    def _step(self, obs: FaceObservation) -> Progress:
        phase = self.progress.phase
        box = obs.box_fraction()
        steps = tuple(self.steps)
        if phase == POSITION:
            if not obs.ok:
                if self.clock() - self.started > 3 * self.timeout_s:
                    return self._finish(self.verifier.fail(liveness.TIMEOUT), box)
                return Progress(POSITION, obs.reason, box, steps=steps)
            self._embeddings.append(self.analyzer.embedding(obs))
            if self.vendor_hook is not None:
                verdict = liveness.run_vendor_hook(self.vendor_hook, self.timeout_s)
                if not verdict.live:
                    return self._finish(self.verifier.fail(verdict.reason or liveness.VENDOR_REJECTED),
                                        box)
            # the challenge clock starts once the citizen is in place
            self.liveness = liveness.LivenessCheck(self.steps, self.timeout_s, self.mirrored,
                                                   clock=self.clock)
            phase = CHALLENGE
        if phase == CHALLENGE:
            state = self.liveness.feed(obs)
            if state.status == liveness.FAILED:
                return self._finish(self.verifier.fail(state.reason or liveness.TIMEOUT), box)
            if state.status == liveness.PENDING:
                instruction = obs.reason if obs.reason in ("no_face", "multiple_faces") else state.step
                return Progress(CHALLENGE, instruction, box, steps=steps, steps_done=state.done)
            phase = CONFIRM
            self._confirm_started = self.clock()
            return Progress(CONFIRM, HOLD_STILL, box, steps=steps, steps_done=state.done)
        # CONFIRM: a good frontal frame after the challenge, of the same face as before it
        if not obs.ok:
            if self.clock() - self._confirm_started > self.timeout_s:
                return self._finish(self.verifier.fail(liveness.TIMEOUT), box)
            return Progress(CONFIRM, obs.reason, box, steps=steps, steps_done=tuple(self.steps))
        after = self.analyzer.embedding(obs)
        self._embeddings.append(after)
        if distance(self._embeddings[0], after) > self.verifier.threshold:
            return self._finish(self.verifier.fail(FACE_CHANGED), box)
        return self._finish(self.verifier.decide(list(self._embeddings)), box)

    def _finish(self, decision: Decision, box) -> Progress:
        self._wipe_embeddings()
        return Progress(DONE, None, box, decision, tuple(self.steps), self.liveness.state.done)

    def _wipe_embeddings(self) -> None:
        for e in self._embeddings:
            e.fill(0)
        self._embeddings = []

    def wipe(self) -> None:
        """Forget this attempt and the reference (session end)."""
        self._wipe_embeddings()
        self.verifier.wipe()
