"""Each camera (face, document, QR) unplugged while a screen shows it, then plugged back in: the
virtual camera twin, the product's camera area and capture worker, the screens' live camera view
fed through the bridge."""
from __future__ import annotations

import pytest

import touch


@pytest.fixture
def ctx(make_ctx):
    from kiosk import i18n
    from kiosk.wiring import camera
    context = make_ctx({"face": {"enabled": False}})     # no face models: cameras only
    i18n.install(context.config.ui.language)             # as the shell does: the citizen's words
    camera.wire(context)
    return context


@pytest.mark.parametrize("role", ["face", "document", "qr"])
def test_camera_unplugged_and_back(role, row, ctx, qtbot):
    from devices.virtual import camera_twin
    from kiosk.wiring.sync import _device_states
    from screens.camera_view import CameraView, LiveCamera, ResultRelay
    r = row(f"{role} camera unplugged while in use, then plugged back in")
    view = CameraView()
    qtbot.addWidget(view)
    view.show()
    live = LiveCamera(ctx, role, view, ResultRelay())
    assert live.start(lambda frame: None)
    twin = camera_twin.device(ctx.config.camera[role].source.split(":", 1)[1])
    try:
        qtbot.waitUntil(lambda: view._image is not None, timeout=5000)     # frames on screen
        twin.unplug()
        qtbot.waitUntil(lambda: view.lost and view._image is None, timeout=5000)
        said = touch.tr("The camera is not responding. Trying again…", "CameraView")
        r.saw(f"the camera view says: {said}")
        area = ctx.services.camera
        assert f"{role} camera lost" in area.state
        r.alerted(f"heartbeat devices: {_device_states(ctx)}")

        twin.replug()
        qtbot.waitUntil(lambda: not view.lost and view._image is not None, timeout=8000)
        assert area.state == "ready"
        r.came_back(f"yes, by itself: the capture worker reopened it and frames show again; "
                    f"heartbeat devices: {_device_states(ctx)}")
        r.records = "n/a (nothing queued; frames are never kept)"
    finally:
        twin.replug()
        live.stop()
