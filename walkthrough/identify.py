"""Walkthrough states of the ways to identify beyond the cards (orders 1100-1124, before the offline states at the end, 1990 on): every way offered,
the phone's e-ID code accepted and refused, face login's consent, match and refusal, a service
whose policy hides a way, large text and English. The phone is the embedded platform's demo phone
(its admin endpoint issues codes) held up to the virtual QR camera; the face is the virtual face
camera's live scene compared on the kiosk with the photo on file."""
from __future__ import annotations

from devices.virtual import camera_twin
from kiosk.flows.face_check import Outcome
from walkthrough.walker import step

PERSON = "990101198805160026"             # 林示例 (reference_platform/data/identity.json)
NO_PHONE_ITEM = "1199010002GG00208003"    # 社会保障卡补领: its policy leaves out the phone code


def _show(w, code: str) -> None:
    camera_twin.device(w.ctx.config.camera.qr.source.split(":", 1)[1]).set_scene(f"qr:{code}")


def _issue(w, **spec) -> str:
    return w.ctx.embedded_platform.admin.call("/api/v1/admin/identity/phone-code",
                                              {"id_number": PERSON, **spec})["code"]


def _phone_screen(w):
    w.ctx.session.wipe()
    camera_twin.device(w.ctx.config.camera.qr.source.split(":", 1)[1]).set_scene("empty")
    w.nav.go("identify", next="home")
    w.nav.go("identify_phone")
    w.wait_for(lambda: w.shell.current().flow.phase == "ready", 5000)
    return w.shell.current()


@step(1100, "identify-all-ways")
def all_ways(w) -> None:
    w.ctx.session.wipe()
    w.nav.go("identify", next="home")
    keys = [m.key for _tile, m in w.shell.current().tiles]
    # the social security card is offered when its reader is there (a shared pcscd may hold both
    # virtual slots while tests run beside the walkthrough)
    expected = ["idcard", "ssc", "phone", "face"] if w.ctx.services.smartcard is not None and \
        w.ctx.services.smartcard.available else ["idcard", "phone", "face"]
    assert keys == expected, keys


@step(1102, "identify-phone-waiting")
def phone_waiting(w) -> None:
    _phone_screen(w)


@step(1104, "identify-phone-accepted")
def phone_accepted(w) -> None:
    screen = _phone_screen(w)
    _show(w, _issue(w))
    w.wait_for(lambda: screen.summary.isVisible(), 10000)
    assert screen.summary_values[0].text() == "林*例"


@step(1106, "identify-phone-confirmed")
def phone_confirmed(w) -> None:
    screen = w.shell.current()
    if screen.name != "identify_phone" or screen.flow.phase != "confirm":
        phone_accepted(w)
        screen = w.shell.current()
    screen.confirm_button.click()
    w.wait_for(lambda: w.ctx.session.identity is not None, 3000)
    assert w.ctx.session.identity.source == "phone_eid" and w.shell.current().is_home


@step(1108, "identify-phone-expired")
def phone_expired(w) -> None:
    screen = _phone_screen(w)
    _show(w, _issue(w, expired=True))
    w.wait_for(lambda: screen.flow.phase == "refused", 10000)
    assert screen.flow.reason == "code_expired"


@step(1110, "identify-phone-screenshot")
def phone_screenshot(w) -> None:
    code = _issue(w)
    screen = _phone_screen(w)
    _show(w, code)
    w.wait_for(lambda: screen.flow.phase == "confirm", 10000)
    screen = _phone_screen(w)                 # the next citizen shows a screenshot of that code
    _show(w, code)
    w.wait_for(lambda: screen.flow.phase == "refused", 10000)
    assert screen.flow.reason == "code_used"


def _face_login(w):
    w.ctx.session.wipe()
    camera_twin.device(w.ctx.config.camera.face.source.split(":", 1)[1]).set_scene("face")
    w.nav.go("identify", next="home")
    w.nav.go("identify_face")
    return w.shell.current()


@step(1112, "identify-face-consent")
def face_consent(w) -> None:
    screen = _face_login(w)
    assert screen.flow.phase == "consent" and screen.consent.isVisible()


@step(1114, "identify-face-enter-id")
def face_enter_id(w) -> None:
    screen = w.shell.current()
    if screen.name != "identify_face":
        screen = _face_login(w)
    screen.agree_button.click()
    for char in PERSON[:-1] + "7":            # a wrong last digit: said next to the field
        screen.keypad.press(char)
    assert screen.flow.problem == "id_number_check_digit" and screen.problem.isVisible()


@step(1116, "identify-face-matched")
def face_matched(w) -> None:
    screen = w.shell.current()
    if screen.name != "identify_face":
        face_enter_id(w)
        screen = w.shell.current()
    screen.keypad.press("del")
    screen.keypad.press(PERSON[-1])
    screen.keypad.ok_button.click()
    w.wait_for(lambda: w.shell.current().name == "face_verify", 10000)
    w.wait_for(lambda: w.shell.current().flow.outcome is not None, 30000)
    assert w.shell.current().flow.outcome == Outcome("ok", "match"), w.shell.current().flow.outcome
    assert w.ctx.session.identity.name == "林示例"


@step(1118, "identify-face-not-on-file")
def face_not_on_file(w) -> None:
    screen = _face_login(w)
    screen.agree_button.click()
    for char in "990109200001010015":         # a valid number nobody on file has
        screen.keypad.press(char)
    screen.keypad.ok_button.click()
    w.wait_for(lambda: screen.flow.phase == "refused", 10000)
    assert screen.flow.reason == "not_on_file"


@step(1120, "identify-policy-hides-phone")
def policy_hides(w) -> None:
    w.ctx.session.wipe()
    w.nav.go("identify", next="home", code=NO_PHONE_ITEM)
    keys = [m.key for _tile, m in w.shell.current().tiles]
    assert "phone" not in keys and "idcard" in keys, keys


@step(1122, "identify-ways-large-text-english")
def large_english(w) -> None:
    w.shell.toggle_elderly()
    w.shell.toggle_language()
    all_ways(w)


@step(1124, "identify-ways-back-to-normal")
def back_to_normal(w) -> None:
    w.shell.toggle_elderly()
    w.shell.toggle_language()
    all_ways(w)
