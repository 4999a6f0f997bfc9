"""Face verification (人证比对): live preview with a guide oval, what to fix, the liveness challenge,
and the result; after the last failed attempt the citizen is sent to staff.

enter(next=..., **params): where to go once the face matches (default: home). The identity must be
in the session (ID card or another method); the reference photo comes from the camera service.
kiosk.flows.face_check.FaceCheckFlow decides (threshold, attempts, the session's record); this
screen shows the camera and the flow's state. Nothing of the face leaves memory; the service wipes
it with the session.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout

from kiosk import messages
from kiosk.flows.face_check import (CHALLENGE, CONFIRM, CONFIRMED, ERROR, NOT_CONFIRMED, OK,
                                    GO_ON_AFTER_S, STARTING, WARN, FaceCheckFlow, FaceCheckSettings,
                                    Outcome)
from screens import icons
from screens.base import Screen, register_screen
from screens.camera_view import GUIDE_FIX, GUIDE_IDLE, GUIDE_OK, CameraView, LiveCamera, ResultRelay
from screens.tasks import run_in_background
from screens.widgets import Banner, Spinner, button, label

CONTEXT = "FaceVerifyScreen"

# instructions while positioning and during the challenge (codes from devices.camera)
INSTRUCTIONS = {
    "no_face": QT_TRANSLATE_NOOP("FaceVerifyScreen", "Please stand in front of the camera"),
    "multiple_faces": QT_TRANSLATE_NOOP("FaceVerifyScreen", "Only one person in front of the camera, please"),
    "too_far": QT_TRANSLATE_NOOP("FaceVerifyScreen", "Please move closer"),
    "too_close": QT_TRANSLATE_NOOP("FaceVerifyScreen", "Please move back a little"),
    "off_center": QT_TRANSLATE_NOOP("FaceVerifyScreen", "Please move so that your face is inside the oval"),
    "too_dark": QT_TRANSLATE_NOOP("FaceVerifyScreen", "Your face is too dark. Please face the light"),
    "too_bright": QT_TRANSLATE_NOOP("FaceVerifyScreen", "Too much light on your face. Please step out of the glare"),
    "blurry": QT_TRANSLATE_NOOP("FaceVerifyScreen", "Please hold still"),
    "not_frontal": QT_TRANSLATE_NOOP("FaceVerifyScreen", "Please look straight at the camera"),
    "hold_still": QT_TRANSLATE_NOOP("FaceVerifyScreen", "Hold still, checking…"),
    "blink": QT_TRANSLATE_NOOP("FaceVerifyScreen", "Please blink your eyes"),
    "turn_left": QT_TRANSLATE_NOOP("FaceVerifyScreen", "Slowly turn your head to your left, then look back"),
    "turn_right": QT_TRANSLATE_NOOP("FaceVerifyScreen", "Slowly turn your head to your right, then look back"),
}

# why an attempt failed or could not start
OUTCOMES = {
    "no_match": QT_TRANSLATE_NOOP("FaceVerifyScreen", "Your face did not match the photo on file."),
    "liveness_timeout": QT_TRANSLATE_NOOP("FaceVerifyScreen", "We could not see the movement we asked for."),
    "face_lost": QT_TRANSLATE_NOOP("FaceVerifyScreen", "Your face left the camera during the check."),
    "face_changed": QT_TRANSLATE_NOOP("FaceVerifyScreen", "The face changed during the check."),
    "vendor_rejected": QT_TRANSLATE_NOOP("FaceVerifyScreen", "The liveness check did not pass."),
    "attempts_exhausted": QT_TRANSLATE_NOOP("FaceVerifyScreen", "There have been too many attempts."),
    "no_reference": QT_TRANSLATE_NOOP("FaceVerifyScreen", "There is no photo on file to compare with."),
    "no_face": QT_TRANSLATE_NOOP("FaceVerifyScreen", "The photo on file cannot be used for comparison."),
}
UNAVAILABLE = QT_TRANSLATE_NOOP("FaceVerifyScreen", "Face verification is not available on this kiosk right now.")


@register_screen
class FaceVerifyScreen(Screen):
    """Renders kiosk.flows.face_check.FaceCheckFlow: the live preview while an attempt runs (its
    frames go to the attempt in the detection thread, its progress to the flow), then the outcome."""
    name = "face_verify"

    def __init__(self, ctx, nav):
        super().__init__(ctx, nav)
        self.login = None
        self.flow = self._new_flow("home", {})
        self.relay = ResultRelay()
        self.relay.result.connect(self._on_progress)
        self.relay.error.connect(self._on_error)

        self.intro = label("", "Muted")
        self.instruction = label("", "Heading")
        self.instruction.setAlignment(Qt.AlignCenter)
        self.view = CameraView("face")
        self.view.mirror_preview = True
        self.live = LiveCamera(ctx, "face", self.view, self.relay)
        self.result_icon = label("")
        self.result_icon.setAlignment(Qt.AlignCenter)
        self.spinner = Spinner()
        self.banner = Banner("info")
        self.attempts = label("", "Small")
        self.attempts.setAlignment(Qt.AlignCenter)
        self.retry_button = button("", "primary", self._retry)
        self.staff_button = button("", "", self.nav.end_session)   # staff verify at the desk
        self.done_button = button("", "primary", self._continue)
        self.other_button = button("", "", lambda: self.nav.go("identify"))   # face login only
        row = QHBoxLayout()
        for b in (self.retry_button, self.other_button, self.staff_button, self.done_button):
            row.addWidget(b)
        self.layout_.addWidget(self.intro)
        self.layout_.addWidget(self.instruction)
        self.layout_.addWidget(self.view, 1)
        self.layout_.addWidget(self.result_icon, 1)
        self.layout_.addWidget(self.spinner, 0, Qt.AlignHCenter)
        self.layout_.addWidget(self.banner)
        self.layout_.addWidget(self.attempts)
        self.layout_.addLayout(row)
        self.spinner.hide()
        self.result_icon.hide()
        self._buttons(())

    def _new_flow(self, next_task: str, params: dict, login: bool = False) -> FaceCheckFlow:
        settings = FaceCheckSettings.from_config(self.ctx.config.face)
        self.login = self.ctx.session.get("face_login") if login else None
        if self.login is not None:
            # face login: the check runs against the photo on file of the typed ID number, and a
            # match identifies (kiosk.flows.identify_face)
            return self.login.face_check(self.ctx.services.camera, settings, next_task, params)
        return FaceCheckFlow(self.ctx.services.camera, self.ctx.session, settings, next_task,
                             params)

    # -- shell contract --------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Face verification")

    def enter(self, next: str = "home", login: bool = False, **params) -> None:
        # a new attempt; the session's verifier keeps the count of failed ones
        self._stop()
        self.flow = self._new_flow(next, params, login)
        self.banner.set("info", "")
        self._start(self.flow.start())

    def leave(self) -> None:
        self._stop()

    def retranslate(self) -> None:
        self.intro.setText(self.tr("We compare your face with the photo on your ID. Your picture "
                                   "is not saved and is cleared when you finish."))
        self.retry_button.setText(self.tr("Try again"))
        self.staff_button.setText(self.tr("Finish and ask staff"))
        self.done_button.setText(self.tr("Continue"))
        self.other_button.setText(self.tr("Use another way"))
        self.view.message = self.tr("Starting the camera…")
        self._render()

    # -- running an attempt ----------------------------------------------------------------------
    def _start(self, needs_check: bool) -> None:
        """After the flow's start() or retry(): make the attempt off the UI thread if it needs one,
        then feed it with frames."""
        self._buttons(())
        if needs_check:
            self.spinner.start()
            self.instruction.setText(self.tr("Getting ready…"))
            flow = self.flow
            run_in_background(flow.make_check, lambda check: self._begin(flow, check),
                              lambda exc: self._failed(flow, exc))
            return
        self._run()

    def _begin(self, flow: FaceCheckFlow, check) -> None:
        if not self.isVisible() or flow is not self.flow:
            return                          # left (or started anew) meanwhile
        self.spinner.stop()
        flow.begin(check)
        self._run()

    def _run(self) -> None:
        """Feed the attempt with frames while the flow wants the camera."""
        if self.flow.live:
            self.live.start(self.flow.check.process,
                            finished=lambda progress: progress.phase == "done")
        self._render()

    def _stop(self) -> None:
        self.live.stop()
        self.spinner.stop()

    def _on_progress(self, progress) -> None:
        if not self.live.running:
            return                          # a late result after leaving
        self.flow.on_progress(progress)
        if not self.flow.live:
            self._stop()
            self._report_login()
        self._render()

    def _failed(self, flow: FaceCheckFlow, exc) -> None:
        if flow is self.flow:               # not an attempt of an earlier visit
            self._on_error(exc)

    def _on_error(self, exc) -> None:
        self._stop()
        self.flow.on_error(exc)
        self._report_login()
        self._render()

    def _report_login(self) -> None:
        """Face login records the outcome of an attempt that did not match (once per attempt)."""
        outcome = self.flow.outcome
        if self.login is not None and outcome is not None and outcome.level != OK:
            self.login.face_failed(outcome.reason)

    # -- what the citizen sees -------------------------------------------------------------------
    def _render(self) -> None:
        outcome = self.flow.outcome
        self.view.setVisible(outcome is None)
        self.result_icon.setVisible(outcome is not None)
        if outcome is not None:
            self._render_outcome(outcome)
            return
        if self.flow.phase == STARTING:
            return                          # "Getting ready…" while the attempt is made
        progress = self.flow.progress
        code = self.flow.instruction
        text = QCoreApplication.translate(CONTEXT, INSTRUCTIONS[code]) if code in INSTRUCTIONS else ""
        self.instruction.setText(text or self.tr("Look at the camera"))
        if progress is None or progress.box is None:
            self.view.guide_color = GUIDE_IDLE
        elif self.flow.phase in (CHALLENGE, CONFIRM) or code is None:
            self.view.guide_color = GUIDE_OK
        else:
            self.view.guide_color = GUIDE_FIX
        self.view.update()
        self.attempts.setText(self._attempts_text())

    def _attempts_text(self) -> str:
        left = self.flow.attempts_left
        if left is None:
            return ""
        return self.tr("Attempts left: %1").replace("%1", str(left))

    def _render_outcome(self, outcome: Outcome) -> None:
        level, code = outcome.level, outcome.reason
        colour = {OK: "#1b6e2c", WARN: "#8a4b00"}.get(level, "#b00020")
        self.result_icon.setPixmap(icons.pixmap("staff" if level == ERROR else "face",
                                                220 if self.elderly else 180, colour))
        if level == OK:
            self.instruction.setText(self.tr("Identity confirmed"))
            self.banner.set("ok", self.tr("Your face matches the photo on file. Thank you."))
            self._buttons((self.done_button,))        # at once, or by itself in a moment
            self.after(int(GO_ON_AFTER_S * 1000), self._continue)
            return
        reason = QCoreApplication.translate(CONTEXT, OUTCOMES[code]) if code in OUTCOMES else \
            QCoreApplication.translate(CONTEXT, UNAVAILABLE)
        if level == ERROR:
            self.instruction.setText(messages.ask_staff())
            self.banner.set("error", reason + " " + self.tr(
                "Staff at the help desk can check your identity with you."))
            self._buttons((self.staff_button,))
        else:
            self.instruction.setText(self.tr("Not confirmed"))
            self.banner.set("warn", reason + " " + self.tr("You can try again."))
            self._buttons((self.retry_button, self.staff_button))
        self.attempts.setText(self._attempts_text())

    def _buttons(self, shown) -> None:
        if self.login is not None and self.staff_button in shown:
            shown = (*shown, self.other_button)     # face is never the only way in
        for b in (self.retry_button, self.other_button, self.staff_button, self.done_button):
            b.setVisible(b in shown)

    # -- taps ------------------------------------------------------------------------------------
    def _retry(self) -> None:
        if self.flow.phase != NOT_CONFIRMED:
            return
        self.banner.set("info", "")
        self._start(self.flow.retry())

    def _continue(self) -> None:
        if self.flow.phase != CONFIRMED:
            return
        name, params = self.flow.next_step()
        self.nav.go(name, **params)
