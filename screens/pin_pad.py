"""The card PIN keypad: large keys shuffled for each entry ([smartcard] shuffle_pin_keys, on by
default; phone order when off), masked digits, tries left after a wrong PIN.

It is one implementation of the driver's PIN entry (devices.smartcard.pin.PinEntry): the device
thread's request reaches this screen through the bridge, and the screen answers the waiting
entry object given in `entry` (answer(pin) / cancel()). A hardware PIN pad replaces the screen by
answering the same request itself (config smartcard.pin_entry = "pinpad").
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QVBoxLayout

from devices.smartcard.pin import PIN_LENGTH, valid_pin
from screens.base import Screen, register_screen
from screens.keypad import Keypad
from screens.widgets import Banner, button, label


@register_screen
class PinPadScreen(Screen):
    name = "pin_pad"
    show_back = False        # Cancel says what happens; Back alone would leave the card waiting

    def __init__(self, ctx, nav):
        super().__init__(ctx, nav)
        self.entry: Any = None
        self.tries_left: int | None = None
        self.length = PIN_LENGTH
        self.heading = label("", "Heading")
        self.heading.setAlignment(Qt.AlignCenter)
        self.hint = label("", "Muted")
        self.hint.setAlignment(Qt.AlignCenter)
        self.banner = Banner("warn")
        self.keypad = Keypad(PIN_LENGTH, masked=True)
        self.keypad.setMaximumWidth(640)
        self.keypad.setMinimumWidth(480)     # wide keys: an elderly finger hits the right one
        self.keypad.submitted.connect(self._submit)
        self.cancel_button = button("", "", self._cancel)
        self.cancel_button.setMaximumWidth(640)
        self.privacy = label("", "Small")
        self.privacy.setAlignment(Qt.AlignCenter)
        # texts beside the keypad in landscape, above it in portrait: both fit one screen
        self.body = QBoxLayout(QBoxLayout.TopToBottom)
        self.texts = QVBoxLayout()
        for widget in (self.heading, self.hint, self.banner, self.privacy):
            self.texts.addWidget(widget)
        self.texts.addStretch(1)
        self.keys = QVBoxLayout()
        self.keys.addWidget(self.keypad, 0, Qt.AlignHCenter)
        self.keys.addStretch(1)
        self.body.addLayout(self.texts, 1)
        self.body.addLayout(self.keys, 1)
        self.layout_.addLayout(self.body, 1)
        # before the first layout: a portrait minimum height would stretch a landscape window
        self._arrange(ctx.config.ui.orientation == "landscape")

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._orient()

    def _orient(self) -> None:
        # the window's shape, known before this screen is first laid out (its own size is not)
        window = self.window()
        self._arrange(window.width() > window.height() if window is not self else self.landscape)

    def _arrange(self, wide: bool) -> None:
        """Landscape: texts and Cancel beside the keypad (the keypad alone fills the height, in
        large text too); portrait: texts above, Cancel under the keypad."""
        self.body.setDirection(QBoxLayout.LeftToRight if wide else QBoxLayout.TopToBottom)
        self.body.setStretch(0, 1 if wide else 0)    # portrait: the keypad right under the texts
        self.layout_.setContentsMargins(40, 8 if wide else 24, 40, 8 if wide else 24)
        column = self.texts if wide else self.keys
        if column.indexOf(self.cancel_button) < 0:
            for layout in (self.texts, self.keys):
                layout.removeWidget(self.cancel_button)
            column.insertWidget(column.count() - 1, self.cancel_button, 0, Qt.AlignHCenter)

    def enter(self, entry: Any = None, tries_left: int | None = None, length: int = PIN_LENGTH,
              **_params: Any) -> None:
        self.entry = entry
        self.tries_left = tries_left
        self.length = length
        self.keypad.max_len = length
        self.keypad.reset()
        if self.ctx.config.smartcard.shuffle_pin_keys:
            self.keypad.shuffle()           # a new order for every entry, retries included
        else:
            self.keypad.phone_order()
        self._orient()
        self.retranslate()

    def leave(self) -> None:
        self.keypad.reset()     # no digits linger in a hidden widget
        entry, self.entry = self.entry, None
        if entry is not None:   # left without an answer (Home, idle timeout): the card must not wait
            entry.cancel()

    def title(self) -> str:
        return self.tr("Card PIN")

    def retranslate(self) -> None:
        self.keypad.retranslate()
        self.heading.setText(self.tr("Enter the %n-digit PIN of your social security card", "",
                                     self.length))
        self.hint.setText(self.tr("Cover the keypad with your hand while you type. Then touch "
                                  "Confirm."))
        self.cancel_button.setText(self.tr("Cancel"))
        self.privacy.setText(self.tr("The PIN goes only to your card. The kiosk does not keep it."))
        self._show_tries()

    def _show_tries(self) -> None:
        if self.tries_left is None:
            self.banner.set("info", "")
        elif self.tries_left == 1:
            self.banner.set("error", self.tr("Wrong PIN. This is your last try: one more wrong PIN "
                                             "blocks the card."))
        else:
            self.banner.set("warn", self.tr("Wrong PIN. You have %n tries left.", "",
                                            self.tries_left))

    def _submit(self, pin: str) -> None:
        if not valid_pin(pin, self.length):
            self.banner.set("warn", self.tr("Please enter all %n digits.", "", self.length))
            return
        entry, self.entry = self.entry, None
        self.keypad.reset()
        if entry is not None:
            entry.answer(pin)
        self.nav.back()

    def _cancel(self) -> None:
        entry, self.entry = self.entry, None
        self.keypad.reset()
        if entry is not None:
            entry.cancel()
        self.nav.back()
