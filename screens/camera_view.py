"""The live camera preview shared by the face, QR and document screens.

A QTimer looks for a newer frame from the capture worker every 15 ms (frames the UI did not
take are dropped by the worker, never queued) and paints it with an overlay: a guide oval for the
face, a target square for QR codes, the page outline for documents. Detection runs in its own
thread (devices.camera.capture.FrameLoop) and only sends the overlay its results.
"""
from __future__ import annotations

import time

import cv2
import numpy as np
from PySide6.QtCore import QObject, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from screens import theme

GUIDE_IDLE = QColor("#ffffff")
GUIDE_FIX = QColor("#f0a020")
GUIDE_OK = QColor("#2fb34a")


class ResultRelay(QObject):
    """Carries results from a detection thread to the UI thread (queued signal)."""
    result = Signal(object)
    error = Signal(object)


class CameraView(QWidget):
    """Paints the newest frame of a CaptureWorker, scaled to cover the widget, plus an overlay."""

    def __init__(self, overlay: str = "face", parent: QWidget | None = None):
        super().__init__(parent)
        self.overlay = overlay            # face, qr, document
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setMinimumSize(320, 240)
        self.worker = None
        self._image: QImage | None = None
        self._seq = 0
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.PreciseTimer)
        self._timer.timeout.connect(self._pull)
        self._shown: list[float] = []      # when each new camera frame was taken for display
        self.guide_color = GUIDE_IDLE
        self.face_box: tuple[float, float, float, float] | None = None
        self.page_corners: np.ndarray | None = None     # in 0..1 frame coordinates
        self.mirror_preview = False                     # a selfie view feels natural to citizens
        self.message = ""
        self.lost = False

    def attach(self, worker) -> None:
        self.worker = worker
        self._seq = 0
        self.lost = False
        self._timer.start(15)            # polls faster than any camera rate: no frame is missed

    def set_lost(self, lost: bool) -> None:
        """The camera stopped delivering (True) or is back (False): say so instead of freezing."""
        self.lost = lost
        if lost:
            self._image = None
        self.update()

    def detach(self) -> None:
        self._timer.stop()
        self.worker = None
        self._image = None                # the last frame goes with the screen
        self.face_box = None
        self.page_corners = None
        self.update()

    @property
    def preview_fps(self) -> float:
        """New camera frames put on screen per second, over the last two seconds."""
        now = time.monotonic()
        recent = [t for t in self._shown if now - t <= 2.0]
        return (len(recent) - 1) / (recent[-1] - recent[0]) if len(recent) > 2 else 0.0

    def _pull(self) -> None:
        if self.worker is None:
            return
        frame = self.worker.latest()
        if frame is None or frame.seq == self._seq:
            return
        self._seq = frame.seq
        image = frame.image
        if self.mirror_preview:
            image = cv2.flip(image, 1)
        rgb = cv2.cvtColor(image, cv2.COLOR_BGR2RGB)
        h, w = rgb.shape[:2]
        # copy(): the QImage must own its pixels, the worker wipes its buffers
        self._image = QImage(rgb.data, w, h, 3 * w, QImage.Format_RGB888).copy()
        self._shown.append(time.monotonic())
        if len(self._shown) > 120:
            del self._shown[:60]
        self.update()

    def _target(self) -> QRectF:
        """Where the frame is drawn: the whole frame, as large as fits, centred (the guides are
        placed on the frame, so the citizen's face and the oval line up in any orientation)."""
        iw, ih = (self._image.width(), self._image.height()) if self._image is not None else (4, 3)
        scale = min(self.width() / iw, self.height() / ih)
        w, h = iw * scale, ih * scale
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def _to_widget(self, x: float, y: float, target: QRectF) -> QPointF:
        if self.mirror_preview:
            x = 1.0 - x
        return QPointF(target.left() + x * target.width(), target.top() + y * target.height())

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        p.fillRect(self.rect(), QColor(theme.BACKGROUND))
        target = self._target()
        p.fillRect(target, QColor("#1b2430"))
        if self._image is not None:
            p.drawImage(target, self._image)
        else:
            p.setPen(QColor("white"))
            text = self.tr("The camera is not responding. Trying again…") if self.lost else self.message
            p.drawText(target.adjusted(20, 0, -20, 0), Qt.AlignCenter | Qt.TextWordWrap, text)
        if self.overlay == "face":
            self._paint_oval(p, target)
        elif self.overlay == "qr":
            self._paint_square(p, target)
        elif self.overlay == "document" and self.page_corners is not None:
            pen = QPen(GUIDE_OK, 6)
            p.setPen(pen)
            p.drawPolygon(QPolygonF([self._to_widget(x, y, target) for x, y in self.page_corners]))
        p.end()

    def _paint_oval(self, p: QPainter, target: QRectF) -> None:
        # sized for a face of ~1/4 of the frame width, where the quality gates want it
        ow, oh = target.width() * 0.34, target.height() * 0.62
        oval = QRectF(target.center().x() - ow / 2, target.center().y() - oh / 2 - target.height() * 0.03,
                      ow, oh)
        # dim outside the oval so the citizen sees where their face goes
        from PySide6.QtGui import QPainterPath
        outside = QPainterPath()
        outside.addRect(target)
        inner = QPainterPath()
        inner.addEllipse(oval)
        p.fillPath(outside.subtracted(inner), QColor(0, 0, 0, 110))
        p.setPen(QPen(self.guide_color, 8))
        p.drawEllipse(oval)

    def _paint_square(self, p: QPainter, target: QRectF) -> None:
        side = min(target.width(), target.height()) * 0.6
        square = QRectF(target.center().x() - side / 2, target.center().y() - side / 2, side, side)
        p.setPen(QPen(QColor(theme.SURFACE), 6, Qt.DashLine))
        p.drawRoundedRect(square, 16, 16)


