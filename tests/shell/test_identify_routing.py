"""After identification, document printing goes through face verification when the kiosk has it
(人证比对): the citizen identifies with the ID card twin in the real shell and reads where they
are; the rule itself is kiosk.flows.identify.next_step."""
from __future__ import annotations

from functools import partial
from types import SimpleNamespace

import pytest

import touch
from devices.camera.errors import CameraError
from kiosk.flows.face_policy import mark_face_verified
from kiosk.session import Identity
from kiosk.wiring.idcard import build_area
from touch import shown, tr

# this file's time limit for a button or a text to show
tap = partial(touch.tap, timeout=3000)
reads = partial(touch.reads, timeout=3000)


def face_title() -> str:
    return tr("Face verification", "FaceVerifyScreen")


def print_title() -> str:
    return tr("Print my licences", "PrintLicencesScreen")


def no_photo_on_file():
    raise CameraError("no_reference", "no photo on file in this test")


@pytest.fixture
def ctx(make_ctx):
    context = make_ctx({"idcard": {"port": "virtual:idcard", "poll_interval_ms": 100}})
    service = build_area(context.config, context.bridge.callback("idcard")).start()
    context.services.idcard = service
    context.on_shutdown(service.stop)
    # a camera area whose attempts cannot start: where the citizen is sent is what matters here
    context.services.camera = SimpleNamespace(new_face_check=no_photo_on_file)
    return context


@pytest.fixture
def shell(ctx, show_shell, qtbot):
    widget = show_shell(ctx)
    qtbot.waitUntil(lambda: ctx.services.idcard.state == "connected", timeout=3000)
    return widget


def identify_with_the_card(qtbot, shell, ctx) -> None:
    """The only identify method is the ID card, so the chooser opens it straight away."""
    context = "IdentifyIdCardScreen"
    reads(qtbot, shell, tr("Place your ID card on the reader", context))
    ctx.services.idcard.twin.place_card("resident")
    reads(qtbot, shell, tr("Please check that this is you", context))
    tap(qtbot, shell, tr("Yes, this is me, continue", context))


def test_printing_asks_for_the_face_first(shell, ctx, qtbot):
    shell.go("identify", next="print_licences")
    identify_with_the_card(qtbot, shell, ctx)
    reads(qtbot, shell, face_title())
    assert ctx.session.identity.name == "林示例"


def test_face_already_verified_goes_straight_on(shell, ctx, qtbot):
    ctx.session.identity = Identity("idcard", "测试人", "990101199001011237")
    mark_face_verified(ctx.session)
    shell.go("identify", next="print_licences")
    reads(qtbot, shell, print_title())
    assert face_title() not in shown(shell)


def test_another_card_in_the_same_session_is_checked_again(shell, ctx, qtbot):
    ctx.session.identity = Identity("idcard", "测试人", "990101199001011237")
    mark_face_verified(ctx.session)
    ctx.session.identity = None                    # "Read again" with someone else's card
    shell.go("identify", next="print_licences")
    identify_with_the_card(qtbot, shell, ctx)
    reads(qtbot, shell, face_title())


def test_no_camera_or_another_task_goes_straight_on(shell, ctx, qtbot):
    shell.go("identify", next="home")
    tap(qtbot, shell, tr("Resident ID card", "IdentifyMethods"))
    identify_with_the_card(qtbot, shell, ctx)
    assert shell.current().is_home
    ctx.services.camera = None
    shell.go("identify", next="print_licences")
    reads(qtbot, shell, print_title())
    assert face_title() not in shown(shell)


def test_the_rule_without_qt():
    from kiosk.flows.identify import FaceCheckSupport, next_step, remember_destination
    from kiosk.session import Session
    session = Session()
    remember_destination(session, "print_licences", {"item": "X"})
    session.identity = Identity("idcard", "测试人", "990101199001011237")
    with_camera, without = FaceCheckSupport(True, True), FaceCheckSupport(True, False)
    assert next_step(session, with_camera).face_check_first
    assert not next_step(session, without).face_check_first
    assert not next_step(session, FaceCheckSupport(False, True)).face_check_first
    assert next_step(session, with_camera, "home") == next_step(session, without, "home")
    mark_face_verified(session)
    step = next_step(session, with_camera)
    assert (step.task, step.params, step.face_check_first) == ("print_licences", {"item": "X"},
                                                               False)
