"""Shared fixtures. Area fixtures live in each test folder's own conftest.py."""
from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def platform(tmp_path):
    """The reference platform on a free 127.0.0.1 port with the demo data set, stopped after."""
    from reference_platform.server import PlatformServer
    server = PlatformServer(tmp_path / "platform.sqlite3").start()
    yield server
    server.stop()


REPO_CONFIG = __import__("pathlib").Path(__file__).resolve().parents[1] / "config.toml"


@pytest.fixture
def make_ctx(tmp_path, qapp):
    """make_ctx(overrides, demo=True): an AppContext on the repo's config.toml with its data dir in
    tmp_path and a real DeviceBridge; every context made is shut down after the test."""
    from kiosk import config
    from kiosk.bridge import DeviceBridge
    from kiosk.context import AppContext
    from kiosk.session import Session
    made = []

    def make(overrides: dict | None = None, demo: bool = True) -> AppContext:
        cfg = config.load(REPO_CONFIG, {"kiosk": {"data_dir": str(tmp_path)}, **(overrides or {})})
        ctx = AppContext(config=cfg, session=Session(), bridge=DeviceBridge(), demo=demo)
        made.append(ctx)
        return ctx
    yield make
    for ctx in made:
        ctx.shutdown()


@pytest.fixture
def show_shell(qtbot):
    """show_shell(ctx, size=(1080, 1920)): the kiosk shell on screen (offscreen), closed after."""
    from screens.shell import Shell
    shown = []

    def show(ctx, size: tuple[int, int] = (1080, 1920)) -> Shell:
        widget = Shell(ctx, allow_quit=False)
        qtbot.addWidget(widget)
        widget.resize(*size)
        widget.show()
        shown.append(widget)
        return widget
    yield show
    for widget in shown:
        widget.allow_quit = True
        widget.close()
