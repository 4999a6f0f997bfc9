"""The phone code and face login in the real shell (offscreen), on the virtual QR and face cameras
and the loopback reference platform, by what a citizen reads and touches; and the identify screen
offering only the ways a task's policy allows."""
from __future__ import annotations

from functools import partial

import pytest

import touch
from kiosk import messages
from touch import button_texts, shown, translator

PERSON = "990101198805160026"             # 林示例, on file at the reference platform
tr = translator("IdentifyPhoneScreen")
tap = partial(touch.tap, enabled_only=True, timeout=8000)
reads = partial(touch.reads, timeout=10000)
CAPTIONS = (("idcard", "Resident ID card"), ("ssc", "Social security card"),
            ("phone", "Phone code (e-ID)"), ("face", "Face login"))


def way(key: str) -> str:
    """A way's tile caption as the citizen reads it (in the language loaded now)."""
    return tr(dict(CAPTIONS)[key], "IdentifyMethods")


@pytest.fixture
def shell(platform, fresh_twins, make_ctx, show_shell):
    import devices.virtual
    from devices import openers
    from kiosk.wiring import camera, catalog, idcard
    from kiosk.wiring.platform import open_link
    previous = openers.get("camera", "virtual")
    devices.virtual.register_all()
    ctx = make_ctx({"smartcard": {"enabled": False}})
    ctx.platform_url = platform.url
    ctx.platform = open_link(ctx.config, platform.url, demo=True,
                             enroll_token=platform.demo_enrollment_token)
    ctx.on_shutdown(ctx.platform.close)
    catalog.wire(ctx)
    ctx.services.catalog.wait_first_refresh(20)
    camera.wire(ctx)
    idcard.wire(ctx)
    yield show_shell(ctx)
    if previous is None:
        openers.unregister("camera", "virtual")
    else:
        openers.register("camera", "virtual", previous)


def show_code(platform, fresh_twins, **spec) -> str:
    code = platform.admin.call("/api/v1/admin/identity/phone-code",
                               {"id_number": PERSON, **spec})["code"]
    fresh_twins.device("qr").set_scene(f"qr:{code}")
    return code


def offered(shell) -> list[str]:
    texts = button_texts(shell.current())
    return [key for key, _ in CAPTIONS if any(way(key) in t for t in texts)]


def test_the_phone_code_identifies_after_the_citizen_confirms(shell, qtbot, platform, fresh_twins):
    fresh_twins.device("qr").set_scene("empty")
    shell.go("identify", next="home")
    assert offered(shell) == ["idcard", "phone", "face"]
    tap(qtbot, shell, way("phone"))
    reads(qtbot, shell, tr("Open the electronic ID or the electronic social security card in your "
                           "phone's government app and hold its QR code up to the scanner."))
    show_code(platform, fresh_twins)
    reads(qtbot, shell, "林*例")
    assert "990101********0026" in shown(shell) and PERSON not in shown(shell)
    assert shell.ctx.session.identity is None              # not before "this is me"
    tap(qtbot, shell, tr("This is me, continue"))
    qtbot.waitUntil(lambda: shell.current().is_home, timeout=3000)
    assert shell.ctx.session.identity.name == "林示例"


def test_an_expired_code_and_a_screenshot_are_refused_kindly(shell, qtbot, platform, fresh_twins):
    fresh_twins.device("qr").set_scene("empty")
    shell.go("identify_phone")
    show_code(platform, fresh_twins, expired=True)
    reads(qtbot, shell, messages.message("code_expired"))
    assert tr("Scan again") in button_texts(shell) and tr("Use a card instead") in button_texts(shell)
    code = show_code(platform, fresh_twins)
    tap(qtbot, shell, tr("Scan again"))
    reads(qtbot, shell, "林*例")
    shell.go("identify_phone")                             # shown again, as a screenshot
    fresh_twins.device("qr").set_scene(f"qr:{code}")
    reads(qtbot, shell, messages.message("code_used"))
    assert shell.ctx.session.identity is None


def test_offline_the_phone_code_says_to_use_a_card(shell, qtbot, platform):
    platform.stop()
    shell.ctx.services.catalog.refresh_now()               # the kiosk now knows it is offline
    shell.go("identify_phone")
    reads(qtbot, shell, messages.message("phone_code_offline"))
    tap(qtbot, shell, tr("Use a card instead"))
    assert shell.current().name == "identify"


def test_face_login_asks_consent_first_and_another_way_is_one_tap_away(shell, qtbot):
    face = translator("IdentifyFaceScreen")
    shell.go("identify", next="home")
    tap(qtbot, shell, way("face"))
    reads(qtbot, shell, face("Before we compare your face"))
    assert face("Type your ID number") not in shown(shell)
    tap(qtbot, shell, face("Use another way"))
    assert shell.current().name == "identify"
    tap(qtbot, shell, way("face"))
    tap(qtbot, shell, face("I agree, continue"))
    for digit in PERSON[:-1] + "7":
        tap(qtbot, shell, digit, words_only=True)
    reads(qtbot, shell, messages.message("id_number_check_digit"))


def test_a_policy_hides_ways(shell, qtbot):
    shell.go("identify", next="home", code="1199010002GG00208003")   # no phone code for this item
    assert offered(shell) == ["idcard", "face"]
    shell.go("identify", next="print_licences")                     # documents: no face login
    assert offered(shell) == ["idcard", "phone"]
