"""Shared widgets: every screen builds from these so sizes and styles stay consistent."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea,
                               QSizePolicy, QVBoxLayout, QWidget)

from screens import icons


def label(text: str = "", kind: str = "", wrap: bool = True) -> QLabel:
    """A label styled by kind: 'ScreenTitle', 'Heading', 'Muted', 'Small' or '' for body text."""
    lab = QLabel(text)
    if kind:
        lab.setObjectName(kind)
    lab.setWordWrap(wrap)
    lab.setTextInteractionFlags(Qt.NoTextInteraction)
    return lab


def button(text: str = "", role: str = "", on_click: Callable[[], None] | None = None,
           icon_name: str | None = None) -> QPushButton:
    """A touch button; role '' (secondary), 'primary', 'tile', 'chip', 'header' or 'key'."""
    btn = QPushButton(text)
    if role:
        btn.setProperty("role", role)
    btn.setFocusPolicy(Qt.NoFocus)
    btn.setCursor(Qt.PointingHandCursor)
    if icon_name:
        btn.setIcon(icons.icon(icon_name, 128, "white" if role == "primary" else "#0b4f9c"))
        btn.setIconSize(QSize(40, 40))
    if on_click is not None:
        btn.clicked.connect(lambda _checked=False: on_click())
    return btn


class Tile(QPushButton):
    """A big task entry: pictogram above a caption, for the home screen and menus."""

    def __init__(self, icon_name: str, on_click: Callable[[], None]):
        super().__init__()
        self.setProperty("role", "tile")
        self.setFocusPolicy(Qt.NoFocus)
        self.setCursor(Qt.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self._icon_name = icon_name
        col = QVBoxLayout(self)
        col.setContentsMargins(16, 16, 16, 16)
        col.setSpacing(12)
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignHCenter | Qt.AlignBottom)
        self.caption = QLabel()
        self.caption.setAlignment(Qt.AlignHCenter | Qt.AlignTop)
        self.caption.setWordWrap(True)
        for part in (self.picture, self.caption):
            part.setAttribute(Qt.WA_TransparentForMouseEvents, True)
            col.addWidget(part, 1)
        self.clicked.connect(lambda _checked=False: on_click())

    def set_caption(self, caption: str, icon_px: int, font_pt: int = 22) -> None:
        self.setAccessibleName(caption)
        self.caption.setStyleSheet(f"font-size: {font_pt}pt; font-weight: bold; color: #083a73;"
                                   " background: transparent;")
        self.picture.setPixmap(icons.pixmap(self._icon_name, icon_px))
        self.caption.setText(caption)

    def sizeHint(self) -> QSize:
        return QSize(240, 200)


class Card(QFrame):
    """A white rounded panel with its own vertical layout."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("Card")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(24, 20, 24, 20)
        self.body.setSpacing(12)


_SPOKEN_KIND = {"error": "error", "warn": "error", "ok": "result", "info": "info"}


class Banner(QFrame):
    """A message strip; level 'info', 'ok', 'warn' or 'error' is said in words too, not colour alone."""

    def __init__(self, level: str = "info", text: str = ""):
        super().__init__()
        self.setObjectName("Banner")
        row = QHBoxLayout(self)
        row.setContentsMargins(20, 14, 20, 14)
        self.text = label(text)
        row.addWidget(self.text, 1)
        self.set(level, text)

    def set(self, level: str, text: str) -> None:
        self.setProperty("level", level)
        self.text.setText(text)
        self.style().unpolish(self)
        self.style().polish(self)
        self.setVisible(bool(text))
        if text and self.isVisible():
            # voice guidance says what the banner on the current screen says (screens/speech.py decides if and how)
            speaker = getattr(self.window(), "speaker", None)
            if speaker is not None:
                speaker.announce(text, _SPOKEN_KIND.get(level, "info"))


class Scroll(QScrollArea):
    """A vertical scroll area for long content (guides, lists), swiped by touch."""

    def __init__(self):
        super().__init__()
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.inner = QWidget()
        self.inner.setObjectName("ScrollInner")
        self.inner.setStyleSheet("#ScrollInner { background: transparent; }")
        self.body = QVBoxLayout(self.inner)
        self.body.setContentsMargins(0, 0, 12, 0)
        self.body.setSpacing(14)
        self.setWidget(self.inner)
        from PySide6.QtWidgets import QScroller
        QScroller.grabGesture(self.viewport(), QScroller.LeftMouseButtonGesture)

    def clear(self) -> None:
        clear_layout(self.body)


def clear_layout(layout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().hide()          # deleteLater is deferred: do not paint it meanwhile
            item.widget().deleteLater()
        elif item.layout() is not None:
            clear_layout(item.layout())


class Spinner(QWidget):
    """A busy indicator for anything slow: a rotating arc painted on a timer."""

    def __init__(self, size: int = 72):
        super().__init__()
        from PySide6.QtCore import QTimer
        self.setFixedSize(size, size)
        self._angle = 0
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._timer.start(50)
        self.show()

    def stop(self) -> None:
        self._timer.stop()
        self.hide()

    def _tick(self) -> None:
        self._angle = (self._angle + 30) % 360
        self.update()

    def paintEvent(self, _event) -> None:
        from PySide6.QtGui import QColor, QPainter, QPen
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        pen = QPen(QColor("#0b4f9c"), self.width() / 10)
        pen.setCapStyle(Qt.RoundCap)
        p.setPen(pen)
        m = self.width() / 8
        p.drawArc(self.rect().adjusted(m, m, -m, -m), -self._angle * 16, 270 * 16)
