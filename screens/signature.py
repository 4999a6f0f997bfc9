"""A signing pad: the citizen signs with a finger; Clear starts again. png() is what is submitted."""
from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget


class SignaturePad(QWidget):
    changed = Signal()

    def __init__(self):
        super().__init__()
        self.setMinimumHeight(300)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setAttribute(Qt.WA_AcceptTouchEvents, True)
        self.strokes: list[list[QPointF]] = []

    @property
    def has_ink(self) -> bool:
        return any(len(stroke) > 1 for stroke in self.strokes)

    def clear(self) -> None:
        self.strokes = []
        self.update()
        self.changed.emit()

    def draw(self, points: list[tuple[float, float]]) -> None:
        """One stroke through these points (what a finger does; tests and the walkthrough)."""
        self.strokes.append([QPointF(x, y) for x, y in points])
        self.update()
        self.changed.emit()

    def mousePressEvent(self, event) -> None:
        self.strokes.append([event.position()])

    def mouseMoveEvent(self, event) -> None:
        if self.strokes:
            self.strokes[-1].append(event.position())
            self.update()

    def mouseReleaseEvent(self, _event) -> None:
        self.changed.emit()

    def _paint(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.Antialiasing)
        pen = QPen(QColor("#1a1a1a"), 5)
        pen.setCapStyle(Qt.RoundCap)
        pen.setJoinStyle(Qt.RoundJoin)
        painter.setPen(pen)
        for stroke in self.strokes:
            if len(stroke) < 2:
                continue
            path = QPainterPath(stroke[0])
            for point in stroke[1:]:
                path.lineTo(point)
            painter.drawPath(path)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QPen(QColor("#0b4f9c"), 2, Qt.DashLine))
        baseline = int(self.height() * 0.75)
        painter.drawLine(24, baseline, self.width() - 24, baseline)
        self._paint(painter)
        painter.end()

    def png(self) -> bytes:
        """The signature alone, black on white, as PNG."""
        image = QImage(self.size(), QImage.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        self._paint(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.WriteOnly)
        image.save(buffer, "PNG")
        return bytes(data.data())
