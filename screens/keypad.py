"""A large numeric keypad with digits in fixed order (never shuffled: elderly users and people
who cannot see rely on the phone layout) and masked entry."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from screens.widgets import button, label


class Keypad(QWidget):
    submitted = Signal(str)

    def __init__(self, max_len: int = 6, masked: bool = True):
        super().__init__()
        self.max_len = max_len
        self.masked = masked
        self.value = ""
        col = QVBoxLayout(self)
        col.setSpacing(16)
        self.display = label("", "ScreenTitle", wrap=False)
        self.display.setMinimumHeight(80)
        self.display.setAlignment(Qt.AlignCenter)
        col.addWidget(self.display)
        grid = QGridLayout()
        grid.setSpacing(12)
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "del"]
        self.key_buttons: dict[str, object] = {}
        for index, key in enumerate(keys):
            btn = button(key if key.isdigit() else "", "key", lambda k=key: self.press(k))
            btn.setMinimumSize(120, 96)
            self.key_buttons[key] = btn
            grid.addWidget(btn, index // 3, index % 3)
        col.addLayout(grid)
        self.ok_button = button("", "primary", lambda: self.submitted.emit(self.value))
        col.addWidget(self.ok_button)
        self.retranslate()
        self._refresh()

    def retranslate(self) -> None:
        self.key_buttons["clear"].setText(self.tr("Clear"))
        self.key_buttons["del"].setText(self.tr("Delete"))
        self.ok_button.setText(self.tr("Confirm"))

    def press(self, key: str) -> None:
        if key == "clear":
            self.value = ""
        elif key == "del":
            self.value = self.value[:-1]
        elif len(self.value) < self.max_len:
            self.value += key
        self._refresh()

    def reset(self) -> None:
        self.value = ""
        self._refresh()

    def _refresh(self) -> None:
        shown = "●" * len(self.value) if self.masked else self.value
        self.display.setText(shown + "○" * (self.max_len - len(self.value)) if self.masked else shown)
