"""Camera fixtures. dlib's models take ~0.7 s to load and scenes ~1.5 s to synthesise, so both are
built once per test session and shared."""
from __future__ import annotations

import cv2
import numpy as np
import pytest


@pytest.fixture(scope="session")
def models():
    from devices.camera.face import FaceModels
    return FaceModels.shared()


@pytest.fixture(scope="session")
def analyzer(models):
    from devices.camera.face import FaceAnalyzer
    return FaceAnalyzer(models)


@pytest.fixture(scope="session")
def astronaut_bgr():
    """The package sample photo, as a reference photo would arrive (BGR)."""
    from skimage import data
    return cv2.cvtColor(data.astronaut(), cv2.COLOR_RGB2BGR)


@pytest.fixture(scope="session")
def poses(models):
    """The virtual camera's live-face poses (front, blink, left1..3, right1..3) at 640x480."""
    from devices.virtual import camera_twin
    return camera_twin._face_poses()


@pytest.fixture(scope="session")
def other_person_frame():
    """A different real person: a face of scikit-image's LFW subset, enlarged into a 640x480 frame
    (index 3 passes the quality gates)."""
    from skimage import data
    face = (data.lfw_subset()[3] * 255).astype(np.uint8)
    face = cv2.resize(face, (300, 300), interpolation=cv2.INTER_CUBIC)
    frame = np.full((480, 640, 3), 190, np.uint8)
    frame[90:390, 170:470] = face[..., None]
    return frame


@pytest.fixture
def fresh_twins():
    """Virtual camera devices start plugged in and unshared for each test that asks."""
    from devices.virtual import camera_twin
    camera_twin.forget_devices()
    yield camera_twin
    camera_twin.forget_devices()


class FakeClock:
    """Time that advances only when the test says: scenes run at 25 fps of simulated time."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock():
    return FakeClock()
