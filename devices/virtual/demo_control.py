"""A control a twin offers for the staff menu in --demo ("Place sample ID card", "Out of paper").

Each twin says which controls it has (its demo_controls()); the wiring only hands them to the app.
Captions are English and shown through Qt's translation in the "DemoActions" context; devices import
no Qt, so the marker below is a plain function lupdate recognises by name.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Callable


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:      # noqa: N802 (Qt's marker name)
    """Marks `text` for pyside6-lupdate in `context`; returns it unchanged."""
    return text


@dataclass(frozen=True)
class DemoControl:
    caption: str                     # English; translated in the "DemoActions" context when shown
    run: Callable[[], None]


def in_background(fn: Callable[[], None], name: str) -> Callable[[], None]:
    """Staff-menu taps run on the UI thread: a control that talks to a device runs on its own
    short-lived thread so the menu never freezes."""
    return lambda: threading.Thread(target=fn, name=name, daemon=True).start()
