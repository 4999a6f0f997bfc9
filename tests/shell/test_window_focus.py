"""The kiosk's one window takes the keyboard focus back whenever a screen is shown: after another
window came and went (a library's preview or dialog) no field took typing until it did."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget

from screens.text_entry import enable_input_method

enable_input_method()


def test_a_screen_shown_after_another_window_came_and_went_takes_typing(make_ctx, show_shell,
                                                                         qtbot):
    shell = show_shell(make_ctx())
    shell.activateWindow()
    qtbot.waitUntil(shell.isActiveWindow, timeout=3000)
    stray = QWidget()
    stray.show()
    stray.activateWindow()
    qtbot.waitUntil(lambda: not shell.isActiveWindow(), timeout=3000)
    stray.close()
    stray.deleteLater()
    QApplication.processEvents()
    assert not shell.isActiveWindow()           # nothing gives it back by itself
    shell.go("feedback_ask")
    qtbot.waitUntil(shell.isActiveWindow, timeout=3000)
    screen = shell.current()
    screen.text.focus()
    qtbot.waitUntil(screen.text.box.hasFocus, timeout=3000)
