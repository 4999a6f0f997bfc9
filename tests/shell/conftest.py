from __future__ import annotations

import pytest

from kiosk import config
from kiosk.context import AppContext
from kiosk.session import Session


@pytest.fixture
def ctx(tmp_path, qapp):
    from kiosk.bridge import DeviceBridge
    cfg = config.load(_repo_config(), {"kiosk": {"data_dir": str(tmp_path)}})
    context = AppContext(config=cfg, session=Session(), bridge=DeviceBridge(), demo=True)
    yield context
    context.shutdown()


@pytest.fixture
def shell(ctx, qtbot):
    from screens.shell import Shell
    widget = Shell(ctx, allow_quit=False)
    qtbot.addWidget(widget)
    widget.resize(1080, 1920)
    widget.show()
    yield widget
    widget.allow_quit = True
    widget.close()


def _repo_config():
    from pathlib import Path
    return Path(__file__).resolve().parents[2] / "config.toml"
