"""Shared fixtures. Area fixtures live in each test folder's own conftest.py."""
from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def platform(tmp_path):
    """The reference platform on a free 127.0.0.1 port with the demo data set, stopped after."""
    from sync.reference_platform.server import PlatformServer
    server = PlatformServer(tmp_path / "platform.sqlite3").start()
    yield server
    server.stop()
