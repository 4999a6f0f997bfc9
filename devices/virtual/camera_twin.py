"""The virtual camera: plays scripted scenes, image sequences or single images like a camera.

Sources (`virtual:NAME` in cfg.camera.<role>.source):
  face        a live person made from scikit-image's astronaut sample: holds still, blinks, turns
              the head left and right (synthesised by warping the face), over a ~6 s loop
  photo       the same face as a printed photo held up to the camera: it moves as a rigid sheet,
              never blinks or turns (must fail liveness)
  empty       the background with nobody in front of the camera
  two_faces   two people in the frame
  dark        the live face in a badly lit hall
  qr          a receipt QR code (case receipt code) on paper, tilted, with a glare spot
  qr:TEXT     the same with TEXT encoded
  document    two document pages in turn (every 4 s) on a desk, in perspective, unevenly lit
  images:GLOB an image sequence (sorted file names), looped

A VirtualCameraDevice stands for the physical camera: tests unplug() it to see the worker report the
loss and replug() it to see the worker reopen it. Scenes are synthesised in memory at first use.
"""
from __future__ import annotations

import functools
import glob
import threading
from typing import TYPE_CHECKING, Callable

import cv2
import numpy as np

from devices import openers
from devices.camera import errors
from devices.camera.errors import CameraError
from devices.virtual.demo_control import QT_TRANSLATE_NOOP, DemoControl

if TYPE_CHECKING:
    from devices.camera.capture import CaptureSettings

WIDTH, HEIGHT = 640, 480
DEFAULT_RECEIPT_CODE = "SL-990100-20261122-000123"
PAGE_SECONDS = 4


# -- the face: scikit-image's astronaut sample -----------------------------------------------------

