"""Walkthrough states of the camera screens (orders 400-499), on the virtual cameras.

The face states run the real pipeline: the virtual camera plays the live astronaut scene, detection
and liveness run in their thread, and the reference photo comes from the embedded platform.
"""
from __future__ import annotations

from kiosk.flows.face_check import Outcome
from kiosk.session import Identity
from walkthrough.walker import step

DEMO_ID = "990100199001011234"     # fictitious region 990100, valid check digit


def _twin(w, role: str):
    from devices.virtual import camera_twin
    source = w.ctx.config.camera[role].source
    return camera_twin.device(source[len("virtual:"):]) if source.startswith("virtual:") else None


def _face(w):
    """The face screen, started if an earlier state was skipped (--only)."""
    if w.shell.current().name != "face_verify":
        face_position(w)
    return w.shell.current()


@step(400, "face-verify-position")
def face_position(w) -> None:
    w.ctx.session.identity = Identity("idcard", "示例", DEMO_ID)
    twin = _twin(w, "face")
    if twin:
        twin.set_scene("face")
    w.nav.go("face_verify", next="home")
    w.wait_for(lambda: w.shell.current().flow.progress is not None, 15000)


@step(410, "face-verify-challenge")
def face_challenge(w) -> None:
    w.wait_for(lambda: _face(w).flow.phase in ("challenge", "confirm") or
               _face(w).flow.outcome is not None, 15000)


@step(420, "face-verify-confirmed")
def face_confirmed(w) -> None:
    w.wait_for(lambda: _face(w).flow.outcome is not None, 20000)
    assert _face(w).flow.outcome == Outcome("ok", "match"), _face(w).flow.outcome


def _attempt_with_photo(w, failures_before: int) -> None:
    """Hold a printed photo up to the face camera and let a real attempt run out (1.5 s challenge):
    the face screen opened anew, as after a previous citizen's attempt, with the session's
    verifier set to `failures_before` failed attempts."""
    _face(w)
    service = w.ctx.services.camera
    twin = _twin(w, "face")
    if twin:
        twin.set_scene("photo")
    service.verifier().failures = failures_before
    make = service.new_face_check

    def quick_check():
        check = make()
        check.timeout_s = 1.5               # a short challenge keeps the walkthrough quick
        return check
    service.new_face_check = quick_check
    try:
        w.nav.go("face_verify", next="home")
        w.wait_for(lambda: w.shell.current().flow.outcome is not None, 20000)
    finally:
        del service.new_face_check          # the service's own method again


@step(430, "face-verify-photo-rejected")
def face_photo(w) -> None:
    """A printed photo: it passes the quality gates but never blinks or turns; try again offered."""
    _attempt_with_photo(w, 0)
    assert _face(w).flow.outcome == Outcome("warn", "liveness_timeout"), _face(w).flow.outcome


@step(440, "face-verify-ask-staff")
def face_staff(w) -> None:
    """The last attempt fails too: the citizen is sent to staff."""
    _attempt_with_photo(w, _face(w).flow.check.verifier.max_attempts - 1)
    assert _face(w).flow.outcome.level == "error"
    twin = _twin(w, "face")
    if twin:
        twin.set_scene("face")
    w.ctx.session.wipe()


@step(450, "qr-scan-waiting")
def qr_waiting(w) -> None:
    twin = _twin(w, "qr")
    if twin:
        twin.set_scene("empty")
    w.nav.go("qr_scan", purpose="receipt")
    w.wait_for(lambda: w.shell.current().view._image is not None, 5000)


@step(455, "qr-scan-read")
def qr_read(w) -> None:
    if w.shell.current().name != "qr_scan":
        qr_waiting(w)
    twin = _twin(w, "qr")
    if twin:
        twin.set_scene("qr")
    w.wait_for(lambda: w.shell.current().code is not None, 5000)
    assert w.shell.current().code.startswith("SL-990100")


@step(460, "document-capture-preview", area="documents")
def document_preview(w) -> None:
    w.nav.go("document_capture", material="居民户口簿")
    screen = w.shell.current()
    w.wait_for(lambda: screen.view.page_corners is not None, 8000)


def _take(w) -> None:
    if w.shell.current().name != "document_capture":
        document_preview(w)
    screen = w.shell.current()
    count = len(screen.batch.pages)
    screen._capture()
    w.wait_for(lambda: not screen.busy, 8000)
    assert len(screen.batch.pages) == count + 1


@step(465, "document-capture-two-pages", area="documents")
def document_two_pages(w) -> None:
    twin = _twin(w, "document")
    _take(w)
    if twin:                                      # the citizen lays the second page down
        twin.scene.per_page = 10 ** 6             # hold each page until told
        twin.set_scene("document")
        twin.scene.images.reverse()
    w.settle(300)
    _take(w)
    assert len(w.shell.current().batch.pages) == 2


@step(470, "document-capture-retake-selected", area="documents")
def document_retake(w) -> None:
    if w.shell.current().name != "document_capture":
        document_two_pages(w)
    screen = w.shell.current()
    screen._select(0)
    assert screen.remove_button.isVisible()


@step(475, "document-capture-done", area="documents")
def document_done(w) -> None:
    if w.shell.current().name != "document_capture":
        document_two_pages(w)
    screen = w.shell.current()
    screen._select(0)
    screen._done()
    assert w.ctx.session.get("materials_pdf")[:4] == b"%PDF"
    w.ctx.session.wipe()
