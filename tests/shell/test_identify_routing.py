"""After identification, document printing goes through face verification when the kiosk has it."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from kiosk.session import Identity
from screens.identify import continue_to, identified


class Nav:
    def __init__(self):
        self.calls = []

    def go(self, name, **params):
        self.calls.append((name, params))


@pytest.fixture
def screen(ctx):
    import screens.face_verify  # noqa: F401  (registers the screen)
    ctx.services["camera"] = object()
    return SimpleNamespace(ctx=ctx, nav=Nav())


def test_printing_asks_for_the_face_first(screen):
    screen.ctx.session.put("after_identify", "print_licences")
    identified(screen, Identity("idcard", "测试人", "990101199001011237"))
    assert screen.nav.calls == [("face_verify", {"next": "print_licences"})]
    assert screen.ctx.session.identity.name == "测试人"


def test_face_already_verified_goes_straight_on(screen):
    screen.ctx.session.put("face_verified", True)
    continue_to(screen, "print_licences", {})
    assert screen.nav.calls == [("print_licences", {})]


def test_no_camera_or_other_task_goes_straight_on(screen):
    continue_to(screen, "home", {})
    screen.ctx.services.pop("camera")
    continue_to(screen, "print_licences", {})
    assert screen.nav.calls == [("home", {}), ("print_licences", {})]
