"""Pictograms drawn with QPainter, so the kiosk ships no image files and icons scale cleanly."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

Painter = Callable[[QPainter, float], None]
_ICONS: dict[str, Painter] = {}


def _icon(name: str):
    def deco(fn: Painter) -> Painter:
        _ICONS[name] = fn
        return fn
    return deco


def pixmap(name: str, size: int, color: str = "#0b4f9c") -> QPixmap:
    pm = QPixmap(size, size)
    pm.fill(Qt.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.Antialiasing)
    pen = QPen(QColor(color), max(2.0, size / 16))
    pen.setCapStyle(Qt.RoundCap)
    pen.setJoinStyle(Qt.RoundJoin)
    p.setPen(pen)
    p.setBrush(Qt.NoBrush)
    _ICONS.get(name, _ICONS["dot"])(p, float(size))
    p.end()
    return pm


def icon(name: str, size: int = 96, color: str = "#0b4f9c") -> QIcon:
    return QIcon(pixmap(name, size, color))


def names() -> list[str]:
    return sorted(_ICONS)


@_icon("dot")
def _dot(p: QPainter, s: float) -> None:
    p.drawEllipse(QPointF(s / 2, s / 2), s / 6, s / 6)


@_icon("search")
def _search(p: QPainter, s: float) -> None:
    p.drawEllipse(QPointF(s * 0.42, s * 0.42), s * 0.24, s * 0.24)
    p.drawLine(QPointF(s * 0.6, s * 0.6), QPointF(s * 0.85, s * 0.85))


@_icon("guide")
def _guide(p: QPainter, s: float) -> None:
    p.drawRoundedRect(QRectF(s * 0.22, s * 0.12, s * 0.56, s * 0.76), s * 0.05, s * 0.05)
    for i in range(4):
        y = s * (0.3 + 0.14 * i)
        p.drawLine(QPointF(s * 0.33, y), QPointF(s * (0.67 if i < 3 else 0.5), y))


@_icon("print")
def _print(p: QPainter, s: float) -> None:
    p.drawRect(QRectF(s * 0.3, s * 0.14, s * 0.4, s * 0.22))
    p.drawRoundedRect(QRectF(s * 0.14, s * 0.36, s * 0.72, s * 0.32), s * 0.05, s * 0.05)
    p.drawRect(QRectF(s * 0.3, s * 0.56, s * 0.4, s * 0.3))
    p.drawLine(QPointF(s * 0.37, s * 0.68), QPointF(s * 0.63, s * 0.68))
    p.drawLine(QPointF(s * 0.37, s * 0.77), QPointF(s * 0.63, s * 0.77))


@_icon("case")
def _case(p: QPainter, s: float) -> None:
    p.drawEllipse(QPointF(s * 0.5, s * 0.5), s * 0.34, s * 0.34)
    p.drawLine(QPointF(s * 0.5, s * 0.5), QPointF(s * 0.5, s * 0.28))
    p.drawLine(QPointF(s * 0.5, s * 0.5), QPointF(s * 0.66, s * 0.6))


@_icon("ticket")
def _ticket(p: QPainter, s: float) -> None:
    path = QPainterPath()
    path.moveTo(s * 0.12, s * 0.28)
    path.lineTo(s * 0.88, s * 0.28)
    path.lineTo(s * 0.88, s * 0.42)
    path.arcTo(QRectF(s * 0.8, s * 0.42, s * 0.16, s * 0.16), 90, 180)
    path.lineTo(s * 0.88, s * 0.72)
    path.lineTo(s * 0.12, s * 0.72)
    path.lineTo(s * 0.12, s * 0.58)
    path.arcTo(QRectF(s * 0.04, s * 0.42, s * 0.16, s * 0.16), -90, 180)
    path.closeSubpath()
    p.drawPath(path)
    p.drawLine(QPointF(s * 0.36, s * 0.42), QPointF(s * 0.64, s * 0.42))
    p.drawLine(QPointF(s * 0.36, s * 0.58), QPointF(s * 0.64, s * 0.58))


@_icon("star")
def _star(p: QPainter, s: float) -> None:
    import math
    path = QPainterPath()
    for i in range(10):
        r = s * (0.38 if i % 2 == 0 else 0.16)
        a = math.pi / 2 + i * math.pi / 5
        pt = QPointF(s / 2 + r * math.cos(a), s * 0.53 - r * math.sin(a))
        path.moveTo(pt) if i == 0 else path.lineTo(pt)
    path.closeSubpath()
    p.drawPath(path)


@_icon("idcard")
def _idcard(p: QPainter, s: float) -> None:
    p.drawRoundedRect(QRectF(s * 0.1, s * 0.24, s * 0.8, s * 0.52), s * 0.06, s * 0.06)
    p.drawEllipse(QPointF(s * 0.68, s * 0.45), s * 0.08, s * 0.08)
    p.drawLine(QPointF(s * 0.56, s * 0.64), QPointF(s * 0.8, s * 0.64))
    p.drawLine(QPointF(s * 0.2, s * 0.4), QPointF(s * 0.46, s * 0.4))
    p.drawLine(QPointF(s * 0.2, s * 0.52), QPointF(s * 0.46, s * 0.52))
    p.drawLine(QPointF(s * 0.2, s * 0.64), QPointF(s * 0.4, s * 0.64))


@_icon("chip")
def _chip(p: QPainter, s: float) -> None:
    p.drawRoundedRect(QRectF(s * 0.1, s * 0.24, s * 0.8, s * 0.52), s * 0.06, s * 0.06)
    p.drawRoundedRect(QRectF(s * 0.2, s * 0.38, s * 0.18, s * 0.16), s * 0.03, s * 0.03)
    p.drawLine(QPointF(s * 0.5, s * 0.62), QPointF(s * 0.8, s * 0.62))


@_icon("face")
def _face(p: QPainter, s: float) -> None:
    p.drawEllipse(QPointF(s * 0.5, s * 0.5), s * 0.3, s * 0.36)
    p.drawPoint(QPointF(s * 0.4, s * 0.44))
    p.drawPoint(QPointF(s * 0.6, s * 0.44))
    p.drawArc(QRectF(s * 0.38, s * 0.5, s * 0.24, s * 0.16), 200 * 16, 140 * 16)


@_icon("qr")
def _qr(p: QPainter, s: float) -> None:
    for x, y in ((0.14, 0.14), (0.58, 0.14), (0.14, 0.58)):
        p.drawRect(QRectF(s * x, s * y, s * 0.28, s * 0.28))
    p.drawRect(QRectF(s * 0.62, s * 0.62, s * 0.1, s * 0.1))
    p.drawRect(QRectF(s * 0.76, s * 0.76, s * 0.1, s * 0.1))


@_icon("apply")
def _apply(p: QPainter, s: float) -> None:
    p.drawRoundedRect(QRectF(s * 0.2, s * 0.12, s * 0.52, s * 0.72), s * 0.05, s * 0.05)
    p.drawLine(QPointF(s * 0.52, s * 0.7), QPointF(s * 0.84, s * 0.38))
    p.drawLine(QPointF(s * 0.3, s * 0.3), QPointF(s * 0.6, s * 0.3))
    p.drawLine(QPointF(s * 0.3, s * 0.44), QPointF(s * 0.56, s * 0.44))


@_icon("home")
def _home(p: QPainter, s: float) -> None:
    path = QPainterPath()
    path.moveTo(s * 0.14, s * 0.5)
    path.lineTo(s * 0.5, s * 0.16)
    path.lineTo(s * 0.86, s * 0.5)
    p.drawPath(path)
    p.drawRect(QRectF(s * 0.26, s * 0.46, s * 0.48, s * 0.38))


@_icon("back")
def _back(p: QPainter, s: float) -> None:
    p.drawLine(QPointF(s * 0.2, s * 0.5), QPointF(s * 0.8, s * 0.5))
    p.drawLine(QPointF(s * 0.2, s * 0.5), QPointF(s * 0.42, s * 0.28))
    p.drawLine(QPointF(s * 0.2, s * 0.5), QPointF(s * 0.42, s * 0.72))


@_icon("network")
def _network(p: QPainter, s: float) -> None:
    for i, h in enumerate((0.2, 0.35, 0.5, 0.65)):
        x = s * (0.2 + 0.17 * i)
        p.drawLine(QPointF(x, s * 0.82), QPointF(x, s * (0.82 - h)))


@_icon("staff")
def _staff(p: QPainter, s: float) -> None:
    p.drawEllipse(QPointF(s * 0.5, s * 0.34), s * 0.16, s * 0.16)
    p.drawArc(QRectF(s * 0.2, s * 0.56, s * 0.6, s * 0.5), 0, 180 * 16)
