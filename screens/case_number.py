"""Type the case number (受理编号) on a keypad that fits it; confirming looks the case up on the
"check my case" screen."""
from __future__ import annotations

from PySide6.QtCore import Qt

from screens.base import Screen, register_screen
from screens.case_keypad import CaseNumberPad
from screens.widgets import label


@register_screen
class CaseNumberScreen(Screen):
    name = "case_number"

    def __init__(self, ctx, nav):
        super().__init__(ctx, nav)
        self.intro = label("")
        self.intro.setAlignment(Qt.AlignCenter)
        self.pad = CaseNumberPad()
        self.pad.submitted.connect(lambda number: self.nav.go("case", case_no=number))
        self.layout_.addWidget(self.intro)
        self.layout_.addWidget(self.pad, 1)

    def title(self) -> str:
        return self.tr("Type the case number")

    def enter(self, **_params) -> None:
        self.pad.clear()
        self.retranslate()

    def leave(self) -> None:
        self.pad.clear()

    def retranslate(self) -> None:
        self.intro.setText(self.tr("The case number (受理编号) is printed on your receipt or "
                                   "acceptance notice, for example SL-990100-20261122-000123."))
        self.pad.retranslate()
