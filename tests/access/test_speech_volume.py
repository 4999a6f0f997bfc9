"""Staff set the voice guidance volume in the staff menu: heard at once, kept in config.toml."""
from __future__ import annotations

import shutil

from PySide6.QtWidgets import QPushButton

from kiosk import config
from kiosk.bridge import DeviceBridge
from kiosk.context import AppContext
from kiosk.session import Session
from kiosk.staff_auth import DEMO_PIN

REPO_CONFIG = __import__("pathlib").Path(__file__).resolve().parents[2] / "config.toml"


def test_staff_volume_changes_the_engine_and_the_file(tmp_path, qapp, show_shell, qtbot):
    path = tmp_path / "config.toml"
    shutil.copy(REPO_CONFIG, path)
    config.set_value(path, "speech.engine", "mock")
    config.set_value(path, "kiosk.data_dir", str(tmp_path))
    ctx = AppContext(config=config.load(path), session=Session(), bridge=DeviceBridge(), demo=True)
    try:
        shell = show_shell(ctx)
        shell.voice_button.click()
        qtbot.waitUntil(lambda: shell.speaker._engine is not None, timeout=2000)
        shell.go("staff")
        shell.current()._submit(DEMO_PIN)
        def louder():
            return [b for b in shell.current().findChildren(QPushButton)
                    if b.text() == "+" and b.isVisible()]
        qtbot.waitUntil(lambda: len(louder()) == 1, timeout=5000)
        louder = louder()
        louder[0].click()
        assert shell.speaker.volume == 90
        assert abs(shell.speaker._engine.volume() - 0.9) < 0.01
        assert config.load(path).speech.volume == 90
        assert "# speech volume in percent" in path.read_text(encoding="utf-8")
    finally:
        ctx.shutdown()
