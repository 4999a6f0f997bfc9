"""Identify with the phone's dynamic QR code (e-ID or electronic social security card): the QR
scanner looks for the code, the platform verifies it, the citizen checks the masked identity and
confirms. kiosk.flows.identify_phone.PhoneCodeFlow decides; this screen shows its state."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout

from kiosk import messages
from kiosk.flows.identify_phone import CONFIRM, OFFLINE, READY, REFUSED, VERIFYING, PhoneCodeFlow
from kiosk.identity_platform import PlatformIdentity
from kiosk.status import platform_state
from screens.base import Screen, register_screen
from screens.camera_view import CameraView, LiveCamera, ResultRelay
from screens.identify import IdentifyMethod, go_on, register_identify_method
from screens.tasks import run_in_background
from screens.widgets import Banner, Card, Spinner, button, label

CONTEXT = "IdentifyPhoneScreen"
SOURCES = {
    "phone_eid": QT_TRANSLATE_NOOP("IdentifyPhoneScreen", "Electronic ID (phone)"),
    "phone_essc": QT_TRANSLATE_NOOP("IdentifyPhoneScreen", "Electronic social security card (phone)"),
}


def platform_identity(ctx) -> PlatformIdentity | None:
    """The platform's identity endpoints through the kiosk's one client (None before it exists)."""
    if ctx.platform is None:
        return None
    return PlatformIdentity(ctx.platform.client, ctx.config.identify.phone_code_timeout_s)


@register_screen
class IdentifyPhoneScreen(Screen):
    name = "identify_phone"

    def __init__(self, ctx, nav):
        super().__init__(ctx, nav)
        self.flow = self._new_flow()
        self.relay = ResultRelay()
        self.relay.result.connect(self._on_codes)
        self.relay.error.connect(self._on_scanner_error)
        self.prompt = label("", "Heading")
        self.prompt.setAlignment(Qt.AlignCenter)
        self.view = CameraView("qr")
        self.live = LiveCamera(ctx, "qr", self.view, self.relay)
        self.spinner = Spinner()
        self.summary = Card()
        grid = QGridLayout()
        self.summary_labels = [label("", "Muted") for _ in range(3)]
        self.summary_values = [label("", "Heading") for _ in range(3)]
        for row, (name, value) in enumerate(zip(self.summary_labels, self.summary_values)):
            grid.addWidget(name, row, 0)
            grid.addWidget(value, row, 1)
        self.summary.body.addLayout(grid)
        self.banner = Banner("info")
        self.confirm_button = button("", "primary", self._confirm)
        self.again_button = button("", "", self._start)
        self.cards_button = button("", "", lambda: self.nav.go("identify"))
        row = QHBoxLayout()
        for b in (self.again_button, self.cards_button, self.confirm_button):
            row.addWidget(b)
        self.layout_.addWidget(self.prompt)
        self.layout_.addWidget(self.view, 1)
        self.layout_.addWidget(self.spinner, 0, Qt.AlignHCenter)
        self.layout_.addWidget(self.summary)
        self.layout_.addWidget(self.banner)
        self.layout_.addLayout(row)
        self.layout_.addStretch(0)

    def _new_flow(self) -> PhoneCodeFlow:
        return PhoneCodeFlow(platform_identity(self.ctx), self.ctx.session,
                             lambda: platform_state(self.ctx).online)

    # -- shell contract --------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Show your phone's code")

    def enter(self, **_params) -> None:
        self.flow = self._new_flow()
        self._start()

    def leave(self) -> None:
        self.live.stop()
        self.spinner.stop()

    def retranslate(self) -> None:
        self.prompt.setText(self.tr("Open the electronic ID or the electronic social security card "
                                    "in your phone's government app and hold its QR code up to the "
                                    "scanner."))
        for widget, text in zip(self.summary_labels, (self.tr("Name"), self.tr("ID number"),
                                                      self.tr("Shown with"))):
            widget.setText(text)
        self.confirm_button.setText(self.tr("This is me, continue"))
        self.again_button.setText(self.tr("Scan again"))
        self.cards_button.setText(self.tr("Use a card instead"))
        self.view.message = self.tr("Starting the scanner…")
        self._render()

    # -- the flow -----------------------------------------------------------------------------------
    def _start(self) -> None:
        self.live.stop()
        self.flow.start()
        if self.flow.phase == READY:
            decode = lambda image: self.ctx.services.camera.decode_qr(image)   # noqa: E731
            if self.ctx.services.camera is None or not self.live.start(decode, finished=bool,
                                                                       wanted=bool):
                self.flow.phase, self.flow.reason = REFUSED, "scanner_unavailable"
        self._render()

    def _on_codes(self, codes) -> None:
        if not self.live.running:
            return
        self.live.stop()
        flow = self.flow
        if flow.scanned(codes[0].text):
            self.spinner.start()
            run_in_background(flow.verify, lambda _r: self._verified(flow),
                              lambda _exc: self._verified(flow))
        self._render()

    def _verified(self, flow: PhoneCodeFlow) -> None:
        if flow is not self.flow or not self.isVisible():
            return                          # left, or started anew, meanwhile
        self.spinner.stop()
        self._render()

    def _on_scanner_error(self, _exc) -> None:
        self.live.stop()
        self.flow.phase, self.flow.reason = REFUSED, "scanner_unavailable"
        self._render()

    def _confirm(self) -> None:
        if self.flow.confirm():
            go_on(self)

    # -- what the citizen sees -----------------------------------------------------------------
    def _render(self) -> None:
        phase = self.flow.phase
        self.prompt.setVisible(phase in (READY, VERIFYING))
        self.view.setVisible(phase == READY)
        self.spinner.setVisible(phase == VERIFYING)
        self.summary.setVisible(phase == CONFIRM)
        self.confirm_button.setVisible(phase == CONFIRM)
        self.again_button.setVisible(phase in (REFUSED, CONFIRM))
        self.cards_button.setVisible(phase in (REFUSED, OFFLINE, READY))
        if phase == READY:
            self.banner.set("info", "")
        elif phase == VERIFYING:
            self.banner.set("info", self.tr("Checking your code with the service platform…"))
        elif phase == CONFIRM:
            summary = self.flow.summary or {}
            values = (summary.get("name", ""), summary.get("id_number", ""),
                      QCoreApplication.translate(CONTEXT, SOURCES.get(summary.get("source", ""),
                                                                      SOURCES["phone_eid"])))
            for widget, value in zip(self.summary_values, values):
                widget.setText(value)
            self.banner.set("ok", self.tr("Please check that this is you."))
        elif phase == OFFLINE:
            self.banner.set("warn", messages.message("phone_code_offline"))
        elif phase == REFUSED:
            self.banner.set("warn", messages.message(self.flow.reason))


def _available(ctx) -> bool:
    return ctx.services.camera is not None and ctx.platform is not None


register_identify_method(IdentifyMethod(
    key="phone", order=30, icon="qr",
    caption=QT_TRANSLATE_NOOP("IdentifyMethods", "Phone code (e-ID)"),
    screen=IdentifyPhoneScreen.name, available=_available))
