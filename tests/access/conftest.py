from __future__ import annotations

import pytest


@pytest.fixture
def voice_ctx(make_ctx):
    """A kiosk whose voice guidance speaks through Qt's mock engine (it says nothing aloud)."""
    return make_ctx({"speech": {"engine": "mock"}})


@pytest.fixture
def shell(voice_ctx, show_shell):
    return show_shell(voice_ctx)
