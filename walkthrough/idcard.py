"""Walkthrough states of identification by ID card, driven by the virtual reader (the twin on a pty
behind the real driver): place, reading, summary, expired, not recognised, reader unplugged and
back, large text in English, confirmed, wiped."""
from __future__ import annotations

from walkthrough.walker import step


def _screen(w):
    screen = w.shell.current()
    assert screen.name == "identify_idcard", screen.name
    return screen


def _phase(w, phase: str, timeout_ms: int = 5000) -> None:
    w.wait_for(lambda: _screen(w).flow.phase == phase, timeout_ms)


def _service(w):
    return w.ctx.services.idcard


def _twin(w):
    """The virtual reader behind the ID card area (the walkthrough runs with --demo devices)."""
    return w.ctx.services.idcard.twin


@step(300, "idcard-place-card")
def place_card(w) -> None:
    service = _service(w)
    service.twin.scenario("no_card")
    w.wait_for(lambda: service.state == "connected", 5000)
    w.nav.go("identify_idcard")
    _phase(w, "waiting")


@step(305, "idcard-reading")
def reading(w) -> None:
    service = _service(w)
    service.twin.rf_delay_s = 0.8          # a real reader's RF time, so the state can be seen
    service.twin.place_card("resident")
    _phase(w, "reading")


@step(310, "idcard-read-summary")
def read_summary(w) -> None:
    _phase(w, "read")
    _service(w).twin.rf_delay_s = 0.0
    screen = _screen(w)
    assert w.ctx.session.identity is None, "nothing goes into the session before the citizen confirms"
    shown = " ".join(v.text() for v in screen.summary_values)
    assert "990101198805160026" not in shown and "990101********0026" in shown and "*" in shown


@step(315, "idcard-expired")
def expired(w) -> None:
    _screen(w).again_button.click()
    _twin(w).scenario("resident_expired")
    _phase(w, "expired")
    assert w.ctx.session.identity is None


@step(320, "idcard-not-recognised")
def not_recognised(w) -> None:
    _twin(w).scenario("removed_before_read")
    _phase(w, "retry")


@step(325, "idcard-reader-unavailable")
def unavailable(w) -> None:
    _twin(w).unplug()
    _phase(w, "unavailable")


@step(330, "idcard-reader-back")
def reader_back(w) -> None:
    twin = _twin(w)
    twin.replug()
    twin.scenario("no_card")
    _phase(w, "waiting", 4000)


@step(335, "idcard-large-text-english")
def large_text_english(w) -> None:
    w.shell.toggle_elderly()
    w.shell.toggle_language()
    _twin(w).place_card("resident_longterm")
    _phase(w, "read")


@step(340, "idcard-identified")
def identified(w) -> None:
    w.shell.toggle_elderly()
    w.shell.toggle_language()
    _screen(w).continue_button.click()
    w.settle(100)
    identity = w.ctx.session.identity
    assert identity is not None and identity.extra["valid_until"] is None
    assert w.shell.current().name != "identify_idcard"


@step(345, "idcard-session-wiped")
def wiped(w) -> None:
    photo = w.ctx.session.identity.extra["photo_wlt"]
    w.shell.end_session()
    assert w.ctx.session.identity is None
    assert photo == bytearray(len(photo))
    _twin(w).remove_card()