@functools.lru_cache(maxsize=1)
def _astronaut_frame() -> tuple[np.ndarray, np.ndarray]:
    """The astronaut framed like a kiosk face camera sees a citizen (BGR 640x480), and its 68
    landmarks, found once with the face model so the synthetic motions land on the real eyes."""
    from skimage import data
    from devices.camera.face import FaceModels
    rgb = data.astronaut()
    # scale so the face is ~150 px wide in a 640x480 frame, centred like a citizen in the oval
    scale = 1.72
    big = cv2.resize(rgb, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
    cx, cy = int(222 * scale), int(140 * scale)
    x0 = int(np.clip(cx - WIDTH // 2, 0, big.shape[1] - WIDTH))
    y0 = int(np.clip(cy - HEIGHT // 2, 0, big.shape[0] - HEIGHT))
    frame_rgb = np.ascontiguousarray(big[y0:y0 + HEIGHT, x0:x0 + WIDTH])
    models = FaceModels.shared()
    found = models.detect(frame_rgb)
    if not found:
        raise CameraError(errors.NO_FACE, "the astronaut sample shows no face (model problem?)")
    shape = models.landmarks(frame_rgb, found[0][0])
    points = np.array([(p.x, p.y) for p in shape.parts()], dtype=np.float64)
    return cv2.cvtColor(frame_rgb, cv2.COLOR_RGB2BGR), points


def turned_face(image: np.ndarray, points: np.ndarray, amount: float) -> np.ndarray:
    """Synthesise a head turn: slide the inner face (eyes, nose, mouth) sideways under a fixed
    outline, which is what a turning head looks like to a 2D camera. amount in -1..1 of the
    maximum shift (positive moves the nose to the image's right)."""
    if amount == 0:
        return image.copy()
    jaw_span = points[16][0] - points[0][0]
    shift = amount * 0.28 * jaw_span
    nose = points[30]
    h, w = image.shape[:2]
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    sx, sy = 0.30 * jaw_span, 0.45 * jaw_span
    weight = np.exp(-(((xs - nose[0]) / sx) ** 2 + ((ys - nose[1]) / sy) ** 2) / 2)
    map_x = (xs - shift * weight).astype(np.float32)
    return cv2.remap(image, map_x, ys, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT)


def closed_eyes(image: np.ndarray, points: np.ndarray) -> np.ndarray:
    """Draw closed eyelids over both eyes: skin from just below each eye, and a lash line,
    blended through a soft mask so the lids have no hard edge."""
    lids = image.copy()
    mask = np.zeros(image.shape[:2], np.float32)
    for eye in (points[36:42], points[42:48]):
        eye_h = max(4.0, float(np.ptp(eye[:, 1])))
        centre = eye.mean(axis=0)
        width = float(np.ptp(eye[:, 0]))
        below = image[int(centre[1] + 1.6 * eye_h):int(centre[1] + 2.4 * eye_h),
                      int(centre[0] - width / 2):int(centre[0] + width / 2)]
        skin = below.reshape(-1, 3).mean(axis=0) if below.size else np.array([150, 170, 200])
        axes = (int(width * 0.62), int(eye_h * 1.2))
        centre_i = (int(centre[0]), int(centre[1]))
        cv2.ellipse(lids, centre_i, axes, 0, 0, 360, tuple(int(c) for c in skin), -1, cv2.LINE_AA)
        cv2.ellipse(mask, centre_i, axes, 0, 0, 360, 1.0, -1, cv2.LINE_AA)
        cv2.ellipse(lids, (centre_i[0], centre_i[1] + 1), (int(width * 0.5), int(eye_h * 0.5)),
                    0, 20, 160, (50, 55, 70), 2, cv2.LINE_AA)
    mask = cv2.GaussianBlur(mask, (7, 7), 0)[..., None]
    return (lids * mask + image * (1 - mask)).astype(np.uint8)


def _background(seed: int = 7) -> np.ndarray:
    """A plain hall wall with a little texture."""
    rng = np.random.default_rng(seed)
    wall = np.full((HEIGHT, WIDTH, 3), (188, 196, 200), np.uint8)
    noise = rng.normal(0, 3, (HEIGHT, WIDTH, 1))
    return np.clip(wall + noise, 0, 255).astype(np.uint8)


class Scene:
    """Frames of a virtual camera by index; native size 640x480 unless said otherwise."""
    loop_frames = 1

    def frame(self, index: int) -> np.ndarray:
        raise NotImplementedError


class ScriptedScene(Scene):
    """Named still poses played by a script of (pose, frames) steps, looped."""

    def __init__(self, poses: dict[str, np.ndarray], script: list[tuple[str, int]]):
        self.poses = poses
        self.script = script
        self.loop_frames = sum(n for _, n in script)
        self._lookup = [pose for pose, n in script for _ in range(n)]

    def frame(self, index: int) -> np.ndarray:
        return self.poses[self._lookup[index % self.loop_frames]]


@functools.lru_cache(maxsize=1)
def _face_poses() -> dict[str, np.ndarray]:
    image, points = _astronaut_frame()
    poses = {"front": image, "blink": closed_eyes(image, points)}
    for step in (1, 2, 3):
        poses[f"right{step}"] = turned_face(image, points, step / 3)
        poses[f"left{step}"] = turned_face(image, points, -step / 3)
    return poses


def face_scene() -> ScriptedScene:
    """A live citizen at 25 fps: still, blink, still, turn (image) left and back, blink, turn right
    and back. Any challenge the kiosk asks for is met within one ~6 s loop."""
    turn_left = [("left1", 3), ("left2", 3), ("left3", 8), ("left2", 3), ("left1", 3)]
    turn_right = [(p.replace("left", "right"), n) for p, n in turn_left]
    script = ([("front", 25), ("blink", 4), ("front", 20)] + turn_left + [("front", 20)] +
              [("blink", 4), ("front", 12)] + turn_right + [("front", 20)])
    return ScriptedScene(_face_poses(), script)


class PhotoScene(Scene):
    """A printed photo of the face held up by a shaky hand: rigid in-plane and perspective motion
    of the whole sheet, no change inside the face."""
    loop_frames = 100

    def __init__(self) -> None:
        image, _ = _astronaut_frame()
        sheet = cv2.copyMakeBorder(cv2.resize(image, (480, 360)), 16, 16, 16, 16,
                                   cv2.BORDER_CONSTANT, value=(240, 240, 240))
        self.sheet = sheet
        self.background = _background(11)

    def frame(self, index: int) -> np.ndarray:
        t = (index % self.loop_frames) / self.loop_frames * 2 * np.pi
        h, w = self.sheet.shape[:2]
        src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
        dx, dy = 8 * np.sin(t), 5 * np.sin(2 * t)
        tilt = 14 * np.sin(t)                  # the sheet turns about its vertical axis
        x0, y0 = (WIDTH - w) / 2 + dx, (HEIGHT - h) / 2 + dy
        dst = np.float32([[x0 + max(tilt, 0), y0 + tilt * 0.3], [x0 + w + min(tilt, 0), y0 - tilt * 0.3],
                          [x0 + w + min(tilt, 0), y0 + h + tilt * 0.3], [x0 + max(tilt, 0), y0 + h - tilt * 0.3]])
        matrix = cv2.getPerspectiveTransform(src, dst)
        return cv2.warpPerspective(self.sheet, matrix, (WIDTH, HEIGHT), dst=self.background.copy(),
                                   borderMode=cv2.BORDER_TRANSPARENT)


class StillScene(Scene):
    def __init__(self, image: np.ndarray):
        self.image = image

    def frame(self, index: int) -> np.ndarray:
        return self.image


def two_faces_image() -> np.ndarray:
    image, _ = _astronaut_frame()
    half = cv2.resize(image, (WIDTH // 2, HEIGHT // 2))
    canvas = _background(3)
    canvas[HEIGHT // 4:HEIGHT // 4 + HEIGHT // 2, 0:WIDTH // 2] = half
    canvas[HEIGHT // 4:HEIGHT // 4 + HEIGHT // 2, WIDTH // 2:] = cv2.flip(half, 1)
    return canvas


def dark_image() -> np.ndarray:
    image, _ = _astronaut_frame()
    return (image.astype(np.float32) * 0.18).astype(np.uint8)


# -- QR codes ------------------------------------------------------------------------------------

def qr_image(text: str, scale: int = 8) -> np.ndarray:
    """A regular QR code (never Micro QR, which some phone scanners cannot read) as greyscale."""
    import io
    import segno
    code = segno.make_qr(text, error="m")
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=scale, border=4)
    return cv2.imdecode(np.frombuffer(buffer.getvalue(), np.uint8), cv2.IMREAD_GRAYSCALE)


def tilt(image: np.ndarray, size: tuple[int, int], angle_deg: float, skew: float,
         background: np.ndarray | None = None, centre: tuple[float, float] | None = None,
         scale: float = 1.0) -> np.ndarray:
    """Place image in a frame of size (w, h), rotated in plane by angle_deg and foreshortened
    (skew: 0 flat, 0.3 strong) like paper held at an angle."""
    h, w = image.shape[:2]
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    cx, cy = centre or (size[0] / 2, size[1] / 2)
    sw, sh = w * scale, h * scale
    corners = np.float32([[-sw / 2, -sh / 2 * (1 - skew)], [sw / 2, -sh / 2],
                          [sw / 2, sh / 2], [-sw / 2, sh / 2 * (1 - skew)]])
    a = np.radians(angle_deg)
    rot = np.float32([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]])
    dst = corners @ rot.T + np.float32([cx, cy])
    matrix = cv2.getPerspectiveTransform(src, dst)
    if background is None:
        background = np.full((size[1], size[0]) + image.shape[2:], 90, np.uint8)
    return cv2.warpPerspective(image, matrix, size, dst=background.copy(),
                               borderMode=cv2.BORDER_TRANSPARENT)


def glare(image: np.ndarray, centre: tuple[float, float], radius: float,
          strength: float = 0.85) -> np.ndarray:
    """A specular highlight: pixels pushed towards white with a soft round falloff."""
    h, w = image.shape[:2]
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    falloff = np.exp(-(((xs - centre[0]) ** 2 + (ys - centre[1]) ** 2) / (2 * radius ** 2)))
    weight = (strength * falloff)
    if image.ndim == 3:
        weight = weight[..., None]
    return (image * (1 - weight) + 255 * weight).astype(np.uint8)


def qr_scene_image(text: str = DEFAULT_RECEIPT_CODE) -> np.ndarray:
    """A receipt QR code as a kiosk scanner sees it: tilted, foreshortened, with glare (BGR)."""
    code = qr_image(text, scale=6)
    paper = cv2.copyMakeBorder(code, 20, 60, 20, 20, cv2.BORDER_CONSTANT, value=245)
    frame = tilt(cv2.cvtColor(paper, cv2.COLOR_GRAY2BGR), (WIDTH, HEIGHT), 12, 0.2,
                 background=_background(5))
    return glare(frame, (WIDTH * 0.45, HEIGHT * 0.4), 40, 0.6)


# -- document pages ------------------------------------------------------------------------------

PAGE_W, PAGE_H = 620, 877        # A4 at 75 dpi: the page as printed


def document_page(number: int) -> np.ndarray:
    """A synthetic A4 page built from scikit-image's text samples (greyscale, white paper)."""
    from skimage import data
    page = np.full((PAGE_H, PAGE_W), 250, np.uint8)
    cv2.putText(page, f"APPLICATION MATERIAL  PAGE {number + 1}", (40, 70),
                cv2.FONT_HERSHEY_SIMPLEX, 0.8, 20, 2, cv2.LINE_AA)
    cv2.line(page, (40, 90), (PAGE_W - 40, 90), 40, 2)
    samples = [data.page(), data.text()] if number % 2 == 0 else [data.text(), data.page()]
    y = 120
    for sample in samples:
        scaled = cv2.resize(sample, (PAGE_W - 80, int(sample.shape[0] * (PAGE_W - 80) / sample.shape[1])))
        # the samples have grey backgrounds; stretch so paper is white and ink is dark
        norm = cv2.normalize(scaled, None, 0, 255, cv2.NORM_MINMAX)
        page[y:y + norm.shape[0], 40:40 + norm.shape[1]] = np.minimum(norm, 250)
        y += norm.shape[0] + 30
    for line in range(6):
        yy = y + 20 + line * 34
        if yy > PAGE_H - 40:
            break
        cv2.line(page, (40, yy), (PAGE_W - 40 - 60 * (line % 3), yy), 60, 3)
    return page


def document_scene_image(number: int) -> np.ndarray:
    """A page on a dark desk under a document camera: perspective, rotation, a lamp gradient."""
    page = cv2.cvtColor(document_page(number), cv2.COLOR_GRAY2BGR)
    desk = np.full((HEIGHT, WIDTH, 3), (45, 60, 75), np.uint8)
    scale = (HEIGHT * 0.9) / PAGE_H
    frame = tilt(page, (WIDTH, HEIGHT), 6 if number % 2 == 0 else -4, 0.08, background=desk,
                 scale=scale)
    ys, xs = np.mgrid[0:HEIGHT, 0:WIDTH].astype(np.float32)
    lamp = 0.65 + 0.35 * np.exp(-(((xs - WIDTH * 0.3) ** 2 + (ys - HEIGHT * 0.2) ** 2) / (2 * 260 ** 2)))
    return (frame * lamp[..., None]).astype(np.uint8)


class DocumentScene(Scene):
    """Pages in turn, as a citizen lays one after another under the camera."""

    def __init__(self, pages: int = 2, fps: int = 25):
        self.images = [document_scene_image(n) for n in range(pages)]
        self.per_page = PAGE_SECONDS * fps
        self.loop_frames = self.per_page * pages

    def frame(self, index: int) -> np.ndarray:
        return self.images[(index // self.per_page) % len(self.images)]


class ImageSequenceScene(Scene):
    def __init__(self, pattern: str):
        files = sorted(glob.glob(pattern))
        if not files:
            raise CameraError(errors.OPEN_FAILED, f"no images match {pattern}")
        self.images = []
        for name in files:
            image = cv2.imread(name, cv2.IMREAD_COLOR)
            if image is None:
                raise CameraError(errors.IMAGE_UNREADABLE, f"{name} is not an image")
            self.images.append(image)
        self.loop_frames = len(self.images)

    def frame(self, index: int) -> np.ndarray:
        return self.images[index % len(self.images)]


def build_scene(spec: str, fps: int = 25) -> Scene:
    name, _, arg = spec.partition(":")
    builders: dict[str, Callable[[], Scene]] = {
        "face": face_scene,
        "photo": PhotoScene,
        "empty": lambda: StillScene(_background()),
        "two_faces": lambda: StillScene(two_faces_image()),
        "dark": lambda: StillScene(dark_image()),
        "qr": lambda: StillScene(qr_scene_image(arg or DEFAULT_RECEIPT_CODE)),
        "document": lambda: DocumentScene(fps=fps),
        "images": lambda: ImageSequenceScene(arg),
    }
    if name not in builders:
        raise CameraError(errors.SOURCE_INVALID,
                          f"unknown virtual camera scene {name!r} (known: {', '.join(builders)})")
    return builders[name]()


# -- the device and its capture handle -----------------------------------------------------------

class VirtualCapture:
    """What open_virtual() returns: read() gives the scene's next frame, like cv2.VideoCapture."""

    def __init__(self, device: "VirtualCameraDevice", width: int, height: int):
        self.device = device
        self.size = (width, height)
        self.index = 0
        self._open = True

    def isOpened(self) -> bool:   # noqa: N802 - cv2.VideoCapture's spelling
        return self._open

    def read(self) -> tuple[bool, np.ndarray | None]:
        if not self._open or not self.device.plugged:
            return False, None
        image = self.device.scene.frame(self.index)
        self.index += 1
        if (image.shape[1], image.shape[0]) != self.size:
            return True, cv2.resize(image, self.size, interpolation=cv2.INTER_AREA)
        return True, image.copy()      # consumers may wipe their frame; the pose must survive

    def release(self) -> None:
        self._open = False


class VirtualCameraDevice:
    """A virtual camera that can be unplugged and plugged back, for fault tests."""

    def __init__(self, spec: str, fps: int = 25):
        self.spec = spec
        self.scene = build_scene(spec, fps)
        self.plugged = True
        self.opens = 0

    def open(self, width: int, height: int) -> VirtualCapture:
        if not self.plugged:
            raise CameraError(errors.OPEN_FAILED, f"virtual camera {self.spec} is unplugged")
        self.opens += 1
        return VirtualCapture(self, width, height)

    def set_scene(self, spec: str, fps: int = 25) -> None:
        """Put something else in front of the camera (demo controls, tests)."""
        self.scene = build_scene(spec, fps)

    def unplug(self) -> None:
        self.plugged = False

    def replug(self) -> None:
        self.plugged = True


_devices: dict[str, VirtualCameraDevice] = {}
_devices_lock = threading.Lock()


def device(spec: str, fps: int = 25) -> VirtualCameraDevice:
    """The virtual camera named spec (one per name per process, so tests can unplug it)."""
    with _devices_lock:
        if spec not in _devices:
            _devices[spec] = VirtualCameraDevice(spec, fps)
        return _devices[spec]


def demo_controls(spec: str, role: str) -> list[DemoControl]:
    """Staff-menu controls for the virtual face camera `spec` (looked up at each tap, as tests may
    forget the devices in between)."""
    if role != "face":
        return []
    return [
        DemoControl(QT_TRANSLATE_NOOP("DemoActions", "Face camera: a live person"),
                    lambda: device(spec).set_scene("face")),
        DemoControl(QT_TRANSLATE_NOOP("DemoActions", "Face camera: a printed photo held up"),
                    lambda: device(spec).set_scene("photo")),
        DemoControl(QT_TRANSLATE_NOOP("DemoActions", "Face camera: two people"),
                    lambda: device(spec).set_scene("two_faces")),
        DemoControl(QT_TRANSLATE_NOOP("DemoActions", "Unplug the face camera"),
                    lambda: device(spec).unplug()),
        DemoControl(QT_TRANSLATE_NOOP("DemoActions", "Plug the face camera back in"),
                    lambda: device(spec).replug()),
    ]


def forget_devices() -> None:
    with _devices_lock:
        _devices.clear()


def open_virtual(spec: str, width: int, height: int, fps: int = 25) -> VirtualCapture:
    return device(spec, fps).open(width, height)


def open_source(name: str, settings: "CaptureSettings") -> VirtualCapture:
    """The camera driver's opener for `virtual:NAME` sources (devices.camera.capture.open_source
    calls it with the capture settings)."""
    return open_virtual(name, settings.width, settings.height, settings.fps)


def register() -> None:
    """Make `virtual:NAME` camera sources open this twin."""
    openers.register("camera", "virtual", open_source)
