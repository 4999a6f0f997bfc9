"""Face detection, 68 landmarks, 128-d embeddings (dlib) and the quality gates before a comparison.

Model choice: dlib's HOG frontal detector, its 68-point shape predictor and its ResNet face
descriptor (99.38% on LFW as published by dlib), shipped by the face-recognition-models wheel and
loaded from site-packages: no download at run time, no compile, ~0.02 s detection and ~0.06 s per
embedding at 640x480 on a 2-core kiosk CPU. The CNN detector is not used: it takes seconds a frame.

Frames, landmarks and embeddings stay in memory; nothing here writes or logs any of them.
"""
from __future__ import annotations

import importlib.util
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

import cv2
import numpy as np

from devices.camera import errors
from devices.camera.errors import CameraError

# 68-point landmark indices (iBUG 300-W layout, as dlib's predictor numbers them)
JAW_LEFT, JAW_RIGHT, NOSE_TIP = 0, 16, 30
RIGHT_EYE = slice(36, 42)     # the subject's right eye, on the image's left when not mirrored
LEFT_EYE = slice(42, 48)


def model_dir() -> Path:
    """Where face-recognition-models keeps its .dat files (read without pkg_resources)."""
    spec = importlib.util.find_spec("face_recognition_models")
    if spec is None or not spec.submodule_search_locations:
        raise CameraError(errors.MODEL_MISSING, "face-recognition-models is not installed")
    return Path(list(spec.submodule_search_locations)[0]) / "models"


class FaceModels:
    """dlib's detector, landmark predictor and descriptor, loaded once per process (~0.7 s).

    dlib objects are not documented as thread-safe, so each use holds a lock; the detection thread
    is the only heavy user anyway.
    """

    _shared: "FaceModels | None" = None
    _shared_lock = threading.Lock()

    def __init__(self) -> None:
        try:
            import dlib
        except ImportError as exc:
            raise CameraError(errors.MODEL_MISSING, f"dlib is not installed ({exc})") from None
        folder = model_dir()
        landmarks = folder / "shape_predictor_68_face_landmarks.dat"
        resnet = folder / "dlib_face_recognition_resnet_model_v1.dat"
        for path in (landmarks, resnet):
            if not path.is_file():
                raise CameraError(errors.MODEL_MISSING, f"face model file {path} is missing")
        self.detector = dlib.get_frontal_face_detector()
        self.predictor = dlib.shape_predictor(str(landmarks))
        self.encoder = dlib.face_recognition_model_v1(str(resnet))
        self._dlib = dlib
        self.lock = threading.Lock()

    @classmethod
    def shared(cls) -> "FaceModels":
        with cls._shared_lock:
            if cls._shared is None:
                cls._shared = cls()
            return cls._shared

    def detect(self, rgb: np.ndarray, upsample: int = 0) -> list[tuple[tuple[int, int, int, int], float]]:
        """Faces as ((left, top, right, bottom), score), best first."""
        with self.lock:
            rects, scores, _ = self.detector.run(rgb, upsample, 0.0)
        found = [((r.left(), r.top(), r.right(), r.bottom()), float(s)) for r, s in zip(rects, scores)]
        return sorted(found, key=lambda f: -f[1])

    def landmarks(self, rgb: np.ndarray, box: tuple[int, int, int, int]):
        with self.lock:
            return self.predictor(rgb, self._dlib.rectangle(*box))

    def embed(self, rgb: np.ndarray, shape) -> np.ndarray:
        with self.lock:
            return np.asarray(self.encoder.compute_face_descriptor(rgb, shape), dtype=np.float64)


@dataclass(frozen=True)
class QualityRules:
    """Limits of a usable face; all relative to the frame so they hold at any resolution."""
    min_face_fraction: float = 0.18    # face box width / frame width ("move closer" below)
    max_face_fraction: float = 0.70    # ("move back" above)
    max_center_offset: float = 0.25    # face centre from frame centre, in frame widths/heights
    min_sharpness: float = 40.0        # variance of the Laplacian on the face at 128 px wide
    min_brightness: float = 60.0       # mean grey level of the face
    max_brightness: float = 210.0
    max_yaw: float = 0.12              # |nose position across the jaw - 0.5|
    max_roll_deg: float = 15.0         # eye line angle
    min_score: float = 0.3             # detector score that counts as a face at all
    second_face_ratio: float = 0.0     # a second face counts from this share of the main's score

    @classmethod
    def from_config(cls, face: Mapping[str, Any]) -> "QualityRules":
        return cls(min_face_fraction=face["min_face_fraction"], min_sharpness=face["min_sharpness"])

    def for_still_photo(self) -> "QualityRules":
        """Reference photos (ID card, platform) are small and framed differently: only the
        face itself must be usable."""
        return QualityRules(min_face_fraction=0.05, max_face_fraction=1.0, max_center_offset=1.0,
                            min_sharpness=self.min_sharpness / 4, min_brightness=40.0,
                            max_brightness=230.0, max_yaw=0.2, max_roll_deg=25.0,
                            min_score=0.3, second_face_ratio=0.8)


