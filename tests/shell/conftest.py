from __future__ import annotations

import pytest


@pytest.fixture
def ctx(make_ctx):
    return make_ctx()


@pytest.fixture
def shell(ctx, show_shell):
    return show_shell(ctx)
