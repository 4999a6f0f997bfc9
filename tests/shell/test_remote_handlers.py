"""The UI's remote command handlers, called from another thread as the heartbeat does."""
from __future__ import annotations

import base64
import gzip
import threading
from types import SimpleNamespace

import pytest
from PySide6.QtGui import QImage

from kiosk.session import Identity
from screens.remote import install_remote_handlers


class Registry:
    def __init__(self):
        self.handlers = {}

    def register(self, name, fn):
        self.handlers[name] = fn


class FakeSync:
    """The sync area as the shell reads it: the command registry and an offline status."""
    def __init__(self):
        self.commands = Registry()

    def status(self):
        return SimpleNamespace(online=False)


def call_from_worker(qtbot, fn, args):
    box = {}

    def run():
        try:
            box["result"] = fn(args)
        except Exception as exc:
            box["error"] = exc
    worker = threading.Thread(target=run)
    worker.start()
    qtbot.waitUntil(lambda: not worker.is_alive(), timeout=10000)
    if "error" in box:
        raise box["error"]
    return box["result"]


@pytest.fixture
def handlers(shell, ctx):
    ctx.services.sync = FakeSync()
    assert install_remote_handlers(shell)
    return ctx.services.sync.commands.handlers


def test_no_channel_no_handlers(shell, ctx):
    assert install_remote_handlers(shell) is False


def test_all_ui_commands_registered(handlers):
    assert set(handlers) == {"restart_app", "reload_config", "maintenance", "screenshot",
                             "upload_logs"}


def test_maintenance_on_and_off(handlers, shell, ctx, qtbot):
    ctx.session.identity = Identity("idcard", "测试人", "990101199001011237")
    shell.go("unavailable", task="case")
    assert call_from_worker(qtbot, handlers["maintenance"], {"on": True}) == {"maintenance": True}
    assert shell.current().name == "maintenance" and ctx.session.identity is None
    call_from_worker(qtbot, handlers["maintenance"], {"on": False})
    assert shell.current().name == "home"


def test_screenshot_is_a_png_of_the_kiosk_and_refused_during_a_session(handlers, shell, ctx,
                                                                          qtbot, tmp_path):
    result = call_from_worker(qtbot, handlers["screenshot"], {})
    png = tmp_path / "shot.png"
    png.write_bytes(base64.b64decode(result["png_base64"]))
    image = QImage(str(png))
    assert (image.width(), image.height()) == (shell.width(), shell.height())
    ctx.session.identity = Identity("idcard", "测试人", "990101199001011237")
    with pytest.raises(PermissionError):
        call_from_worker(qtbot, handlers["screenshot"], {})


def test_upload_logs_sends_the_redacted_tail(handlers, ctx, qtbot):
    import logging

    from kiosk.logging_setup import setup_logging
    setup_logging(ctx.config)
    logging.getLogger("test").warning("card read for 990101199001011237")
    for handler in logging.getLogger().handlers:
        handler.flush()
    try:
        result = call_from_worker(qtbot, handlers["upload_logs"], {})
    finally:
        root = logging.getLogger()
        for handler in list(root.handlers):
            if any(type(f).__name__ == "RedactFilter" for f in handler.filters):
                root.removeHandler(handler)
                handler.close()
    text = gzip.decompress(base64.b64decode(result["log_gzip_base64"])).decode("utf-8")
    assert "card read for 990101********1237" in text
    assert "990101199001011237" not in text


def test_reload_config_refuses_a_broken_file(handlers, ctx, qtbot, tmp_path):
    from kiosk import config
    bad = tmp_path / "broken.toml"
    bad.write_text("[ui]\nidle_timeout_s = 1\n", encoding="utf-8")
    ctx.config.__dict__["path"] = bad
    with pytest.raises(config.ConfigError):
        call_from_worker(qtbot, handlers["reload_config"], {})