class LiveCamera(QObject):
    """A screen's use of one camera: acquire it, show it in a CameraView, run one detection loop
    whose results reach the UI thread through relay.result; stop() undoes all of it.
    A QObject so that the bridge's device events reach it in the UI thread (queued)."""

    def __init__(self, ctx, role: str, view: CameraView, relay: ResultRelay):
        super().__init__(view)
        self.ctx = ctx
        self.role = role
        self.view = view
        self.relay = relay
        self.worker = None
        self.loop = None

    @property
    def running(self) -> bool:
        return self.loop is not None

    def start(self, fn, finished=lambda result: False, wanted=lambda result: True) -> bool:
        """Run fn on the newest frames; results for which wanted() holds are relayed; the loop
        ends when finished(result) holds. False when this kiosk has no cameras."""
        self.stop()
        service = self.ctx.services.camera
        if service is None:
            return False
        self.worker = service.acquire(self.role)
        self.view.attach(self.worker)

        def on_result(result) -> bool:       # in the detection thread
            if wanted(result):
                self.relay.result.emit(result)
            return finished(result)

        self.loop = service.run_on_frames(self.worker, fn, on_result, self.relay.error.emit,
                                          name=f"{self.role}-screen")
        if self.ctx.bridge is not None:
            self.ctx.bridge.event.connect(self._on_device)
        return True

    def _on_device(self, device: str, kind: str, payload) -> None:
        if device != "camera" or not isinstance(payload, dict) or payload.get("role") != self.role:
            return
        if kind == "lost":
            self.view.set_lost(True)
        elif kind in ("opened", "reopened"):
            self.view.set_lost(False)

    def stop(self) -> None:
        if self.ctx.bridge is not None and self.loop is not None:
            self.ctx.bridge.event.disconnect(self._on_device)
        if self.loop is not None:
            self.loop.stop()
            self.loop = None
        if self.worker is not None:
            self.view.detach()
            self.ctx.services.camera.release(self.role)
            self.worker = None
