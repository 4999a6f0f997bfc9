"""1:1 verification attempts: decision, score and reason; three failures send the citizen to staff;
the service fetches the reference from the platform; everything of a face goes with the session."""
from __future__ import annotations

import logging
import time

import numpy as np
import pytest

from devices.camera import liveness
from devices.camera.face import distance
from devices.camera.liveness import BLINK, TURN_RIGHT
from devices.camera.verify import (ATTEMPTS_EXHAUSTED, CONFIRM, DONE, FACE_CHANGED, MATCH, NO_MATCH,
                                   NO_REFERENCE, FaceCheck, FaceVerifier, compare_images)

FPS = 25
DEMO_ID = "990100199001011234"          # fictitious region, valid check digit


def run(check, frames, clock, every=2):
    progress = check.progress
    for index, frame in frames:
        if index % every:
            continue
        clock.now = index / FPS
        progress = check.process(frame)
        if progress.phase == DONE:
            break
    return progress


def scene_frames(scene, seconds):
    return ((i, scene.frame(i)) for i in range(int(seconds * FPS)))


@pytest.fixture(scope="module")
def live_scene(models):
    from devices.virtual import camera_twin
    return camera_twin.face_scene()


@pytest.fixture(scope="module")
def photo_scene(models):
    from devices.virtual import camera_twin
    return camera_twin.PhotoScene()


def test_a_live_citizen_matching_the_reference_is_accepted(analyzer, astronaut_bgr, live_scene, clock):
    verifier = FaceVerifier(analyzer, threshold=0.5, max_attempts=3)
    verifier.set_reference(astronaut_bgr)
    check = FaceCheck(verifier, lambda: [BLINK, TURN_RIGHT], timeout_s=10, clock=clock)
    seen = []
    for index, frame in scene_frames(live_scene, 12):
        if index % 2:
            continue
        clock.now = index / FPS
        progress = check.process(frame)
        seen.append(progress.instruction)
        if progress.phase == DONE:
            break
    decision = progress.decision
    assert decision.match and decision.reason == MATCH and decision.score < 0.3
    assert BLINK in seen and TURN_RIGHT in seen           # the screen was told what to ask for
    assert decision.attempts == 0 and not decision.staff


def test_a_different_person_is_rejected_with_the_score(analyzer, other_person_frame, live_scene, clock):
    verifier = FaceVerifier(analyzer, threshold=0.5, max_attempts=3)
    verifier.set_reference(other_person_frame)
    check = FaceCheck(verifier, lambda: [TURN_RIGHT], timeout_s=10, clock=clock)
    decision = run(check, scene_frames(live_scene, 12), clock).decision
    assert not decision.match and decision.reason == NO_MATCH
    assert decision.score > 0.5 and decision.attempts == 1 and decision.attempts_left == 2


def test_three_failed_attempts_end_with_staff(analyzer, astronaut_bgr, photo_scene, clock):
    verifier = FaceVerifier(analyzer, threshold=0.5, max_attempts=3)
    verifier.set_reference(astronaut_bgr)
    check = FaceCheck(verifier, lambda: [BLINK], timeout_s=1.0, clock=clock)
    decisions = []
    for attempt in range(3):
        start = int(clock.now * FPS) + 1
        frames = ((i, photo_scene.frame(i)) for i in range(start, start + 3 * FPS))
        decisions.append(run(check, frames, clock, every=3).decision)
        check.restart()
    assert [d.reason for d in decisions] == [liveness.TIMEOUT] * 3
    assert [d.attempts_left for d in decisions] == [2, 1, 0]
    assert decisions[-1].staff and not decisions[0].staff
    assert check.progress.phase == DONE and check.progress.decision.reason == ATTEMPTS_EXHAUSTED


def test_a_face_swapped_after_the_challenge_is_caught(analyzer, astronaut_bgr, poses,
                                                      other_person_frame, clock):
    verifier = FaceVerifier(analyzer, threshold=0.5)
    verifier.set_reference(other_person_frame)
    check = FaceCheck(verifier, lambda: [TURN_RIGHT], timeout_s=10, clock=clock)
    # the live astronaut performs the challenge ...
    for name in ["front", "front", "left2", "left3", "left3"]:
        progress = check.process(poses[name])
    assert progress.phase == CONFIRM
    # ... then a photo of the reference person is put in front of the camera
    progress = check.process(other_person_frame)
    assert progress.decision.reason == FACE_CHANGED and not progress.decision.match


def test_without_a_reference_there_is_no_decision(analyzer, poses):
    decision = FaceVerifier(analyzer).decide(np.zeros(128))
    assert decision.reason == NO_REFERENCE and decision.score is None and decision.attempts == 0


def test_one_shot_comparison_for_the_cli(analyzer, astronaut_bgr, poses, other_person_frame):
    same = compare_images(analyzer, astronaut_bgr, poses["blink"], 0.5)
    other = compare_images(analyzer, astronaut_bgr, other_person_frame, 0.5)
    assert same.match and other.reason == NO_MATCH
    assert same.to_dict()["score"] == round(same.score, 4)


# -- through the kiosk's camera service -------------------------------------------------------------