# reason codes, in the order the citizen should fix them; the screens map each to a sentence
NO_FACE = "no_face"
MULTIPLE_FACES = "multiple_faces"
TOO_FAR = "too_far"
TOO_CLOSE = "too_close"
OFF_CENTER = "off_center"
TOO_DARK = "too_dark"
TOO_BRIGHT = "too_bright"
BLURRY = "blurry"
NOT_FRONTAL = "not_frontal"
REASONS = (NO_FACE, MULTIPLE_FACES, TOO_FAR, TOO_CLOSE, OFF_CENTER, TOO_DARK, TOO_BRIGHT, BLURRY,
           NOT_FRONTAL)


@dataclass
class FaceObservation:
    """One analysed frame. `points` are the 68 landmarks (x, y) of the main face, if any."""
    frame_size: tuple[int, int]                      # (width, height)
    faces: int                                       # faces that count (score >= min_score)
    box: tuple[int, int, int, int] | None = None     # main face (left, top, right, bottom)
    points: np.ndarray | None = None
    reasons: tuple[str, ...] = ()                    # quality problems, most urgent first
    measures: dict[str, float] = field(default_factory=dict)
    _shape: Any = None                               # dlib shape, needed for the embedding
    _rgb: np.ndarray | None = None

    @property
    def ok(self) -> bool:
        return not self.reasons

    @property
    def reason(self) -> str | None:
        return self.reasons[0] if self.reasons else None

    def box_fraction(self) -> tuple[float, float, float, float] | None:
        """The face box in 0..1 frame coordinates, for drawing on a scaled preview."""
        if self.box is None:
            return None
        w, h = self.frame_size
        left, top, right, bottom = self.box
        return (left / w, top / h, right / w, bottom / h)

    def forget(self) -> None:
        """Drop the pixels and landmarks this observation holds."""
        if self._rgb is not None:
            self._rgb.fill(0)
        self._rgb = None
        self._shape = None
        if self.points is not None:
            self.points.fill(0)
        self.points = None


def eye_aspect_ratio(points: np.ndarray) -> float:
    """Soukupova & Cech's eye aspect ratio, averaged over both eyes: ~0.3 open, <0.2 closed."""
    def one(eye: np.ndarray) -> float:
        vertical = np.linalg.norm(eye[1] - eye[5]) + np.linalg.norm(eye[2] - eye[4])
        horizontal = np.linalg.norm(eye[0] - eye[3])
        return float(vertical / (2.0 * horizontal)) if horizontal > 0 else 0.0
    return (one(points[RIGHT_EYE]) + one(points[LEFT_EYE])) / 2.0


def yaw_ratio(points: np.ndarray) -> float:
    """Where the nose tip sits across the jaw, 0..1 in image direction: ~0.5 when frontal.

    A head turn moves the nose towards one jaw edge; a flat photo turned or tilted keeps the ratio
    (ratios along a line survive an affine view), which is what makes it useful for liveness.
    """
    left = points[JAW_LEFT][0]
    right = points[JAW_RIGHT][0]
    span = right - left
    if span <= 0:
        return 0.5
    return float((points[NOSE_TIP][0] - left) / span)


def roll_degrees(points: np.ndarray) -> float:
    right_eye = points[RIGHT_EYE].mean(axis=0)
    left_eye = points[LEFT_EYE].mean(axis=0)
    dx, dy = left_eye - right_eye
    return float(np.degrees(np.arctan2(dy, dx)))


