"""The camera screens in the real shell (offscreen), on the virtual cameras and the loopback platform:
preview rate while verification runs, instructions, result, QR read, pages and PDF."""
from __future__ import annotations

import pytest

from kiosk.session import Identity

DEMO_ID = "990100199001011234"


@pytest.fixture
def shell(platform, models, fresh_twins, make_ctx, show_shell):
    from kiosk.wiring.camera import wire
    # a 30 fps face camera: the preview must keep up with it (>= 25 fps) while detection runs
    ctx = make_ctx({"camera": {"face": {"fps": 30}}})
    ctx.services["platform_url"] = platform.url
    wire(ctx)
    return show_shell(ctx)


def test_face_screen_previews_at_25_fps_while_verifying_and_confirms(shell, qtbot, tmp_path):
    ctx = shell.ctx
    ctx.session.identity = Identity("idcard", "示例", DEMO_ID)
    shell.go("face_verify", next="home")
    screen = shell.current()
    qtbot.waitUntil(lambda: screen.progress is not None, timeout=10000)
    fps_during_check = []
    qtbot.waitUntil(lambda: fps_during_check.append(screen.view.preview_fps) or
                    screen.progress.phase in ("challenge", "done"), timeout=10000)
    qtbot.wait(1200)                                   # detection and liveness are running
    if screen.outcome is None:
        fps_during_check.append(screen.view.preview_fps)
    print("preview fps during the check:", [round(f, 1) for f in fps_during_check[-3:]])
    assert max(fps_during_check) >= 25, fps_during_check
    assert screen.instruction.text()                   # the citizen is told what to do
    qtbot.waitUntil(lambda: screen.outcome is not None, timeout=20000)
    assert screen.outcome == ("ok", "match")
    assert ctx.session.get("face_verified") is True
    assert screen.done_button.isVisible() and not screen.view.isVisible()
    assert screen.live.worker is None                       # camera released
    grab = tmp_path / "face.png"                       # synthetic face only; for a human to look at
    assert screen.grab().save(str(grab))


def test_face_screen_without_reference_sends_to_staff(shell, qtbot):
    shell.ctx.session.identity = Identity("idcard", "示例", "00000019900101123X")
    shell.go("face_verify")
    screen = shell.current()
    qtbot.waitUntil(lambda: screen.outcome is not None, timeout=10000)
    assert screen.outcome == ("error", "no_reference")
    assert screen.staff_button.isVisible() and not screen.retry_button.isVisible()
    screen.staff_button.click()
    assert shell.ctx.session.identity is None          # the session ended


def test_quality_instruction_names_the_problem(shell, qtbot, fresh_twins):
    fresh_twins.device("face").set_scene("two_faces")
    shell.ctx.session.identity = Identity("idcard", "示例", DEMO_ID)
    shell.go("face_verify")
    screen = shell.current()
    qtbot.waitUntil(lambda: screen.progress is not None and
                    screen.progress.instruction == "multiple_faces", timeout=10000)
    screen._render()
    from PySide6.QtCore import QCoreApplication
    from screens.face_verify import INSTRUCTIONS
    assert screen.instruction.text() == QCoreApplication.translate(
        "FaceVerifyScreen", INSTRUCTIONS["multiple_faces"])


def test_qr_screen_reads_and_hands_on(shell, qtbot):
    shell.go("qr_scan", purpose="receipt")
    screen = shell.current()
    qtbot.waitUntil(lambda: screen.code is not None, timeout=8000)
    assert screen.code == "SL-990100-20261122-000123"
    assert shell.ctx.session.get("qr_code") == screen.code
    assert screen.live.worker is None and screen.again.isVisible()


def test_document_screen_captures_retakes_and_binds(shell, qtbot):
    shell.go("document_capture", material="居民户口簿")
    screen = shell.current()
    qtbot.waitUntil(lambda: screen.view.page_corners is not None, timeout=8000)
    for _ in range(2):
        screen.capture_button.click()
        qtbot.waitUntil(lambda: not screen.busy, timeout=8000)
    assert len(screen.batch.pages) == 2 and screen.strip.count() == 3   # two thumbnails + stretch
    screen._select(1)
    assert "2" in screen.capture_button.text()
    screen.capture_button.click()                      # retake page 2
    qtbot.waitUntil(lambda: not screen.busy, timeout=8000)
    assert len(screen.batch.pages) == 2 and screen.selected is None
    screen._select(0)
    screen.remove_button.click()
    assert len(screen.batch.pages) == 1
    screen.done_button.click()
    pdf = shell.ctx.session.get("materials_pdf")
    assert pdf[:4] == b"%PDF" and shell.ctx.session.get("materials_pages") == 1
    shell.end_session()
    assert not any(pdf)                                # zeroed with the session


def test_a_camera_unplugged_mid_scan_is_said_and_recovers(shell, qtbot, fresh_twins):
    device = fresh_twins.device("qr")
    device.set_scene("empty")                              # nothing to read yet
    shell.go("qr_scan", purpose="appointment")
    screen = shell.current()
    qtbot.waitUntil(lambda: screen.view._image is not None, timeout=5000)
    device.unplug()
    qtbot.waitUntil(lambda: screen.view.lost, timeout=5000)
    assert screen.view._image is None                      # no frozen last picture
    assert screen.live.worker.latest() is None
    device.set_scene("qr")
    device.replug()
    qtbot.waitUntil(lambda: screen.code is not None, timeout=8000)
    assert not screen.view.lost
