"""One capture worker per camera: opens the configured source, keeps only the latest frame.

The UI and the detection thread each take the newest frame when they are ready; frames they did not
take are overwritten, never queued, so a slow consumer never sees stale images or grows memory.
A camera that stops delivering is reported ("lost") and reopened when it comes back ("reopened").
"""
from __future__ import annotations

import logging
import os
import re
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable, Mapping, Protocol
from urllib.parse import urlsplit, urlunsplit

import cv2
import numpy as np

from devices import openers
from devices.camera import errors
from devices.camera.errors import CameraError

log = logging.getLogger(__name__)

Report = Callable[[str, Any], None]


class FrameSource(Protocol):
    """What a worker reads from: cv2.VideoCapture and a registered opener's source both fit."""

    def read(self) -> tuple[bool, np.ndarray | None]: ...
    def release(self) -> None: ...


@dataclass(frozen=True)
class CaptureSettings:
    source: str
    width: int = 640
    height: int = 480
    fps: int = 25
    rotation: int = 0
    mirror: bool = False

    @classmethod
    def from_config(cls, section: Mapping[str, Any], source: str | None = None) -> "CaptureSettings":
        return cls(source=source if source is not None else section["source"],
                   width=section["width"], height=section["height"], fps=section["fps"],
                   rotation=section["rotation"], mirror=section["mirror"])


@dataclass(frozen=True)
class Frame:
    image: np.ndarray      # BGR, already rotated/mirrored/resized as configured
    seq: int               # increases by one per captured frame; consumers skip what they missed
    timestamp: float       # time.monotonic() at capture


def public_source(source: str) -> str:
    """The source as it may appear in reports and logs: stream credentials removed."""
    if "://" not in source:
        return source
    parts = urlsplit(source)
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def source_kind(source: str) -> str:
    """'index', 'url', 'path' (a device node, a video file or an image), or 'named' (scheme:name,
    e.g. virtual:face, opened by the opener registered for the scheme in devices.openers; a file
    whose name looks like that is given as ./name)."""
    if re.fullmatch(r"\d+", source):
        return "index"
    if re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*://", source):
        return "url"
    if not source:
        raise CameraError(errors.SOURCE_INVALID, "camera source is empty")
    if openers.split(source) is not None:
        return "named"
    return "path"


def open_source(settings: CaptureSettings) -> FrameSource:
    """Open what settings.source names; raises CameraError(open_failed) when it does not open.

    A named source goes to the opener registered for its scheme under area "camera", called as
    opener(name, settings) -> FrameSource (raising CameraError like this function)."""
    kind = source_kind(settings.source)
    if kind == "named":
        return _open_named(settings)
    if kind == "index":
        cap = cv2.VideoCapture(int(settings.source))
    else:
        if kind == "path" and not os.path.exists(settings.source):
            raise CameraError(errors.OPEN_FAILED, f"{settings.source} does not exist")
        cap = cv2.VideoCapture(settings.source)
    if not cap.isOpened():
        cap.release()
        raise CameraError(errors.OPEN_FAILED,
                          f"camera {public_source(settings.source)} did not open")
    if kind != "path":
        # a request only: cameras pick their nearest mode, and _shape() fits what arrives
        cap.set(cv2.CAP_PROP_FRAME_WIDTH, settings.width)
        cap.set(cv2.CAP_PROP_FRAME_HEIGHT, settings.height)
        cap.set(cv2.CAP_PROP_FPS, settings.fps)
        cap.set(cv2.CAP_PROP_BUFFERSIZE, 1)
    return cap


def _open_named(settings: CaptureSettings) -> FrameSource:
    scheme, name = openers.split(settings.source)
    opener = openers.get("camera", scheme)
    if opener is None:
        known = ", ".join(openers.schemes("camera")) or "none"
        raise CameraError(errors.SOURCE_INVALID, f"no opener for camera source {scheme}:... "
                          f"(registered schemes: {known})")
    return opener(name, settings)


