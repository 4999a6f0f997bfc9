"""Face quality gates and embeddings with dlib's real models on package sample faces."""
from __future__ import annotations

import cv2
import numpy as np
import pytest

from devices.camera import face
from devices.camera.errors import CameraError
from devices.camera.face import distance, eye_aspect_ratio, yaw_ratio
from devices.camera.verify import reference_embedding


def test_a_well_placed_face_passes_every_gate(analyzer, poses):
    obs = analyzer.analyze(poses["front"])
    assert obs.faces == 1 and obs.ok, obs.reasons
    assert obs.points.shape == (68, 2)
    left, top, right, bottom = obs.box_fraction()
    assert 0 < left < right < 1 and 0 < top < bottom < 1


@pytest.mark.parametrize("scene, reason", [("empty", face.NO_FACE),
                                           ("two_faces", face.MULTIPLE_FACES),
                                           ("dark", face.TOO_DARK)])
def test_scenes_give_the_reason_the_citizen_must_fix(analyzer, fresh_twins, scene, reason):
    obs = analyzer.analyze(fresh_twins.build_scene(scene).frame(0))
    assert obs.reason == reason


def test_far_blurred_off_centre_and_turned_faces_are_named(analyzer, poses):
    front = poses["front"]
    far = np.full_like(front, 190)
    far[180:300, 240:400] = cv2.resize(front, (160, 120))
    assert face.TOO_FAR in analyzer.analyze(far, upsample=1).reasons
    blurred = cv2.GaussianBlur(front, (0, 0), 3.5)
    assert face.BLURRY in analyzer.analyze(blurred).reasons
    shifted = np.roll(front, 200, axis=1)
    assert face.OFF_CENTER in analyzer.analyze(shifted).reasons
    bright = cv2.convertScaleAbs(front, alpha=1.0, beta=110)
    assert face.TOO_BRIGHT in analyzer.analyze(bright).reasons
    assert face.NOT_FRONTAL in analyzer.analyze(poses["left3"]).reasons


def test_landmark_measures_see_blinks_and_turns(analyzer, poses):
    points = {name: analyzer.analyze(poses[name]).points for name in ("front", "blink", "left3", "right3")}
    assert eye_aspect_ratio(points["front"]) > 0.25
    assert eye_aspect_ratio(points["blink"]) < 0.15
    assert abs(yaw_ratio(points["front"]) - 0.5) < 0.05
    assert yaw_ratio(points["left3"]) < 0.38 < 0.62 < yaw_ratio(points["right3"])


def test_same_person_is_close_and_another_is_far(analyzer, astronaut_bgr, poses, other_person_frame):
    reference = reference_embedding(analyzer, astronaut_bgr)
    live = analyzer.embedding(analyzer.analyze(poses["front"]))
    other = analyzer.embedding(analyzer.analyze(other_person_frame))
    assert reference.shape == (128,)
    assert distance(reference, live) < 0.3
    assert distance(reference, other) > 0.6


def test_small_reference_photo_is_enlarged_before_detection(analyzer, astronaut_bgr):
    # an ID card photo is 102x126: the detector alone would miss a face that small
    card_sized = cv2.resize(astronaut_bgr[20:260, 120:315], (102, 126), interpolation=cv2.INTER_AREA)
    ok, bmp = cv2.imencode(".bmp", card_sized)
    embedding = reference_embedding(analyzer, bytearray(bmp.tobytes()))
    assert distance(embedding, reference_embedding(analyzer, astronaut_bgr)) < 0.35


def test_unusable_photos_raise_typed_errors(analyzer):
    with pytest.raises(CameraError) as err:
        reference_embedding(analyzer, b"not an image")
    assert err.value.code == "image_unreadable"
    with pytest.raises(CameraError) as err:
        reference_embedding(analyzer, np.full((300, 300, 3), 128, np.uint8))
    assert err.value.code == "no_face"


def test_forget_zeroes_pixels_and_landmarks(analyzer, poses):
    obs = analyzer.analyze(poses["front"])
    rgb, points = obs._rgb, obs.points
    obs.forget()
    assert rgb.max() == 0 and points.max() == 0 and obs.points is None
