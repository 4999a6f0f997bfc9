"""What of a citizen the screens may still hold after the session ends, and clearing it.

The session wipe forgets the data (kiosk.session); the widgets that showed it keep their own
copies of the text (a hidden label on a screen not shown any more still had the masked ID). At
the end of a session the shell calls clear_widgets(root, personal_strings(session, privacy))
before the wipe: every label, button and field whose text contains the citizen's name or ID
number, whole or masked as the screens show them, is emptied, and every label marked personal
(widget.setProperty("personal", True): a photo) loses its picture too. Screens redraw their texts
on the next enter(), so clearing is always safe.
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping

PERSONAL = "personal"


def personal_strings(session: Any, privacy: Mapping[str, Any]) -> list[str]:
    """The citizen's name and number as any screen may show them (whole, masked)."""
    from kiosk.config import mask_id
    from kiosk.flows.identify import mask_name
    identity = session.identity
    if identity is None:
        return []
    values = {identity.name, identity.id_number}
    if identity.id_number:
        values.add(mask_id(identity.id_number, privacy))
    if identity.name:
        values.add(mask_name(identity.name))
    return sorted((v for v in values if v and len(v) >= 2), key=len, reverse=True)


def clear_widgets(root: Any, strings: Iterable[str]) -> int:
    """Empty every text under root holding one of strings, and marked personal pictures;
    returns how many widgets were cleared."""
    from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QPlainTextEdit, QTextEdit
    strings = [s for s in strings if s]
    cleared = 0
    for widget in root.findChildren(QLabel) + root.findChildren(QAbstractButton) + \
            root.findChildren(QLineEdit):
        if widget.property(PERSONAL) and isinstance(widget, QLabel):
            widget.clear()
            cleared += 1
        elif any(s in widget.text() for s in strings):
            widget.setText("")
            cleared += 1
        for getter, setter in ((widget.toolTip, widget.setToolTip),
                               (widget.accessibleName, widget.setAccessibleName)):
            if any(s in getter() for s in strings):
                setter("")
    for widget in root.findChildren(QTextEdit) + root.findChildren(QPlainTextEdit):
        if widget.property(PERSONAL) or any(s in widget.toPlainText() for s in strings):
            widget.clear()
            cleared += 1
    return cleared