_ROTATE = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180, 270: cv2.ROTATE_90_COUNTERCLOCKWISE}


def shape_frame(image: np.ndarray, settings: CaptureSettings) -> np.ndarray:
    """Rotate, mirror and fit a raw frame to the configured size (rotation swaps width/height)."""
    if image.ndim == 2:
        image = cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
    if settings.rotation:
        image = cv2.rotate(image, _ROTATE[settings.rotation])
    if settings.mirror:
        image = cv2.flip(image, 1)
    w, h = settings.width, settings.height
    if settings.rotation in (90, 270):
        w, h = h, w
    if image.shape[1] != w or image.shape[0] != h:
        image = cv2.resize(image, (w, h), interpolation=cv2.INTER_AREA)
    return image


class LatestFrame:
    """A single-slot hand-off: publish() replaces, latest()/wait_newer() read the newest frame."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._frame: Frame | None = None
        self._seq = 0

    def publish(self, image: np.ndarray) -> int:
        with self._cond:
            self._seq += 1
            self._frame = Frame(image, self._seq, time.monotonic())
            self._cond.notify_all()
            return self._seq

    def latest(self) -> Frame | None:
        with self._cond:
            return self._frame

    def wait_newer(self, seq: int, timeout: float) -> Frame | None:
        """The newest frame with a sequence number above seq, or None after timeout."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._frame is None or self._frame.seq <= seq:
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self._cond.wait(left)
            return self._frame

    def clear(self) -> None:
        """Forget the frame, zeroing its pixels (it may show a citizen's face)."""
        with self._cond:
            if self._frame is not None and self._frame.image.flags.writeable:
                self._frame.image.fill(0)
            self._frame = None


