"""The idle countdown (WCAG 2.2.1: warn, at least 20 s, one action to extend, unlimited extensions)
and the attract loop shown when nobody is at the kiosk."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QVBoxLayout, QWidget

from screens import icons
from screens.widgets import button, label


class IdleWarning(QWidget):
    def __init__(self, parent: QWidget, on_continue, on_expire):
        super().__init__(parent)
        self.setObjectName("Overlay")
        self.setAttribute(Qt.WA_StyledBackground, True)
        self._on_continue = on_continue
        self._on_expire = on_expire
        self._left = 0
        outer = QVBoxLayout(self)
        outer.setContentsMargins(60, 60, 60, 60)
        outer.addStretch(1)
        box = QWidget()
        box.setObjectName("Dialog")
        box.setAttribute(Qt.WA_StyledBackground, True)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(40, 40, 40, 40)
        inner.setSpacing(24)
        self.heading = label("", "Heading")
        self.heading.setAlignment(Qt.AlignCenter)
        self.count = label("", "ScreenTitle")
        self.count.setAlignment(Qt.AlignCenter)
        self.explain = label("")
        self.explain.setAlignment(Qt.AlignCenter)
        self.continue_button = button("", "primary", self._continue)
        self.end_button = button("", "", self.expire_now)
        for w in (self.heading, self.count, self.explain, self.continue_button, self.end_button):
            inner.addWidget(w)
        outer.addWidget(box)
        outer.addStretch(1)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self.hide()

    def start(self, seconds: int) -> None:
        self._left = seconds
        self.setGeometry(self.parentWidget().rect())
        self.retranslate()
        self.raise_()
        self.show()
        self._timer.start(1000)

    def dismiss(self) -> None:
        self._timer.stop()
        self.hide()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Are you still there?"))
        self.count.setText(str(self._left))
        self.explain.setText(self.tr("To protect your personal information, this session will end and "
                                     "your data will be cleared when the countdown reaches zero."))
        self.continue_button.setText(self.tr("Continue"))
        self.end_button.setText(self.tr("End now"))

    def _tick(self) -> None:
        self._left -= 1
        self.count.setText(str(max(self._left, 0)))
        if self._left <= 0:
            self.expire_now()

    def _continue(self) -> None:
        self.dismiss()
        self._on_continue()

    def expire_now(self) -> None:
        self.dismiss()
        self._on_expire()


class AttractOverlay(QWidget):
    """Slides that invite a passer-by; any touch returns to the home screen."""

    SLIDES = (
        ("idcard", QT_TRANSLATE_NOOP("AttractOverlay", "One ID card for everything")),
        ("guide", QT_TRANSLATE_NOOP("AttractOverlay", "Find a service and its guide")),
        ("print", QT_TRANSLATE_NOOP("AttractOverlay", "Print your e-licences and certificates")),
        ("case", QT_TRANSLATE_NOOP("AttractOverlay", "Check the progress of your case")),
        ("ticket", QT_TRANSLATE_NOOP("AttractOverlay", "Take a queue number")),
    )

    def __init__(self, parent: QWidget, ctx):
        super().__init__(parent)
        self.ctx = ctx
        self.setAttribute(Qt.WA_StyledBackground, True)
        self.setStyleSheet("background: #0b4f9c;")
        self._index = 0
        col = QVBoxLayout(self)
        col.setContentsMargins(80, 80, 80, 80)
        col.addStretch(2)
        self.picture = label("", wrap=False)
        self.picture.setAlignment(Qt.AlignCenter)
        self.welcome = label("", "ScreenTitle")
        self.caption = label("", "ScreenTitle")
        self.touch = label("", "Heading")
        for w in (self.welcome, self.caption, self.touch):
            w.setAlignment(Qt.AlignCenter)
            w.setStyleSheet("color: white;")
        col.addWidget(self.welcome)
        col.addSpacing(40)
        col.addWidget(self.picture)
        col.addWidget(self.caption)
        col.addStretch(3)
        col.addWidget(self.touch)
        col.addStretch(1)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._next)
        self.hide()

    def start(self) -> None:
        self._index = 0
        self.setGeometry(self.parentWidget().rect())
        self.retranslate()
        self.raise_()
        self.show()
        self._timer.start(5000)

    def stop(self) -> None:
        self._timer.stop()
        self.hide()

    def _next(self) -> None:
        self._index = (self._index + 1) % len(self.SLIDES)
        self.retranslate()

    def retranslate(self) -> None:
        icon_name, text = self.SLIDES[self._index]
        self.welcome.setText(self.tr("Welcome to the self-service kiosk"))
        self.picture.setPixmap(icons.pixmap(icon_name, 320, "white"))
        self.caption.setText(QCoreApplication.translate("AttractOverlay", text))
        self.touch.setText(self.tr("Touch the screen to start"))

    def mousePressEvent(self, event) -> None:
        self.stop()
        self.parentWidget().after_attract()
        event.accept()
