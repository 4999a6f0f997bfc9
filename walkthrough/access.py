"""Walkthrough states of accessibility: voice guidance on (what is said is written beside each
PNG as NN-name.spoken.txt), in both languages and in large text."""
from __future__ import annotations

import dataclasses

from walkthrough.walker import step


def _voice_on(w) -> None:
    speaker = w.shell.speaker
    # the walkthrough never plays sound: Qt's mock engine takes what the kiosk would say
    speaker.settings = dataclasses.replace(speaker.settings, engine="mock")
    if not speaker.enabled:
        w.shell.voice_button.click()


@step(2100, "access-voice-home")
def voice_home(w) -> None:
    # earlier areas may leave the attract loop running over the home screen
    if w.shell.attract.isVisible():
        w.shell.attract.stop()
    w.shell.idle_warning.dismiss()
    w.nav.home()
    _voice_on(w)
    w.settle(100)
    assert w.shell.repeat_button.isVisible() and w.shell.speaker.history


@step(2110, "access-voice-identify-large-text")
def voice_identify(w) -> None:
    if not w.ctx.session.elderly_mode:
        w.shell.elderly_button.click()
    w.nav.go("identify", next="home")
    w.settle(100)
    assert w.shell.speaker.last_screen is not None


@step(2120, "access-voice-english")
def voice_english(w) -> None:
    w.shell.lang_button.click()
    w.settle(100)
    assert w.shell.speaker.history[-1].language in ("en", "zh_CN")


@step(2130, "access-voice-off-again")
def voice_off(w) -> None:
    w.shell.lang_button.click()
    w.shell.elderly_button.click()
    w.shell.voice_button.click()
    w.nav.home()
    assert not w.shell.speaker.enabled and not w.shell.repeat_button.isVisible()
