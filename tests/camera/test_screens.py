"""The camera screens in the real shell (offscreen), on the virtual cameras and the loopback platform:
preview rate while verification runs, instructions, result, QR read, pages and PDF. Checked by what
a citizen reads and touches (and the preview rate a citizen sees)."""
from __future__ import annotations

from functools import partial

import pytest

import touch
from kiosk import messages
from kiosk.session import Identity
from touch import button_texts, shown, translator

DEMO_ID = "990100199001011234"
FACE = "FaceVerifyScreen"
tr = translator(FACE)
# what a citizen can touch here is only what is enabled; the cameras and the checks take their time
tap = partial(touch.tap, enabled_only=True, timeout=8000)
reads = partial(touch.reads, timeout=10000)


@pytest.fixture
def shell(platform, models, fresh_twins, make_ctx, show_shell):
    import devices.virtual
    from devices import openers
    from kiosk.wiring.camera import wire
    previous = openers.get("camera", "virtual")
    devices.virtual.register_all()          # the virtual cameras, as the demo wiring has them
    # a 30 fps face camera: the preview must keep up with it (>= 25 fps) while detection runs
    ctx = make_ctx({"camera": {"face": {"fps": 30}}})
    ctx.platform_url = platform.url
    wire(ctx)
    yield show_shell(ctx)
    if previous is None:
        openers.unregister("camera", "virtual")
    else:
        openers.register("camera", "virtual", previous)


def _fps_during_the_check(shell, qtbot):
    """Start the face check and sample the preview's frame rate while detection runs."""
    ctx = shell.ctx
    ctx.session.identity = Identity("idcard", "示例", DEMO_ID)
    shell.go("face_verify", next="home")
    screen = shell.current()
    steps = [tr(t) for t in ("Please blink your eyes",
                             "Slowly turn your head to your left, then look back",
                             "Slowly turn your head to your right, then look back")]
    fps_during_check = []
    qtbot.waitUntil(lambda: fps_during_check.append(screen.view.preview_fps) or
                    any(step in shown(shell) for step in steps), timeout=15000)
    qtbot.wait(1200)                                   # detection and liveness are running
    if tr("Identity confirmed") not in shown(shell):
        fps_during_check.append(screen.view.preview_fps)
    return screen, fps_during_check


@pytest.mark.perf
def test_face_screen_previews_at_25_fps_while_verifying(shell, qtbot):
    """Speed, not correctness: a 30 fps camera's preview keeps >= 25 fps during detection."""
    _, fps_during_check = _fps_during_the_check(shell, qtbot)
    assert max(fps_during_check) >= 25, fps_during_check


def test_face_screen_previews_while_verifying_and_confirms(shell, qtbot, tmp_path):
    screen, fps_during_check = _fps_during_the_check(shell, qtbot)
    assert max(fps_during_check) > 0, "the preview showed no frame during the check"
    reads(qtbot, shell, tr("Identity confirmed"), timeout=20000)
    assert tr("Your face matches the photo on file. Thank you.") in shown(shell)
    assert not screen.view.isVisible()                 # the camera picture is gone
    grab = tmp_path / "face.png"                       # synthetic face only; for a human to look at
    assert screen.grab().save(str(grab))
    tap(qtbot, shell, tr("Continue"))
    assert shell.current().name == "home"


def test_a_confirmed_face_goes_on_by_itself(shell, qtbot):
    from kiosk.flows.face_check import GO_ON_AFTER_S
    shell.ctx.session.identity = Identity("idcard", "示例", DEMO_ID)
    shell.go("face_verify", next="evaluation")
    reads(qtbot, shell, tr("Identity confirmed"), timeout=20000)
    assert shell.current().name == "face_verify"       # the match is shown first, to be read
    qtbot.waitUntil(lambda: shell.current().name == "evaluation",
                    timeout=int(GO_ON_AFTER_S * 1000) + 3000)


def test_face_screen_without_reference_sends_to_staff(shell, qtbot):
    shell.ctx.session.identity = Identity("idcard", "示例", "00000019900101123X")
    shell.go("face_verify")
    reads(qtbot, shell, messages.ask_staff())
    assert tr("There is no photo on file to compare with.") in shown(shell)
    assert tr("Try again") not in button_texts(shell, enabled_only=True)
    tap(qtbot, shell, tr("Finish and ask staff"))
    assert shell.ctx.session.identity is None          # the session ended
    assert shell.current().name == "home"


def test_quality_instruction_names_the_problem(shell, qtbot, fresh_twins):
    fresh_twins.device("face").set_scene("two_faces")
    shell.ctx.session.identity = Identity("idcard", "示例", DEMO_ID)
    shell.go("face_verify")
    reads(qtbot, shell, tr("Only one person in front of the camera, please"))


def test_qr_screen_reads_and_hands_on(shell, qtbot):
    shell.go("qr_scan", purpose="receipt")
    reads(qtbot, shell, "SL-990100-20261122-000123", timeout=8000)
    assert tr("Code read.", "QrScanScreen") in shown(shell)
    assert shell.ctx.session.get("qr_code") == "SL-990100-20261122-000123"
    assert tr("Scan another code", "QrScanScreen") in button_texts(shell, enabled_only=True)


def pages_text(count: int) -> str:
    return tr("Pages: %1. Touch a page to take it again or remove it.",
              "DocumentCaptureScreen").replace("%1", str(count))


def test_document_screen_captures_retakes_and_binds(shell, qtbot):
    doc = "DocumentCaptureScreen"
    shell.go("document_capture", material="居民户口簿")
    screen = shell.current()
    qtbot.waitUntil(lambda: screen.view.page_corners is not None, timeout=8000)  # the outline shows
    for count in (1, 2):
        tap(qtbot, shell, tr("Take picture", doc))
        reads(qtbot, shell, pages_text(count), timeout=8000)
    tap(qtbot, shell, tr("Page %1", doc).replace("%1", "2"))
    tap(qtbot, shell, tr("Take page %1 again", doc).replace("%1", "2"))   # retake page 2
    qtbot.waitUntil(lambda: tr("Take picture", doc) in button_texts(shell, enabled_only=True),
                    timeout=8000)
    assert pages_text(2) in shown(shell)
    tap(qtbot, shell, tr("Page %1", doc).replace("%1", "1"))
    tap(qtbot, shell, tr("Remove page", doc))
    reads(qtbot, shell, pages_text(1))
    tap(qtbot, shell, tr("Done", doc))
    pdf = shell.ctx.session.get("materials_pdf")
    assert pdf[:4] == b"%PDF" and shell.ctx.session.get("materials_pages") == 1
    shell.end_session()
    assert not any(pdf)                                # zeroed with the session


def test_a_camera_unplugged_mid_scan_is_said_and_recovers(shell, qtbot, fresh_twins):
    device = fresh_twins.device("qr")
    device.set_scene("empty")                              # nothing to read yet
    shell.go("qr_scan", purpose="appointment")
    screen = shell.current()
    qtbot.wait(500)
    device.unplug()
    qtbot.waitUntil(lambda: screen.view.lost, timeout=5000)   # "The camera is not responding"
    device.set_scene("qr")
    device.replug()
    reads(qtbot, shell, "SL-990100-20261122-000123", timeout=8000)
    assert not screen.view.lost
