"""Walkthrough states of the camera screens (orders 400-499), on the virtual cameras.

The face states run the real pipeline: the virtual camera plays the live astronaut scene, detection
and liveness run in their thread, and the reference photo comes from the embedded platform.
"""
from __future__ import annotations

from kiosk.session import Identity
from kiosk.walkthrough import step

DEMO_ID = "990100199001011234"     # fictitious region 990100, valid check digit


def _twin(w, role: str):
    from devices.virtual import camera_twin
    source = w.ctx.config.camera[role].source
    return camera_twin.device(source[len("virtual:"):]) if source.startswith("virtual:") else None


def _face(w):
    return w.shell.current()


@step(400, "face-verify-position")
def face_position(w) -> None:
    w.ctx.session.identity = Identity("idcard", "示例", DEMO_ID)
    twin = _twin(w, "face")
    if twin:
        twin.set_scene("face")
    w.nav.go("face_verify", next="home")
    w.wait_for(lambda: _face(w).progress is not None, 15000)


@step(410, "face-verify-challenge")
def face_challenge(w) -> None:
    w.wait_for(lambda: _face(w).progress is not None and
               _face(w).progress.phase in ("challenge", "done"), 15000)


@step(420, "face-verify-confirmed")
def face_confirmed(w) -> None:
    w.wait_for(lambda: _face(w).outcome is not None, 20000)
    assert _face(w).outcome == ("ok", "match"), _face(w).outcome


def _attempt_with_photo(w, failures_before: int) -> None:
    """Hold a printed photo up to the face camera and let a real attempt run out (3 s challenge)."""
    screen = _face(w)
    twin = _twin(w, "face")
    if twin:
        twin.set_scene("photo")
    verifier = screen.check.verifier
    verifier.failures = failures_before
    screen.check.timeout_s = 3.0
    screen._retry()
    w.wait_for(lambda: screen.outcome is not None, 20000)


@step(430, "face-verify-photo-rejected")
def face_photo(w) -> None:
    """A printed photo: it passes the quality gates but never blinks or turns; try again offered."""
    _attempt_with_photo(w, 0)
    assert _face(w).outcome == ("warn", "liveness_timeout"), _face(w).outcome


@step(440, "face-verify-ask-staff")
def face_staff(w) -> None:
    """The last attempt fails too: the citizen is sent to staff."""
    _attempt_with_photo(w, _face(w).check.verifier.max_attempts - 1)
    assert _face(w).outcome[0] == "error"
    twin = _twin(w, "face")
    if twin:
        twin.set_scene("face")
    w.ctx.session.wipe()
