"""The face check flow without Qt: real attempts (devices.camera.verify.FaceCheck with dlib's
models) on the virtual camera's scenes, the rules from config [face], the session's record."""
from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

import cv2
import pytest

from devices.camera.errors import CameraError
from devices.camera.liveness import BLINK, TURN_RIGHT
from devices.camera.verify import FaceCheck, FaceVerifier
from kiosk import config
from kiosk.flows import face_check as f
from kiosk.flows.face_policy import face_verified
from kiosk.session import Identity, Session

FPS = 25
SETTINGS = f.FaceCheckSettings.from_config(config.defaults().face)


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


@pytest.fixture(scope="module")
def analyzer():
    from devices.camera.face import FaceAnalyzer, FaceModels
    return FaceAnalyzer(FaceModels.shared())


@pytest.fixture(scope="module")
def reference():
    from skimage import data
    return cv2.cvtColor(data.astronaut(), cv2.COLOR_RGB2BGR)


@pytest.fixture(scope="module")
def scenes(analyzer):
    from devices.virtual import camera_twin
    return SimpleNamespace(live=camera_twin.face_scene(), photo=camera_twin.PhotoScene())


class Cameras:
    """The camera area as the flow sees it: attempts against one reference, with the session's
    verifier (its failures survive retries), built with the threshold from config like the
    wiring's."""

    def __init__(self, analyzer, reference, settings, clock, timeout_s=10.0):
        self.verifier = FaceVerifier(analyzer, settings.threshold, settings.max_attempts)
        self.verifier.set_reference(reference)
        self.clock, self.timeout_s = clock, timeout_s

    def new_face_check(self):
        return FaceCheck(self.verifier, lambda: [BLINK, TURN_RIGHT], self.timeout_s,
                         clock=self.clock)


def identified_session() -> Session:
    session = Session()
    session.identity = Identity("idcard", "示例", "990100199001011234")
    return session


def attempt(flow: f.FaceCheckFlow, scene, clock: Clock, seconds: float = 15) -> None:
    """What the screen does: make the attempt when asked, feed it frames, hand over progress."""
    if flow.phase == f.STARTING and flow.check is None:
        flow.begin(flow.make_check())
    start = clock.now
    for index in range(0, int(seconds * FPS), 2):
        if not flow.live:
            return
        clock.now = start + index / FPS
        flow.on_progress(flow.check.process(scene.frame(index)))


def test_a_live_face_matching_the_card_is_confirmed_and_recorded(analyzer, reference, scenes):
    clock = Clock()
    session = identified_session()
    flow = f.FaceCheckFlow(Cameras(analyzer, reference, SETTINGS, clock), session, SETTINGS,
                           "print_licences", {"item": "X"})
    assert flow.start() is True and flow.phase == f.STARTING
    flow.begin(flow.make_check())
    seen = {flow.phase}
    for index in range(0, 15 * FPS, 2):
        clock.now = index / FPS
        flow.on_progress(flow.check.process(scenes.live.frame(index)))
        seen.add(flow.phase)
        if not flow.live:
            break
    assert {f.POSITION, f.CHALLENGE} <= seen
    assert flow.outcome == f.Outcome("ok", "match") and flow.phase == f.CONFIRMED
    assert face_verified(session)
    assert flow.next_step() == ("print_licences", {"item": "X"})


def test_a_printed_photo_is_not_confirmed_then_staff_after_the_last_attempt(analyzer, reference,
                                                                            scenes):
    clock = Clock()
    session = identified_session()
    cameras = Cameras(analyzer, reference, SETTINGS, clock, timeout_s=1.0)
    flow = f.FaceCheckFlow(cameras, session, SETTINGS)
    flow.start()
    attempt(flow, scenes.photo, clock)
    assert flow.outcome == f.Outcome("warn", "liveness_timeout") and flow.phase == f.NOT_CONFIRMED
    assert flow.attempts_left == SETTINGS.max_attempts - 1
    for _ in range(SETTINGS.max_attempts - 1):
        assert flow.retry() is False                   # the same attempt object, restarted
        attempt(flow, scenes.photo, clock)
    assert flow.phase == f.ASK_STAFF and flow.outcome.level == "error"
    assert flow.attempts_left == 0 and not face_verified(session)
    assert flow.retry() is False and flow.phase == f.ASK_STAFF    # no "Try again" after that


def test_the_threshold_of_the_kiosk_rule_decides():
    """A comparison that called itself a match with a distance beyond config face.threshold (a
    verifier built with other settings) is not a match here."""
    strict = replace(SETTINGS, threshold=0.3)
    session = identified_session()
    flow = f.FaceCheckFlow(SimpleNamespace(new_face_check=None), session, strict)
    flow.start()
    flow.begin(SimpleNamespace(progress=SimpleNamespace(phase="position")))
    decision = SimpleNamespace(match=True, score=0.45, reason="match", staff=False)
    flow.on_progress(SimpleNamespace(phase="done", decision=decision, instruction=None))
    assert flow.phase == f.ASK_STAFF and not face_verified(session)


def test_no_reference_photo_sends_to_staff():
    def refuse():
        raise CameraError("no_reference", "no photo on file")
    flow = f.FaceCheckFlow(SimpleNamespace(new_face_check=refuse), identified_session(), SETTINGS)
    assert flow.start()
    with pytest.raises(CameraError) as caught:
        flow.make_check()
    flow.on_error(caught.value)
    assert flow.outcome == f.Outcome("error", "no_reference") and flow.phase == f.ASK_STAFF


def test_unavailable_without_cameras_or_when_disabled():
    off = replace(SETTINGS, enabled=False)
    for cameras, settings in ((None, SETTINGS), (SimpleNamespace(new_face_check=None), off)):
        flow = f.FaceCheckFlow(cameras, identified_session(), settings)
        assert flow.start() is False
        assert flow.phase == f.UNAVAILABLE and flow.outcome == f.Outcome("error", "unavailable")


def test_late_progress_after_the_attempt_ended_is_ignored():
    flow = f.FaceCheckFlow(SimpleNamespace(new_face_check=None), identified_session(), SETTINGS)
    flow.start()
    flow.on_error(CameraError("open_failed", "camera gone"))
    flow.on_progress(SimpleNamespace(phase="challenge", instruction="blink"))
    assert flow.phase == f.ASK_STAFF and flow.progress is None


def test_settings_come_from_config():
    face = config.defaults().face
    assert (SETTINGS.enabled, SETTINGS.threshold, SETTINGS.max_attempts) == \
        (face.enabled, face.threshold, face.max_attempts)
