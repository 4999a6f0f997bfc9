"""The demo citizen's phone: it shows the dynamic QR code of an electronic ID to the kiosk's QR
camera. The code comes from whoever can issue one (the embedded reference platform's admin
endpoint in --demo); the phone only holds it up, and can hold the last one up again, as a citizen
showing a screenshot would."""
from __future__ import annotations

from typing import Callable

from devices.virtual.demo_control import QT_TRANSLATE_NOOP, DemoControl, in_background

DEMO_PERSON = "990101198805160026"      # 林示例, the sample ID card's person


class DemoPhone:
    def __init__(self, issue: Callable[..., str], show: Callable[[str], None]):
        self.issue, self.show = issue, show
        self.last: str | None = None

    def show_new_code(self, **spec) -> str:
        self.last = self.issue(DEMO_PERSON, **spec)
        self.show(self.last)
        return self.last

    def show_last_code(self) -> None:
        if self.last is not None:
            self.show(self.last)

    def demo_controls(self) -> list[DemoControl]:
        return [
            DemoControl(QT_TRANSLATE_NOOP("DemoActions", "Phone: show an e-ID code"),
                        in_background(self.show_new_code, "demo-phone")),
            DemoControl(QT_TRANSLATE_NOOP("DemoActions", "Phone: show an expired code"),
                        in_background(lambda: self.show_new_code(expired=True), "demo-phone")),
            DemoControl(QT_TRANSLATE_NOOP("DemoActions", "Phone: show the last code again "
                                                         "(a screenshot)"), self.show_last_code),
        ]
