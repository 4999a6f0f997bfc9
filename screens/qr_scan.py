"""QR scanning: mobile e-ID (亮证) codes, case receipt codes, appointment codes.

enter(purpose="receipt"|"eid"|"appointment", next=None, **params): with next, the decoded text is
passed on as code=...; without, the screen shows what it read. The text is kept in the session
(session.put("qr_code", ...)) and nowhere else.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer

from kiosk import messages
from screens.base import Screen, register_screen
from screens.camera_view import CameraView, LiveCamera, ResultRelay
from screens.widgets import Banner, button, label

CONTEXT = "QrScanScreen"
PROMPTS = {
    "receipt": QT_TRANSLATE_NOOP("QrScanScreen", "Hold the QR code on your receipt up to the scanner"),
    "eid": QT_TRANSLATE_NOOP("QrScanScreen", "Open your electronic ID code on your phone and hold it up "
                                      "to the scanner"),
    "appointment": QT_TRANSLATE_NOOP("QrScanScreen", "Hold your appointment QR code up to the scanner"),
}
HINT_AFTER_MS = 8000


@register_screen
class QrScanScreen(Screen):
    name = "qr_scan"

    def __init__(self, ctx, nav):
        super().__init__(ctx, nav)
        self.purpose = "receipt"
        self.next: tuple[str | None, dict] = (None, {})
        self.code: str | None = None
        self.failed = False
        self.relay = ResultRelay()
        self.relay.result.connect(self._on_codes)
        self.relay.error.connect(self._on_error)
        self.prompt = label("", "Heading")
        self.prompt.setAlignment(Qt.AlignCenter)
        self.view = CameraView("qr")
        self.live = LiveCamera(ctx, "qr", self.view, self.relay)
        self.banner = Banner("info")
        self.result = label("", "Heading")
        self.result.setAlignment(Qt.AlignCenter)
        self.again = button("", "primary", self._scan_again)
        self.layout_.addWidget(self.prompt)
        self.layout_.addWidget(self.view, 1)
        self.layout_.addWidget(self.result)
        self.layout_.addWidget(self.banner)
        self.layout_.addWidget(self.again)
        self.layout_.addStretch(0)          # takes the room of the preview once it is hidden
        self.hint_timer = QTimer(self)
        self.hint_timer.setSingleShot(True)
        self.hint_timer.timeout.connect(self._hint)

    def title(self) -> str:
        return self.tr("Scan a QR code")

    def enter(self, purpose: str = "receipt", next: str | None = None, **params) -> None:
        self.purpose = purpose if purpose in PROMPTS else "receipt"
        self.next = (next, params)
        self._scan_again()

    def leave(self) -> None:
        self._stop()

    def retranslate(self) -> None:
        self.prompt.setText(QCoreApplication.translate(CONTEXT, PROMPTS[self.purpose]))
        self.again.setText(self.tr("Scan another code"))
        self.view.message = self.tr("Starting the scanner…")
        self._render()

    def _scan_again(self) -> None:
        self._stop()
        self.code = None
        self.failed = False
        decode = lambda image: self.ctx.services.camera.decode_qr(image)   # noqa: E731
        if not self.live.start(decode, finished=bool, wanted=bool):
            self.failed = True
            self._render()
            return
        self.hint_timer.start(HINT_AFTER_MS)
        self._render()

    def _stop(self) -> None:
        self.hint_timer.stop()
        self.live.stop()

    def _on_codes(self, codes) -> None:
        if not self.live.running:
            return
        self._stop()
        self.code = codes[0].text
        self.ctx.session.put("qr_code", self.code)
        name, params = self.next
        if name:
            self.nav.go(name, code=self.code, **params)
            return
        self._render()

    def _on_error(self, _exc) -> None:
        self._stop()
        self.failed = True
        self._render()

    def _hint(self) -> None:
        self.banner.set("info", self.tr("Hold the code still, about a hand's width from the "
                                        "scanner, and tilt it away from bright lights."))

    def _render(self) -> None:
        scanning = self.code is None and not self.failed
        self.view.setVisible(scanning)
        self.again.setVisible(not scanning)
        self.result.setVisible(self.code is not None)
        if self.failed:
            self.banner.set("error", messages.message("scanner_unavailable"))
        elif self.code is not None:
            self.result.setText(self.code)
            self.banner.set("ok", self.tr("Code read."))
        elif not self.hint_timer.isActive() and self.live.running:
            pass                                     # the hint stays once shown
        else:
            self.banner.set("info", "")
