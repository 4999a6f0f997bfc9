"""The navigation shell: header (hall, clock, platform state, language, elderly mode), the screen
stack, the footer (Back, Home), the idle countdown and the attract loop.

Citizens cannot close it: close events, Esc and Alt+F4 are ignored unless staff allowed quitting.
"""
from __future__ import annotations

import importlib
import logging
import pkgutil
from typing import Any

from PySide6.QtCore import QDateTime, QEvent, QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLayout, QSizePolicy, QStackedWidget,
                               QVBoxLayout, QWidget)

from kiosk import i18n, status
from kiosk.context import AppContext
from kiosk.residue import clear_widgets, personal_strings
from kiosk.restart_policy import EXIT_RESTART, RestartPolicy, RestartSettings
from screens import theme
from screens.base import SCREENS, Screen
from screens.idle import AttractOverlay, IdleWarning
from screens.speech import Speaker
from screens.widgets import button, label

log = logging.getLogger(__name__)


def load_screens() -> None:
    """Import every screens/*.py module so their @register_screen classes are known."""
    import screens as pkg
    for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda m: m.name):
        importlib.import_module(f"screens.{info.name}")


class ActivityFilter(QObject):
    """Any touch, click or key anywhere in the application counts as the citizen being there."""

    def __init__(self, on_activity, parent: QObject):
        # a child of the shell: destroyed with it, so the application never calls a dead filter
        super().__init__(parent)
        self._on_activity = on_activity

    def eventFilter(self, obj, event) -> bool:
        if event.type() in (QEvent.MouseButtonPress, QEvent.TouchBegin, QEvent.KeyPress,
                            QEvent.Wheel):
            self._on_activity()
        return False


