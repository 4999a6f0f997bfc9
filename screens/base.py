"""The screen contract and navigation.

A screen renders one step and reports what the citizen did; flows and services do the work.
Screens are registered with @register_screen and created by the shell the first time they are shown.
"""
from __future__ import annotations

from typing import Any, Callable, Protocol

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.context import AppContext

SCREENS: dict[str, type["Screen"]] = {}


def register_screen(cls: type["Screen"]) -> type["Screen"]:
    if not cls.name:
        raise ValueError(f"{cls.__name__} has no name")
    SCREENS[cls.name] = cls
    return cls


class Navigator(Protocol):
    def go(self, name: str, **params: Any) -> None: ...
    def back(self) -> None: ...
    def home(self) -> None: ...
    def end_session(self) -> None: ...
    def current(self) -> "Screen | None": ...


class Screen(QWidget):
    """Base of every screen.

    name          unique key for navigation and the walkthrough
    show_back     whether the footer offers Back (Home is always offered off the home screen)
    is_home       the resting screen: no footer, idle time there starts the attract loop
    """
    name: str = ""
    show_back: bool = True
    is_home: bool = False

    def __init__(self, ctx: AppContext, nav: Navigator):
        super().__init__()
        self.ctx = ctx
        self.nav = nav
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(40, 24, 40, 24)
        self.layout_.setSpacing(18)

    # the shell calls these
    def enter(self, **params: Any) -> None:
        """Shown (again); params come from nav.go(name, **params)."""

    def leave(self) -> None:
        """About to be hidden: stop timers and workers this screen started."""

    def retranslate(self) -> None:
        """Set every visible text again (language switch, elderly mode)."""

    def title(self) -> str:
        return ""

    def instruction(self) -> str:
        """The one thing to do here, said aloud on entry after the title (voice guidance)."""
        return ""

    def spoken_intro(self) -> str:
        """What voice guidance says when the screen is shown: the title, then the instruction.
        A screen whose state decides what to say overrides instruction(), rarely this."""
        from kiosk import i18n
        stop = "。" if i18n.current_language() == "zh_CN" else ". "
        said = self.instruction
        # a screen may hold its instruction as a label of that name (face_verify): its text
        said = said() if callable(said) else (said.text() if hasattr(said, "text") else "")
        parts = [t.strip().rstrip("。.") for t in (self.title(), said) if t.strip()]
        return (stop.join(parts) + stop).strip() if parts else ""

    # helpers for subclasses
    @property
    def elderly(self) -> bool:
        return self.ctx.session.elderly_mode

    @property
    def landscape(self) -> bool:
        return self.width() > self.height() if self.width() and self.height() else False

    def after(self, ms: int, fn: Callable[[], None]) -> None:
        """Run fn on the UI thread after ms, unless the screen was left meanwhile."""
        from PySide6.QtCore import QTimer
        QTimer.singleShot(ms, self, lambda: fn() if self.isVisible() else None)
