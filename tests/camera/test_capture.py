"""Capture workers on real sources: virtual scenes, a video file written by OpenCV, a missing device;
named sources (virtual:...) reach whatever registered their scheme, never a branch in the driver."""
from __future__ import annotations

import threading
import time

import cv2
import numpy as np
import pytest

from devices import openers
from devices.camera.capture import (CaptureSettings, CaptureWorker, FrameLoop, LatestFrame,
                                    open_source, public_source, shape_frame, source_kind)
from devices.camera.errors import CameraError


@pytest.fixture(autouse=True)
def twins():
    """The camera twin's opener, registered the way the wiring does it and removed afterwards, so
    a test elsewhere that relies on the wiring's own registration is not helped by this one."""
    import devices.virtual
    previous = openers.get("camera", "virtual")
    devices.virtual.register_all()
    yield
    if previous is None:
        openers.unregister("camera", "virtual")
    else:
        openers.register("camera", "virtual", previous)


class Events:
    def __init__(self) -> None:
        self.items: list[tuple[str, dict]] = []
        self.cond = threading.Condition()

    def __call__(self, kind, payload=None):
        with self.cond:
            self.items.append((kind, payload))
            self.cond.notify_all()

    def wait(self, kind: str, count: int = 1, timeout: float = 5.0) -> list[dict]:
        with self.cond:
            self.cond.wait_for(lambda: sum(k == kind for k, _ in self.items) >= count, timeout)
            return [p for k, p in self.items if k == kind]


def test_source_kinds_and_credentials_never_reported():
    assert source_kind("0") == "index"
    assert source_kind("/dev/video2") == "path"
    assert source_kind("virtual:face") == "named"
    assert source_kind("./virtual:face") == "path"
    assert source_kind("rtsp://cam.local/stream") == "url"
    assert public_source("rtsp://admin:secret@10.0.0.5:554/live") == "rtsp://10.0.0.5:554/live"
    with pytest.raises(CameraError) as err:
        CaptureWorker("face", CaptureSettings(source=""))
    assert err.value.code == "source_invalid"


class StillSource:
    """A frame source of the test's own: one grey level, forever."""

    def __init__(self, level: int) -> None:
        self.level = level

    def read(self):
        return True, np.full((120, 160, 3), self.level, np.uint8)

    def release(self) -> None:
        pass


def test_named_sources_open_through_the_registry_only():
    asked = []

    def still(name, settings):
        asked.append((name, settings.width))
        return StillSource(int(name))

    openers.register("camera", "still", still)
    try:
        source = open_source(CaptureSettings("still:77", width=320))
        assert asked == [("77", 320)] and source.read()[1].max() == 77
        worker = CaptureWorker("face", CaptureSettings("still:9", width=160, height=120)).start()
        try:
            assert worker.wait_running(5) and worker.latest().image.max() == 9
        finally:
            worker.stop()
    finally:
        openers.unregister("camera", "still", still)
    with pytest.raises(CameraError) as err:
        open_source(CaptureSettings("still:77"))
    assert err.value.code == "source_invalid" and "still:" in err.value.message


def test_without_the_twins_a_virtual_source_is_reported_not_opened():
    openers.unregister("camera", "virtual")
    events = Events()
    worker = CaptureWorker("face", CaptureSettings("virtual:empty"), events,
                           reopen_interval_s=0.1).start()
    try:
        lost = events.wait("lost")
        assert lost and lost[0]["code"] == "source_invalid" and "virtual:" in lost[0]["message"]
        assert not worker.wait_running(0.3)
    finally:
        worker.stop()


def test_rotation_mirror_and_size_follow_settings():
    raw = np.zeros((240, 320, 3), np.uint8)
    raw[:, :10] = 255                                   # a white stripe on the left edge
    out = shape_frame(raw, CaptureSettings("x", width=640, height=480, mirror=True))
    assert out.shape == (480, 640, 3)
    assert out[:, -5].mean() > 200 and out[:, 5].mean() < 50
    rotated = shape_frame(raw, CaptureSettings("x", width=640, height=480, rotation=90))
    assert rotated.shape == (640, 480, 3)               # portrait: width and height swap
    assert rotated[5, :].mean() > 200                   # the left edge is now the top


def test_latest_frame_hands_over_only_the_newest():
    slot = LatestFrame()
    for value in range(5):
        slot.publish(np.full((2, 2), value, np.uint8))
    frame = slot.latest()
    assert frame.seq == 5 and frame.image[0, 0] == 4    # the four older frames are gone
    assert slot.wait_newer(5, timeout=0.05) is None
    slot.clear()
    assert slot.latest() is None
    assert frame.image.max() == 0                       # wiped, not just dropped