class CaptureWorker:
    """Reads one camera in its own thread and keeps the newest frame in a LatestFrame slot.

    report(kind, payload) gets "opened", "lost", "reopened" and "stopped" with a payload naming the
    role and the (credential-free) source; never a frame.
    """

    def __init__(self, role: str, settings: CaptureSettings, report: Report | None = None,
                 opener: Callable[[CaptureSettings], FrameSource] = open_source,
                 reopen_interval_s: float = 1.0):
        source_kind(settings.source)   # reject an empty source now, not in the thread
        self.role = role
        self.settings = settings
        self.frames = LatestFrame()
        self._report = report or (lambda kind, payload=None: None)
        self._opener = opener
        self._reopen_interval_s = reopen_interval_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._stamps: list[float] = []
        self.state = "stopped"            # stopped, opening, running, lost
        self.last_error: CameraError | None = None
        self.frame_size: tuple[int, int] | None = None   # (width, height) after shaping

    # -- control ---------------------------------------------------------------------------------
    def start(self) -> "CaptureWorker":
        if self._thread and self._thread.is_alive():
            return self
        self._stop.clear()
        self.state = "opening"
        self._thread = threading.Thread(target=self._run, name=f"camera-{self.role}", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 3.0) -> None:
        was_running = self._thread is not None
        self._stop.set()
        if self._thread:
            self._thread.join(timeout)
        self._thread = None
        self.frames.clear()
        self.state = "stopped"
        if was_running:
            self._report("stopped", self._payload())

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # -- consumers -------------------------------------------------------------------------------
    def latest(self) -> Frame | None:
        return self.frames.latest()

    def wait_newer(self, seq: int, timeout: float = 1.0) -> Frame | None:
        return self.frames.wait_newer(seq, timeout)

    def wait_running(self, timeout: float = 5.0) -> bool:
        """Wait for the first frame; True when the camera delivers."""
        return self.frames.wait_newer(0, timeout) is not None

    @property
    def measured_fps(self) -> float:
        """Frames captured per second over the last two seconds."""
        with self._lock:
            now = time.monotonic()
            recent = [t for t in self._stamps if now - t <= 2.0]
        if len(recent) < 2:
            return 0.0
        return (len(recent) - 1) / max(recent[-1] - recent[0], 1e-6)

    # -- the thread ------------------------------------------------------------------------------
    def _payload(self, **extra: Any) -> dict[str, Any]:
        payload = {"role": self.role, "source": public_source(self.settings.source)}
        if self.frame_size:
            payload["width"], payload["height"] = self.frame_size
        payload.update(extra)
        return payload

    def _run(self) -> None:
        announce = "opened"            # what the first frame after (re)opening reports
        lost = False
        is_file = source_kind(self.settings.source) == "path" and os.path.isfile(self.settings.source)
        while not self._stop.is_set():
            try:
                cap = self._opener(self.settings)
            except CameraError as exc:
                lost = self._lose(lost, exc)
                announce = "reopened" if self.frame_size else "opened"
                self._stop.wait(self._reopen_interval_s)
                continue
            delivered = self._pump(cap, announce)
            cap.release()
            if self._stop.is_set():
                break
            if delivered:
                lost = False
            if is_file and delivered:
                announce = None        # end of a video file: play it again, nothing to report
                continue
            lost = self._lose(lost, CameraError(errors.OPEN_FAILED, "camera stopped delivering frames"))
            announce = "reopened"
            self._stop.wait(self._reopen_interval_s)
        self.state = "stopped"

    def _lose(self, already: bool, exc: CameraError) -> bool:
        self.last_error = exc
        self.state = "lost"
        self.frames.clear()            # no stale picture of whoever stood there last
        if not already:
            self._report("lost", self._payload(code=exc.code, message=exc.message))
        return True

    def _pump(self, cap: FrameSource, announce: str | None) -> int:
        """Read until the source fails or stop(); returns how many frames it delivered."""
        period = 1.0 / self.settings.fps
        next_due = time.monotonic()
        count = 0
        while not self._stop.is_set():
            ok, raw = cap.read()
            if not ok or raw is None:
                return count
            image = shape_frame(raw, self.settings)
            if count == 0:
                self.frame_size = (image.shape[1], image.shape[0])
                self.state = "running"
                self.last_error = None
                if announce:
                    self._report(announce, self._payload())
            self.frames.publish(image)
            count += 1
            now = time.monotonic()
            with self._lock:
                self._stamps.append(now)
                if len(self._stamps) > 4 * self.settings.fps:
                    del self._stamps[: len(self._stamps) - 2 * self.settings.fps]
            # files and in-memory (named) sources return at once: pace them to the configured rate
            next_due = max(next_due + period, now - period)
            delay = next_due - time.monotonic()
            if delay > 0:
                self._stop.wait(delay)
        return count


class FrameLoop:
    """Runs fn on the newest frame of a worker in its own thread, at its own pace (detection, QR):
    frames that arrive while fn runs are skipped, so the preview never waits for it.

    on_result(result) is called with each result; returning True ends the loop.
    """

    def __init__(self, worker: CaptureWorker, fn: Callable[[np.ndarray], Any],
                 on_result: Callable[[Any], bool | None], name: str = "frames",
                 on_error: Callable[[Exception], None] | None = None):
        self.worker = worker
        self.fn = fn
        self.on_result = on_result
        self.on_error = on_error
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"{name}-{worker.role}", daemon=True)
        self.processed = 0
        self.busy_s = 0.0

    def start(self) -> "FrameLoop":
        self._thread.start()
        return self

    def stop(self, timeout: float = 3.0) -> None:
        self._stop.set()
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def _run(self) -> None:
        seq = 0
        while not self._stop.is_set():
            frame = self.worker.wait_newer(seq, timeout=0.5)
            if frame is None:
                continue
            seq = frame.seq
            started = time.perf_counter()
            try:
                result = self.fn(frame.image)
            except Exception as exc:   # handed on, not swallowed: the screen shows a typed error
                log.error("%s failed: %s", self._thread.name, type(exc).__name__)
                if self.on_error:
                    self.on_error(exc)
                return
            self.busy_s += time.perf_counter() - started
            self.processed += 1
            if self._stop.is_set() or self.on_result(result):
                return
