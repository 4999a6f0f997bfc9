"""A large numeric keypad with masked entry: digits in phone order, or shuffled for a card PIN.

shuffle() redraws the ten digits in a random order (随机键盘) so that someone behind the citizen
cannot read the PIN from where the hand goes; the card PIN pad does it for every entry
([smartcard] shuffle_pin_keys, on by default). The staff PIN and case numbers keep the phone
order, which elderly users and people who cannot see rely on. The order lives only in the
buttons' texts: it is never logged."""
from __future__ import annotations

import random

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from screens.widgets import button, label

PHONE_ORDER = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "del")
_SYSTEM_RANDOM = random.SystemRandom()      # the order must not be predictable


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
        keys = list(PHONE_ORDER)
        self.key_buttons: dict[str, object] = {}
        self._slots: list[str] = keys               # what the button in each grid slot types
        self._slot_buttons = []
        for index, key in enumerate(keys):
            btn = button(key if key.isdigit() else "", "key",
                         lambda slot=index: self.press(self._slots[slot]))
            btn.setMinimumSize(120, 96)
            self.key_buttons[key] = btn
            self._slot_buttons.append(btn)
            grid.addWidget(btn, index // 3, index % 3)
        col.addLayout(grid)
        self.ok_button = button("", "primary", lambda: self.submitted.emit(self.value))
        col.addWidget(self.ok_button)
        self.retranslate()
        self._refresh()

    def shuffle(self, rng: random.Random | None = None) -> None:
        """Put the ten digits in a new random order (the Clear and Delete keys stay put)."""
        digits = [key for key in PHONE_ORDER if key.isdigit()]
        (rng or _SYSTEM_RANDOM).shuffle(digits)
        self._arrange(digits)

    def phone_order(self) -> None:
        self._arrange([key for key in PHONE_ORDER if key.isdigit()])

    def _arrange(self, digits: list[str]) -> None:
        order = iter(digits)
        self._slots = [next(order) if key.isdigit() else key for key in PHONE_ORDER]
        for slot, key in enumerate(self._slots):
            if key.isdigit():
                self._slot_buttons[slot].setText(key)
                self.key_buttons[key] = self._slot_buttons[slot]

    def digit_order(self) -> str:
        """The digits as they sit on the grid, row by row (tests; never logged)."""
        return "".join(key for key in self._slots if key.isdigit())

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
