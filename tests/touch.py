"""What a person sees and touches on a kiosk screen, for the screen tests.

A citizen finds a button by what it says and reads labels; so do these helpers, and they look only
at visible widgets (what is hidden is not there for the citizen). shown() and buttons() process
pending events first, because a screen shows its new widgets on the event loop's next turn."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

DECORATION = "★☆ \n"        # a rating button's stars and the spacing around its words


def tr(text: str, context: str, n: int = -1) -> str:
    """`text` as the citizen reads it in the language loaded now (Simplified Chinese by default)."""
    return QCoreApplication.translate(context, text, None, n)


def translator(default_context: str) -> Callable[..., str]:
    """tr with a test file's own screen as the context when none is given."""
    def tr_in(text: str, context: str = default_context, n: int = -1) -> str:
        return tr(text, context, n)
    return tr_in


def shown(widget: QWidget) -> str:
    """Every text a citizen can read in `widget` now, one label a line."""
    QApplication.processEvents()
    return "\n".join(lab.text() for lab in widget.findChildren(QLabel) if lab.isVisible())


def reads(qtbot, widget: QWidget, text: str, *, timeout: int = 6000) -> None:
    """Wait up to `timeout` ms until `text` is part of what the citizen can read in `widget`."""
    qtbot.waitUntil(lambda: text in shown(widget), timeout=timeout)


def buttons(widget: QWidget, *, enabled_only: bool = False) -> list[QPushButton]:
    """The visible buttons in `widget` (only the enabled ones, if asked), in creation order."""
    QApplication.processEvents()
    return [b for b in widget.findChildren(QPushButton)
            if b.isVisible() and (b.isEnabled() or not enabled_only)]


def says(button: QPushButton) -> str:
    """What a button says: its text or, for a tile that writes it under its picture, its name."""
    return button.text() or button.accessibleName()


def button_texts(widget: QWidget, *, enabled_only: bool = False) -> list[str]:
    """What the visible buttons in `widget` say, in creation order."""
    return [says(b) for b in buttons(widget, enabled_only=enabled_only)]


def words(button: QPushButton) -> str:
    """A button's last line of words, stars and spacing aside: "★★☆☆☆   不满意" -> "不满意"."""
    return button.text().strip(DECORATION).split("\n")[-1].strip()


def _saying(widget: QWidget, text: str, words_only: bool,
            enabled_only: bool) -> list[QPushButton]:
    def match(b: QPushButton) -> bool:
        return words(b) == text if words_only else text in (b.text(), b.accessibleName())
    return [b for b in buttons(widget, enabled_only=enabled_only) if match(b)]


def find(widget: QWidget, text: str, *, words_only: bool = False,
         enabled_only: bool = False) -> QPushButton:
    """The one visible button in `widget` that says exactly `text` now (as its text or its name;
    with words_only, as its words() instead); fails if none does or more than one does."""
    found = _saying(widget, text, words_only, enabled_only)
    if len(found) != 1:
        raise AssertionError(f"{len(found)} buttons say {text!r}; the buttons say "
                             f"{button_texts(widget, enabled_only=enabled_only)}")
    return found[0]


def tap(qtbot, widget: QWidget, text: str, *, words_only: bool = False,
        enabled_only: bool = False, timeout: int = 1000) -> None:
    """Touch the one button that says `text` (see find), waiting up to `timeout` ms for it to be
    the only one, since new tiles show a moment later; timeout=0 wants it there now."""
    def the_one() -> QPushButton:
        return find(widget, text, words_only=words_only, enabled_only=enabled_only)

    def only_one() -> None:          # waitUntil retries while this fails, and then shows why
        the_one()
    if timeout:
        qtbot.waitUntil(only_one, timeout=timeout)
    qtbot.mouseClick(the_one(), Qt.LeftButton)
