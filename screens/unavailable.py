"""Shown for a task this kiosk does not offer yet: says so plainly and where to go instead."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt

from kiosk import messages
from screens.base import Screen, register_screen
from screens.widgets import Card, label

TASK_NAMES = {
    "case": QT_TRANSLATE_NOOP("UnavailableScreen", "Check my case"),
    "queue": QT_TRANSLATE_NOOP("UnavailableScreen", "Take a number"),
}


@register_screen
class UnavailableScreen(Screen):
    name = "unavailable"

    def __init__(self, ctx, nav):
        super().__init__(ctx, nav)
        self.task = "case"
        card = Card()
        self.message = label("", "Heading")
        self.message.setAlignment(Qt.AlignCenter)
        self.advice = label("")
        self.advice.setAlignment(Qt.AlignCenter)
        card.body.addWidget(self.message)
        card.body.addWidget(self.advice)
        self.layout_.addStretch(1)
        self.layout_.addWidget(card)
        self.layout_.addStretch(2)

    def enter(self, task: str = "case", **_params) -> None:
        self.task = task
        self.retranslate()

    def title(self) -> str:
        return QCoreApplication.translate("UnavailableScreen", TASK_NAMES.get(self.task, ""))

    def retranslate(self) -> None:
        self.message.setText(messages.message("service_not_offered"))
        self.advice.setText("")
