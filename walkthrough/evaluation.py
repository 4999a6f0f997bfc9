"""Walkthrough states of rating a service, online and with the platform unreachable."""
from __future__ import annotations

from walkthrough.walker import step


@step(600, "rate-choose-level")
def choose(w) -> None:
    w.nav.home()
    w.nav.go("evaluation")


@step(610, "rate-low-asks-reasons")
def low(w) -> None:
    screen = w.shell.current()
    screen.choose("dissatisfied")
    assert screen.reasons_card.isVisible() and not screen.submit_button.isEnabled()
    screen.toggle("long_wait")


@step(620, "rate-recorded")
def recorded(w) -> None:
    screen = w.shell.current()
    screen.submit()
    assert screen.submitted


@step(1995, "rate-offline-saved-for-later", area="offline")
def offline(w) -> None:
    # the platform is down (the offline catalog step stopped it); one delivery attempt tells sync
    w.ctx.embedded_platform.stop()
    sync = w.ctx.services.sync
    sync.heartbeat.beat()   # the next heartbeat finds the platform gone
    w.wait_for(lambda: sync.status().online is False, 10000)
    w.nav.home()
    w.nav.go("evaluation")
    screen = w.shell.current()
    screen.choose("very_satisfied")
    screen.submit()
    assert screen.submitted
    assert sync.outbox.stats().depth >= 1   # kept on the kiosk, not lost