class FaceAnalyzer:
    """Detects faces in a BGR frame, finds the main face's landmarks and judges its quality."""

    def __init__(self, models: FaceModels, rules: QualityRules | None = None):
        self.models = models
        self.rules = rules or QualityRules()

    def analyze(self, bgr: np.ndarray, rules: QualityRules | None = None,
                upsample: int = 0) -> FaceObservation:
        rules = rules or self.rules
        rgb = cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB)
        height, width = rgb.shape[:2]
        found = [f for f in self.models.detect(rgb, upsample) if f[1] >= rules.min_score]
        if not found:
            return FaceObservation((width, height), 0, reasons=(NO_FACE,))
        boxes = sorted(found, key=lambda f: -_area(f[0]))
        main, main_score = boxes[0]
        # a second face counts when it is a real neighbour, not a tiny face far behind; in a
        # certificate photo, a much weaker second detection is a pattern on clothes or background
        others = [b for b, score in boxes[1:] if _width(b) >= 0.5 * _width(main)
                  and score >= rules.second_face_ratio * main_score]
        shape = self.models.landmarks(rgb, main)
        points = np.array([(p.x, p.y) for p in shape.parts()], dtype=np.float64)
        obs = FaceObservation((width, height), 1 + len(others), box=main, points=points,
                              _shape=shape, _rgb=rgb)
        obs.measures = self._measure(rgb, main, points)
        obs.reasons = self._judge(obs, rules)
        return obs

    def embedding(self, obs: FaceObservation) -> np.ndarray:
        if obs._shape is None or obs._rgb is None:
            raise CameraError(errors.NO_FACE, "no face to describe")
        return self.models.embed(obs._rgb, obs._shape)

    def _measure(self, rgb: np.ndarray, box: tuple[int, int, int, int],
                 points: np.ndarray) -> dict[str, float]:
        height, width = rgb.shape[:2]
        left, top, right, bottom = (max(0, box[0]), max(0, box[1]), min(width, box[2]),
                                    min(height, box[3]))
        grey = cv2.cvtColor(rgb[top:bottom, left:right], cv2.COLOR_RGB2GRAY) \
            if right > left and bottom > top else np.zeros((1, 1), np.uint8)
        scaled = cv2.resize(grey, (128, max(1, int(128 * grey.shape[0] / max(grey.shape[1], 1)))),
                            interpolation=cv2.INTER_AREA)
        centre_x = (box[0] + box[2]) / 2 / width - 0.5
        centre_y = (box[1] + box[3]) / 2 / height - 0.5
        return {
            "face_fraction": _width(box) / width,
            "offset": max(abs(centre_x), abs(centre_y)),
            "sharpness": float(cv2.Laplacian(scaled, cv2.CV_64F).var()),
            "brightness": float(grey.mean()),
            "yaw": yaw_ratio(points),
            "roll": roll_degrees(points),
            "ear": eye_aspect_ratio(points),
        }

    @staticmethod
    def _judge(obs: FaceObservation, rules: QualityRules) -> tuple[str, ...]:
        m = obs.measures
        reasons = []
        if obs.faces > 1:
            reasons.append(MULTIPLE_FACES)
        if m["face_fraction"] < rules.min_face_fraction:
            reasons.append(TOO_FAR)
        if m["face_fraction"] > rules.max_face_fraction:
            reasons.append(TOO_CLOSE)
        if m["offset"] > rules.max_center_offset:
            reasons.append(OFF_CENTER)
        if m["brightness"] < rules.min_brightness:
            reasons.append(TOO_DARK)
        if m["brightness"] > rules.max_brightness:
            reasons.append(TOO_BRIGHT)
        if m["sharpness"] < rules.min_sharpness:
            reasons.append(BLURRY)
        if abs(m["yaw"] - 0.5) > rules.max_yaw or abs(m["roll"]) > rules.max_roll_deg:
            reasons.append(NOT_FRONTAL)
        return tuple(reasons)


def _width(box: tuple[int, int, int, int]) -> int:
    return box[2] - box[0]


def _area(box: tuple[int, int, int, int]) -> int:
    return (box[2] - box[0]) * (box[3] - box[1])


def decode_image(data: bytes | bytearray | memoryview) -> np.ndarray:
    """Decode image bytes (JPEG/PNG/BMP) to BGR in memory, never through a file."""
    array = np.frombuffer(bytes(data), dtype=np.uint8)
    image = cv2.imdecode(array, cv2.IMREAD_COLOR) if array.size else None
    if image is None:
        raise CameraError(errors.IMAGE_UNREADABLE, "not a decodable image")
    return image


def distance(a: np.ndarray, b: np.ndarray) -> float:
    """Euclidean distance between two descriptors: dlib's model puts the same person below ~0.6."""
    return float(np.linalg.norm(np.asarray(a) - np.asarray(b)))