def make_ctx(tmp_path, platform, **overrides):
    from kiosk import config
    from kiosk.context import AppContext
    from kiosk.session import Identity, Session
    from kiosk.wiring.camera import wire
    cfg = config.load(None, {"kiosk": {"data_dir": str(tmp_path)}, **overrides})
    ctx = AppContext(config=cfg, session=Session(), bridge=None, demo=True)
    ctx.platform_url = platform.url
    wire(ctx)
    ctx.session.identity = Identity("idcard", "测试人", DEMO_ID)
    return ctx


@pytest.fixture
def camera_ctx(tmp_path, platform, models):
    ctx = make_ctx(tmp_path, platform)
    yield ctx
    ctx.shutdown()


def test_service_verifies_the_live_camera_against_the_platform_photo(camera_ctx, fresh_twins,
                                                                      caplog, tmp_path):
    """Real time, real threads: capture worker at 25 fps, detection in a FrameLoop."""
    from devices.camera.capture import FrameLoop
    caplog.set_level(logging.DEBUG)
    service = camera_ctx.services.camera
    check = service.new_face_check()
    worker = service.acquire("face")
    done = []
    loop = FrameLoop(worker, check.process, lambda p: (done.append(p), p.phase == DONE)[1]).start()
    try:
        deadline = time.monotonic() + 25
        while loop.running and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        loop.stop()
        service.release("face")
    decision = done[-1].decision
    assert decision is not None and decision.match, decision
    assert worker.latest() is None                       # camera off, last frame wiped
    # privacy: nothing of the face or the ID number in logs, nothing written beside the data dir
    assert DEMO_ID not in caplog.text
    assert not any(p.suffix in (".jpg", ".png", ".bmp", ".npy") for p in tmp_path.rglob("*"))
    reference = service.verifier()._reference
    camera_ctx.session.wipe()
    assert reference.max() == 0 and reference.min() == 0    # zeroed, not just dropped
    assert service._verifier is None


def test_platform_photo_is_the_demo_identity(camera_ctx, analyzer, astronaut_bgr):
    from devices.camera.verify import reference_embedding
    photo = camera_ctx.services.camera.reference_photo()
    assert photo[:2] == b"\xff\xd8"
    assert distance(reference_embedding(analyzer, photo), reference_embedding(analyzer, astronaut_bgr)) < 0.3


def test_no_reference_for_unknown_people(camera_ctx):
    from devices.camera.errors import CameraError
    from kiosk.session import Identity
    camera_ctx.session.identity = Identity("idcard", "测试人", "00000019900101123X")
    with pytest.raises(CameraError) as err:
        camera_ctx.services.camera.new_face_check()
    assert err.value.code == "no_reference" and "platform_not_found" in err.value.message
    camera_ctx.session.identity = None
    with pytest.raises(CameraError):
        camera_ctx.services.camera.reference_photo()


def test_card_photo_is_preferred_to_the_platform(camera_ctx, other_person_frame):
    import cv2
    ok, bmp = cv2.imencode(".bmp", other_person_frame)
    camera_ctx.session.identity.extra.update(photo=bytearray(bmp.tobytes()), photo_wlt=bytearray(1024))
    assert camera_ctx.services.camera.reference_photo() == bmp.tobytes()
    camera_ctx.session.identity.extra["photo"] = None          # no WLT decoder: ask the platform
    assert camera_ctx.services.camera.reference_photo()[:2] == b"\xff\xd8"


def test_vendor_mode_without_an_adapter_is_refused(tmp_path, platform, models):
    from devices.camera.errors import CameraError
    ctx = make_ctx(tmp_path, platform, face={"liveness": "vendor"})
    try:
        with pytest.raises(CameraError) as err:
            ctx.services.camera.new_face_check()
        assert err.value.code == "vendor_liveness"
    finally:
        ctx.shutdown()


def test_demo_actions_drive_the_virtual_face_camera(camera_ctx, fresh_twins):
    from devices.virtual.camera_twin import PhotoScene, ScriptedScene
    actions = {c.caption: c.run for c in camera_ctx.services.demo_controls}
    device = fresh_twins.device("face")
    actions["Face camera: a printed photo held up"]()
    assert isinstance(device.scene, PhotoScene)
    actions["Unplug the face camera"]()
    assert not device.plugged
    actions["Plug the face camera back in"]()
    actions["Face camera: a live person"]()
    assert device.plugged and isinstance(device.scene, ScriptedScene)


def test_the_wired_verifier_uses_the_configured_threshold_and_attempts(tmp_path, platform, models):
    """The face check's decision threshold and attempt limit come from the config, not from a
    constant in the wiring ([face]; a wrong threshold accepts strangers or refuses the citizen)."""
    ctx = make_ctx(tmp_path, platform, face={"threshold": 0.37, "max_attempts": 2})
    try:
        verifier = ctx.services.camera.verifier()
        assert (verifier.threshold, verifier.max_attempts) == (0.37, 2)
        assert ctx.services.camera.verifier() is verifier        # one per session ...
        ctx.session.wipe()
        assert ctx.services.camera.verifier() is not verifier    # ... forgotten at its end
    finally:
        ctx.shutdown()