class Shell(QWidget):
    first_painted = Signal()   # the moment to bring up devices: the citizen already sees the kiosk

    def __init__(self, ctx: AppContext, allow_quit: bool = False):
        super().__init__()
        self.ctx = ctx
        self.allow_quit = allow_quit
        self.setObjectName("Shell")
        self.setWindowTitle("Hall kiosk")
        self.setAttribute(Qt.WA_StyledBackground, True)
        # only the home screen is needed for the first paint; the others load right after it
        importlib.import_module("screens.home")
        self.first_painted.connect(load_screens)
        self._screens: dict[str, Screen] = {}
        self._history: list[tuple[str, dict[str, Any]]] = []
        self.maintenance = False
        # the safety-net restart: the policy counts sessions and uptime, the shell says when
        # nobody is there (see _restart_if_due)
        self.restart_policy = RestartPolicy(RestartSettings.from_config(ctx.config.kiosk))
        self.restart_requested: str | None = None     # the reason, once the restart is asked
        # voice guidance: one engine for the kiosk, switched in the header (screens/speech.py)
        self.speaker = Speaker(ctx, self, large_text=lambda: self.ctx.session.elderly_mode)

        root = QVBoxLayout(self)
        # the kiosk's size is the screen's, never its content's: a screen that wants more height
        # (wrapped text measured at the full width) must scroll, not push Home off the screen
        root.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        root.addWidget(self._build_header())
        self.title_label = label("", "ScreenTitle")
        self.title_label.setContentsMargins(40, 20, 40, 0)
        root.addWidget(self.title_label)
        self.stack = QStackedWidget()
        self.stack.setObjectName("ScreenStack")
        root.addWidget(self.stack, 1)
        root.addWidget(self._build_footer())

        self.idle_warning = IdleWarning(self, on_continue=self._touch, on_expire=self.end_session)
        self.attract = AttractOverlay(self, ctx)
        self._idle_timer = QTimer(self)
        self._idle_timer.setSingleShot(True)
        self._idle_timer.timeout.connect(self._on_idle)
        self._activity = ActivityFilter(self._touch, self)
        QApplication.instance().installEventFilter(self._activity)

        self._clock = QTimer(self)
        self._clock.timeout.connect(self._tick)
        self._clock.start(1000)

        if ctx.bridge is not None:
            ctx.bridge.event.connect(self._on_device_event)
        i18n.install(ctx.config.ui.language)
        ctx.session.elderly_mode = ctx.config.ui.elderly_mode
        self.apply_style()
        self.home()

    # ---- building -------------------------------------------------------------------------
    def _build_header(self) -> QWidget:
        header = QWidget()
        header.setObjectName("Header")
        header.setAttribute(Qt.WA_StyledBackground, True)
        row = QHBoxLayout(header)
        row.setContentsMargins(32, 14, 24, 14)
        row.setSpacing(14)
        left = QVBoxLayout()
        # long (English) hall names wrap instead of widening the window past the screen
        self.hall_label = label("", "HallName", wrap=True)
        self.hall_label.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        self.clock_label = label("", "Clock", wrap=False)
        left.addWidget(self.hall_label)
        left.addWidget(self.clock_label)
        # the platform state under the clock: the row beside keeps its width for the header's
        # four switches (large text, language, voice, repeat)
        self.status_label = label("", "Clock", wrap=False)
        left.addWidget(self.status_label)
        row.addLayout(left, 1)
        self.elderly_button = button("", "header", self.toggle_elderly)
        self.elderly_button.setCheckable(True)
        row.addWidget(self.elderly_button)
        self.lang_button = button("", "header", self.toggle_language)
        row.addWidget(self.lang_button)
        self.voice_button = button("", "header", self.toggle_voice)
        self.voice_button.setCheckable(True)
        row.addWidget(self.voice_button)
        self.repeat_button = button("", "header", self.speaker.repeat)
        row.addWidget(self.repeat_button)
        # staff entry: a long press on the hall name, so citizens do not find it by accident
        self.hall_label.installEventFilter(self)
        self._press_timer = QTimer(self)
        self._press_timer.setSingleShot(True)
        self._press_timer.timeout.connect(lambda: self.go("staff"))
        return header

    def _build_footer(self) -> QWidget:
        self.footer = QWidget()
        self.footer.setObjectName("Footer")
        self.footer.setAttribute(Qt.WA_StyledBackground, True)
        row = QHBoxLayout(self.footer)
        row.setContentsMargins(32, 14, 32, 14)
        row.setSpacing(16)
        self.back_button = button("", "", self.back, "back")
        self.home_button = button("", "primary", self.home, "home")
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.home_button)
        return self.footer

    def eventFilter(self, obj, event) -> bool:
        if obj is self.hall_label:
            if event.type() == QEvent.MouseButtonPress:
                self._press_timer.start(3000)
            elif event.type() == QEvent.MouseButtonRelease:
                self._press_timer.stop()
        return False

    # ---- navigation -----------------------------------------------------------------------
    def screen(self, name: str) -> Screen:
        if name not in self._screens:
            if name not in SCREENS:
                load_screens()
            if name not in SCREENS:
                raise KeyError(f"no screen named {name!r}")
            scr = SCREENS[name](self.ctx, self)
            self._screens[name] = scr
            self.stack.addWidget(scr)
        return self._screens[name]

    def current(self) -> Screen | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, Screen) else None

    def go(self, name: str, **params: Any) -> None:
        self._show(name, params)
        self._history.append((name, params))

    def back(self) -> None:
        if len(self._history) <= 1:
            self.home()
            return
        self._history.pop()
        name, params = self._history[-1]
        self._show(name, params)

    def home(self) -> None:
        name = "maintenance" if self.maintenance else "home"
        self._history = [(name, {})]
        self._show(name, {})

    def end_session(self) -> None:
        """Wipe the citizen's data and return to a fresh home screen in the default settings."""
        self.idle_warning.dismiss()
        # the widgets' own copies of what they showed (hidden labels keep their text)
        clear_widgets(self, personal_strings(self.ctx.session, self.ctx.config.privacy))
        self.ctx.session.wipe()
        clipboard = QApplication.clipboard()
        if clipboard is not None:
            clipboard.clear()
        if i18n.current_language() != self.ctx.config.ui.language:
            i18n.install(self.ctx.config.ui.language)
        if self.ctx.session.elderly_mode != self.ctx.config.ui.elderly_mode:
            self.ctx.session.elderly_mode = self.ctx.config.ui.elderly_mode
            self.apply_style()
        self.speaker.new_session()
        self.home()

    def _show(self, name: str, params: dict[str, Any]) -> None:
        target = self.screen(name)
        current = self.current()
        if current is not None and current is not target:
            current.leave()
        if not target.is_home:
            self.restart_policy.session_started()
        elif not self.ctx.session.active:
            self.restart_policy.session_ended()
        self.speaker.screen_changing()
        self.stack.setCurrentWidget(target)
        if self.isVisible() and not self.isActiveWindow():
            # the kiosk's one window must hold the keyboard focus, or no field takes typing (a
            # window that came and went, a preview or a dialog of a library, deactivated it)
            self.activateWindow()
        target.retranslate()
        target.enter(**params)
        self._refresh_chrome()
        self.speaker.screen_entered(target.spoken_intro())
        self._touch()

    def _on_device_event(self, device: str, kind: str, _payload) -> None:
        if device == "catalog" and kind == "changed":
            current = self.current()
            if current is not None and current.name in ("catalog", "service_list", "search"):
                current.retranslate()

    # ---- modes ----------------------------------------------------------------------------
    def toggle_language(self) -> None:
        i18n.install("en" if i18n.current_language() == "zh_CN" else "zh_CN")
        self.retranslate_all()
        # the citizen switched to the language they understand: say the screen again in it
        self._speak_current()

    def toggle_elderly(self) -> None:
        was_speaking = self.speaker.enabled
        self.ctx.session.elderly_mode = not self.ctx.session.elderly_mode
        self.apply_style()
        self.retranslate_all()
        if self.speaker.enabled and not was_speaking:
            self._speak_current()

    def toggle_voice(self) -> None:
        self.speaker.set_enabled(not self.speaker.enabled)
        self._refresh_chrome()
        if self.speaker.enabled:
            self._speak_current()

    def _speak_current(self) -> None:
        current = self.current()
        if current is not None:
            self.speaker.screen_entered(current.spoken_intro())

    def apply_style(self) -> None:
        self.setStyleSheet(theme.style_sheet(self.ctx.session.elderly_mode))

    def retranslate_all(self) -> None:
        current = self.current()
        if current is not None:
            current.retranslate()
        self.idle_warning.retranslate()
        self.attract.retranslate()
        self._refresh_chrome()

    def _refresh_chrome(self) -> None:
        current = self.current()
        on_home = current is None or current.is_home
        self.footer.setVisible(not on_home)
        self.back_button.setVisible(bool(current and current.show_back and len(self._history) > 1))
        self.title_label.setText(current.title() if current else "")
        self.title_label.setVisible(bool(self.title_label.text()))
        self.back_button.setText(self.tr("Back"))
        self.home_button.setText(self.tr("Home"))
        self.elderly_button.setText(self.tr("Large text"))
        self.elderly_button.setChecked(self.ctx.session.elderly_mode)
        self.voice_button.setText(self.tr("Voice"))
        self.voice_button.setChecked(self.speaker.enabled)
        self.repeat_button.setText(self.tr("Repeat"))
        self.repeat_button.setVisible(self.speaker.enabled)
        # the switch names the other language in that language, so either reader can find it
        self.lang_button.setText("English" if i18n.current_language() == "zh_CN" else "中文")
        self._refresh_header()

    def _tick(self) -> None:
        self._refresh_header()
        # at night the attract loop runs for hours with nobody there: a due restart happens then
        if self.attract.isVisible() and self._restart_if_due():
            self.attract.stop()

    def _refresh_header(self) -> None:
        kiosk = self.ctx.config.kiosk
        english = i18n.current_language() == "en"
        self.hall_label.setText(kiosk.hall_name_en if english else kiosk.hall_name)
        now = QDateTime.currentDateTime()
        fmt = "yyyy-MM-dd dddd HH:mm" if english else "yyyy年M月d日 dddd HH:mm"
        self.clock_label.setText(i18n.locale().toString(now, fmt))
        state = status.platform_state(self.ctx)
        self.status_label.setText(self._status_text(state))

    def _status_text(self, state: status.PlatformState) -> str:
        if state.online:
            return "● " + self.tr("Online")
        if state.guides_as_of:
            return "○ " + self.tr("Offline, guides as of %1").replace("%1", state.guides_as_of)
        return "○ " + self.tr("Offline")

    # ---- idle -----------------------------------------------------------------------------
    def _touch(self) -> None:
        if self.idle_warning.isVisible() or self.attract.isVisible():
            return
        current = self.current()
        at_rest = (current is None or current.is_home) and not self.ctx.session.active
        seconds = self.ctx.config.ui.attract_after_s if at_rest else self.ctx.config.ui.idle_timeout_s
        self._idle_timer.start(seconds * 1000)

    def _on_idle(self) -> None:
        current = self.current()
        if (current is None or current.is_home) and not self.ctx.session.active:
            if self._restart_if_due():
                return
            self.attract.start()
        else:
            self.idle_warning.start(self.ctx.config.ui.warning_s)
            self.speaker.stop()
            warning = self.idle_warning
            self.speaker.announce(" ".join((
                warning.heading.text(),
                self.tr("%1 seconds left.").replace("%1", warning.count.text()),
                warning.explain.text())), "countdown")

    def after_attract(self) -> None:
        self._touch()

    def _at_rest(self) -> bool:
        """Nobody is there: the home screen, nothing personal, no countdown running."""
        current = self.current()
        return ((current is None or current.is_home) and not self.ctx.session.active
                and not self.idle_warning.isVisible())

    def _restart_if_due(self) -> bool:
        """Asked when nobody has touched the home screen for the attract loop's delay, and each
        second while the attract loop runs: exit with EXIT_RESTART if the policy says it is time."""
        # a job still running (a print the citizen walked away from) finishes first
        busy = QThreadPool.globalInstance().activeThreadCount() > 0
        reason = self.restart_policy.restart_now(self._at_rest(), busy)
        if reason is None:
            return False
        log.info("restarting for a fresh process (safety net): %s, %d sessions, %.1f h up",
                 reason, self.restart_policy.sessions, self.restart_policy.uptime_hours)
        self._idle_timer.stop()
        self.restart_requested = reason
        QApplication.exit(EXIT_RESTART)
        return True

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not getattr(self, "_painted", False):
            self._painted = True
            QTimer.singleShot(0, self.first_painted.emit)

    # ---- citizens cannot close the kiosk --------------------------------------------------
    def closeEvent(self, event) -> None:
        if self.allow_quit:
            QApplication.instance().removeEventFilter(self._activity)
            self._clock.stop()
            self._idle_timer.stop()
            self.ctx.shutdown()
            event.accept()
        else:
            event.ignore()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key_Escape and not self.allow_quit:
            event.accept()
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.idle_warning.setGeometry(self.rect())
        self.attract.setGeometry(self.rect())