def test_virtual_camera_runs_at_configured_rate_and_slow_consumers_skip(fresh_twins):
    worker = CaptureWorker("face", CaptureSettings("virtual:empty", fps=25)).start()
    try:
        assert worker.wait_running(5)
        seen = []
        for _ in range(4):                              # a consumer slower than the camera
            frame = worker.wait_newer(seen[-1] if seen else 0, 1.0)
            seen.append(frame.seq)
            time.sleep(0.2)
        gaps = np.diff(seen)
        assert gaps.min() >= 3                          # ~5 frames dropped per 0.2 s, never queued
        assert 20 <= worker.measured_fps <= 30
    finally:
        worker.stop()
    assert worker.latest() is None


def test_video_file_plays_and_loops(tmp_path, fresh_twins):
    path = str(tmp_path / "clip.avi")
    writer = cv2.VideoWriter(path, cv2.VideoWriter_fourcc(*"MJPG"), 25, (320, 240))
    for i in range(10):
        writer.write(np.full((240, 320, 3), 20 * i, np.uint8))
    writer.release()
    events = Events()
    worker = CaptureWorker("document", CaptureSettings(path, width=640, height=480, fps=50),
                           events).start()
    try:
        assert worker.wait_running(5)
        deadline = time.monotonic() + 5
        while worker.latest().seq < 25 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert worker.latest().seq >= 25                # more frames than the file has: it looped
        assert worker.latest().image.shape == (480, 640, 3)
        assert [k for k, _ in events.items] == ["opened"]   # looping is not a loss
    finally:
        worker.stop()


def test_unplugged_camera_is_reported_and_reopened(fresh_twins):
    events = Events()
    device = fresh_twins.device("empty")
    worker = CaptureWorker("face", CaptureSettings("virtual:empty"), events,
                           reopen_interval_s=0.1).start()
    try:
        opened = events.wait("opened")
        assert opened[0]["width"] == 640 and opened[0]["source"] == "virtual:empty"
        device.unplug()
        lost = events.wait("lost")
        assert lost and lost[0]["code"] == "open_failed"
        assert worker.state == "lost"
        time.sleep(0.4)                                 # several failed reopen tries ...
        assert len(events.wait("lost")) == 1            # ... reported once
        assert worker.latest() is None                  # the last picture went with the camera
        device.replug()
        assert events.wait("reopened")
        assert worker.wait_running(2.0)
        assert worker.state == "running" and device.opens >= 2
    finally:
        worker.stop()
    assert events.items[-1][0] == "stopped" and worker.state == "stopped"


def test_missing_device_reports_lost_with_reason(tmp_path):
    events = Events()
    worker = CaptureWorker("qr", CaptureSettings(str(tmp_path / "no-such-camera")), events,
                           reopen_interval_s=0.1).start()
    try:
        lost = events.wait("lost")
        assert lost and "does not exist" in lost[0]["message"]
        assert not worker.wait_running(0.3)
    finally:
        worker.stop()


def test_frame_loop_processes_at_its_own_pace(fresh_twins):
    worker = CaptureWorker("face", CaptureSettings("virtual:empty", fps=25)).start()
    results = []

    def slow(image):
        time.sleep(0.12)                                # slower than the 40 ms frame period
        return image.shape

    loop = FrameLoop(worker, slow, lambda r: results.append(r) or len(results) >= 5).start()
    try:
        deadline = time.monotonic() + 5
        while loop.running and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(results) == 5 and not loop.running
        assert worker.latest().seq > 12                 # the camera kept going meanwhile
    finally:
        loop.stop()
        worker.stop()


class MjpegCamera:
    """An IP camera stand-in: an MJPEG stream over HTTP on 127.0.0.1, stoppable and restartable
    on the same port (what a network camera that reboots looks like)."""

    def __init__(self) -> None:
        self.port = 0
        self.server = None
        self.stopping = threading.Event()

    def start(self) -> "MjpegCamera":
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
        stopping = self.stopping
        stopping.clear()

        class Stream(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "multipart/x-mixed-replace; boundary=frame")
                self.end_headers()
                index = 0
                while not stopping.is_set():
                    ok, jpeg = cv2.imencode(".jpg", np.full((240, 320, 3), index % 250, np.uint8))
                    try:
                        self.wfile.write(b"--frame\r\nContent-Type: image/jpeg\r\nContent-Length: "
                                         + str(len(jpeg)).encode() + b"\r\n\r\n" + jpeg.tobytes()
                                         + b"\r\n")
                    except OSError:
                        return
                    index += 1
                    time.sleep(0.04)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Stream)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self.server.shutdown()
        self.server.server_close()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/stream.mjpg"


def test_stream_url_camera_that_reboots_is_reopened():
    camera = MjpegCamera().start()
    events = Events()
    worker = CaptureWorker("document", CaptureSettings(camera.url, fps=25), events,
                           reopen_interval_s=0.2).start()
    try:
        assert events.wait("opened", timeout=10)
        assert worker.wait_running(5) and worker.latest().image.shape == (480, 640, 3)
        camera.stop()
        assert events.wait("lost", timeout=15)
        camera.start()                                   # same port
        assert events.wait("reopened", timeout=15)
        seq = worker.latest().seq
        assert worker.wait_newer(seq, 3.0) is not None
    finally:
        worker.stop()
        camera.stop()
