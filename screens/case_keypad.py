"""A keypad that fits case numbers (受理编号, kiosk.flows.case_codes): letters for the first two
places, then digits in the phone layout, the dashes put in by themselves, and "SL" (nearly every
case number starts so) as one key. Only the keys that can come next are shown, so nobody has to
know the format; both sets sit in one stack, so the keypad does not jump as it switches."""
from __future__ import annotations

import string

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from kiosk.flows import case_codes
from screens.widgets import button, label

DIGITS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "0")


class CaseNumberPad(QWidget):
    submitted = Signal(str)          # the whole case number, with its dashes

    def __init__(self):
        super().__init__()
        self.typed = ""
        col = QVBoxLayout(self)
        col.setSpacing(14)
        self.display = label("", "ScreenTitle", wrap=False)
        self.display.setAlignment(Qt.AlignCenter)
        self.display.setMinimumHeight(80)
        self.hint = label("", "Muted")
        self.hint.setAlignment(Qt.AlignCenter)
        col.addWidget(self.display)
        col.addWidget(self.hint)
        self.keys: dict[str, object] = {}
        self.stack = QStackedWidget()
        letters = QWidget()
        grid = QGridLayout(letters)
        grid.setSpacing(10)
        self.keys["SL"] = self._key("SL", lambda: self.press_all("SL"))
        grid.addWidget(self.keys["SL"], 0, 0, 1, 7)
        for index, letter in enumerate(string.ascii_uppercase):
            self.keys[letter] = self._key(letter, lambda k=letter: self.press(k))
            grid.addWidget(self.keys[letter], 1 + index // 7, index % 7)
        digits = QWidget()
        grid = QGridLayout(digits)
        grid.setSpacing(12)
        for index, digit in enumerate(DIGITS):
            self.keys[digit] = self._key(digit, lambda k=digit: self.press(k))
            row, column = (index // 3, index % 3) if digit != "0" else (3, 1)
            grid.addWidget(self.keys[digit], row, column)
        self.stack.addWidget(letters)
        self.stack.addWidget(digits)
        col.addWidget(self.stack)
        row = QHBoxLayout()
        row.setSpacing(16)
        self.clear_key = button("", "", self.clear)
        self.delete_key = button("", "", self.delete)
        self.ok_key = button("", "primary", self._submit, "case")
        row.addWidget(self.clear_key, 1)
        row.addWidget(self.delete_key, 1)
        row.addWidget(self.ok_key, 2)
        col.addLayout(row)
        col.addStretch(1)           # the keys and the confirm stay together under the number
        self.retranslate()
        self._refresh()

    @staticmethod
    def _key(text: str, fn) -> object:
        key = button(text, "key", fn)
        key.setMinimumSize(96, 112)
        return key

    def retranslate(self) -> None:
        self.clear_key.setText(self.tr("Clear"))
        self.delete_key.setText(self.tr("Delete"))
        self.ok_key.setText(self.tr("Look up this case"))
        self._refresh()

    # ---- what the citizen touched ------------------------------------------------------------
    def press(self, key: str) -> None:
        if case_codes.accepts(self.typed, key):
            self.typed += key
        self._refresh()

    def press_all(self, keys: str) -> None:
        for key in keys:
            self.press(key)

    def delete(self) -> None:
        self.typed = self.typed[:-1]
        self._refresh()

    def clear(self) -> None:
        self.typed = ""
        self._refresh()

    @property
    def complete(self) -> bool:
        return len(self.typed) == case_codes.LENGTH

    @property
    def value(self) -> str:
        return case_codes.formatted(self.typed)

    def _submit(self) -> None:
        if self.complete:
            self.submitted.emit(self.value)

    def _refresh(self) -> None:
        shown = case_codes.formatted(self.typed + "_" * (case_codes.LENGTH - len(self.typed)))
        self.display.setText(shown)
        self.display.setAccessibleName(self.value)
        letters = case_codes.wants_letter(self.typed)
        self.stack.setCurrentIndex(0 if letters else 1)
        self.keys["SL"].setVisible(self.typed == "")
        if self.complete:
            self.hint.setText(self.tr("Check the number, then touch “Look up this case”."))
        elif letters:
            self.hint.setText(self.tr("First the two letters at the start of the number."))
        else:
            self.hint.setText(self.tr("Now the digits. The dashes are put in for you."))
        for digit in DIGITS:
            self.keys[digit].setEnabled(not self.complete)
        self.ok_key.setEnabled(self.complete)
        self.delete_key.setEnabled(bool(self.typed))
