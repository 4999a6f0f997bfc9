"""Face login (刷脸): the separate consent first, then the ID number on the keypad, then the face
check against the photo on file (the face verification screen, in login mode). Another way to
identify is one tap away on every step. kiosk.flows.identify_face.FaceLoginFlow decides."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QHBoxLayout

from kiosk import messages
from kiosk.flows.identify import destination
from kiosk.flows.identify_face import (CONSENT, DECLINED, ENTER_ID, LOOKING_UP, OFFLINE, READY,
                                       REFUSED, FaceLoginFlow)
from screens.base import Screen, register_screen
from screens.identify import IdentifyMethod, register_identify_method
from screens.identify_phone import platform_identity
from screens.keypad import Keypad
from screens.tasks import run_in_background
from screens.widgets import Banner, Card, Spinner, button, label

LOGIN_KEY = "face_login"        # the session holds the flow for the face verification screen


class IdKeypad(Keypad):
    """The keypad with an X key; every key goes to the flow, which decides what is accepted."""

    def __init__(self, flow_of, changed):
        super().__init__(max_len=18, masked=False)
        self._flow_of, self._changed = flow_of, changed
        self.x_button = button("X", "key", lambda: self.press("X"))
        self.x_button.setMinimumSize(120, 96)
        self.layout().insertWidget(2, self.x_button)

    def press(self, key: str) -> None:
        flow = self._flow_of()
        if key == "clear":
            while flow.typed:
                flow.delete()
        elif key == "del":
            flow.delete()
        else:
            flow.key(key)
        self.value = flow.typed
        self._refresh()
        self._changed()


@register_screen
class IdentifyFaceScreen(Screen):
    name = "identify_face"

    def __init__(self, ctx, nav):
        super().__init__(ctx, nav)
        self.flow = FaceLoginFlow(None, ctx.session, "home")
        self.consent = Card()
        self.consent_title = label("", "Heading")
        self.consent_text = label("")
        self.consent.body.addWidget(self.consent_title)
        self.consent.body.addWidget(self.consent_text)
        self.id_intro = label("", "Heading")
        self.keypad = IdKeypad(lambda: self.flow, lambda: self._render())
        self.keypad.submitted.connect(lambda _value: self._submit())
        self.problem = label("", "Small")
        self.spinner = Spinner()
        self.banner = Banner("info")
        self.agree_button = button("", "primary", self._agree)
        self.other_button = button("", "", self._other_way)
        row = QHBoxLayout()
        row.addWidget(self.other_button)
        row.addWidget(self.agree_button)
        self.layout_.addWidget(self.consent)
        self.layout_.addWidget(self.id_intro)
        self.layout_.addWidget(self.keypad)
        self.layout_.addWidget(self.problem)
        self.layout_.addWidget(self.spinner, 0, Qt.AlignHCenter)
        self.layout_.addWidget(self.banner)
        self.layout_.addStretch(1)
        self.layout_.addLayout(row)

    def title(self) -> str:
        return self.tr("Face login")

    def enter(self, **_params) -> None:
        task, params = destination(self.ctx.session)
        record = self.ctx.services.sync.enqueue if self.ctx.services.sync is not None else None
        self.flow = FaceLoginFlow(platform_identity(self.ctx), self.ctx.session, task, params,
                                  record=record)
        self.keypad.reset()
        self._render()

    def leave(self) -> None:
        self.spinner.stop()

    def retranslate(self) -> None:
        self.consent_title.setText(self.tr("Before we compare your face"))
        self.consent_text.setText(self.tr(
            "Face login compares a picture of your face, taken now by this kiosk's camera, with "
            "the photo the government holds for the ID number you type. The comparison is made on "
            "this kiosk; your picture is not saved and is cleared when the check ends, within a "
            "minute. Only whether it matched is sent to the service platform. You can always use "
            "your ID card, social security card or phone code instead."))
        self.id_intro.setText(self.tr("Type your ID number"))
        self.agree_button.setText(self.tr("I agree, continue"))
        self.other_button.setText(self.tr("Use another way"))
        self.keypad.retranslate()
        self._render()

    # -- taps -----------------------------------------------------------------------------------------
    def _agree(self) -> None:
        self.flow.agree()
        self._render()

    def _other_way(self) -> None:
        self.flow.decline()
        self.ctx.session.put(LOGIN_KEY, None)
        self.nav.go("identify")

    def _submit(self) -> None:
        flow = self.flow
        if flow.submit():
            self.spinner.start()
            run_in_background(flow.look_up, lambda _r: self._looked_up(flow),
                              lambda _exc: self._looked_up(flow))
        self._render()

    def _looked_up(self, flow: FaceLoginFlow) -> None:
        if flow is not self.flow or not self.isVisible():
            return
        self.spinner.stop()
        if flow.phase == READY:
            self.ctx.session.put(LOGIN_KEY, flow)
            self.nav.go("face_verify", login=True, next=flow.task, **flow.params)
            return
        self._render()

    # -- what the citizen sees -----------------------------------------------------------------
    def _render(self) -> None:
        phase = self.flow.phase
        self.consent.setVisible(phase == CONSENT)
        self.agree_button.setVisible(phase == CONSENT)
        entering = phase == ENTER_ID
        self.id_intro.setVisible(entering)
        self.keypad.setVisible(entering)
        self.keypad.ok_button.setEnabled(self.flow.can_submit)
        problem = self.flow.problem if entering else None
        self.problem.setVisible(problem is not None)
        self.problem.setText(messages.message(problem) if problem else "")
        self.spinner.setVisible(phase == LOOKING_UP)
        if phase == REFUSED:
            self.banner.set("warn", messages.message(self.flow.reason))
        elif phase == OFFLINE:
            self.banner.set("warn", messages.message("face_login_offline"))
        elif phase == LOOKING_UP:
            self.banner.set("info", self.tr("Looking up the photo on file…"))
        elif phase == DECLINED:
            self.banner.set("info", "")
        else:
            self.banner.set("info", "")


def _available(ctx) -> bool:
    return bool(ctx.config.face.enabled) and ctx.services.camera is not None \
        and ctx.platform is not None


register_identify_method(IdentifyMethod(
    key="face", order=40, icon="face",
    caption=QT_TRANSLATE_NOOP("IdentifyMethods", "Face login"),
    screen=IdentifyFaceScreen.name, available=_available))
