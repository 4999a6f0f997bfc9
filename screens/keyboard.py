"""On-screen keyboard for search: Latin letters and digits.

Citizens type pinyin or its initials ("hkqy" finds 户口迁移) or an item code; the search matches
pinyin directly, so no input method (and no candidate window to learn) is needed.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from screens.widgets import button

ROWS = ("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm")


class Keyboard(QWidget):
    typed = Signal(str)        # one character
    backspace = Signal()
    cleared = Signal()

    def __init__(self):
        super().__init__()
        col = QVBoxLayout(self)
        col.setSpacing(10)
        col.setContentsMargins(0, 0, 0, 0)
        self.keys: dict[str, object] = {}
        for row_keys in ROWS:
            row = QHBoxLayout()
            row.setSpacing(10)
            row.addStretch(1)
            for key in row_keys:
                btn = button(key.upper(), "key", lambda k=key: self.typed.emit(k))
                btn.setMinimumSize(60, 76)
                btn.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
                btn.setMaximumWidth(110)
                self.keys[key] = btn
                row.addWidget(btn)
            row.addStretch(1)
            col.addLayout(row)
        bottom = QHBoxLayout()
        bottom.setSpacing(10)
        self.clear_key = button("", "", self.cleared.emit)
        self.space_key = button("", "key", lambda: self.typed.emit(" "))
        self.back_key = button("", "", self.backspace.emit)
        bottom.addWidget(self.clear_key, 1)
        bottom.addWidget(self.space_key, 3)
        bottom.addWidget(self.back_key, 1)
        col.addLayout(bottom)
        self.retranslate()

    def retranslate(self) -> None:
        self.clear_key.setText(self.tr("Clear"))
        self.space_key.setText(self.tr("Space"))
        self.back_key.setText(self.tr("⌫ Delete"))
