"""Nothing personal left behind (issue 14): logs redacted in the formatter for every number
format and the session's own name, log files 0600, the ID mask capped, no core dumps, and no
widget still holding a citizen's data after the session ended."""
from __future__ import annotations

import logging
import os
import stat
from functools import partial

import pytest

import touch
from kiosk import config
from kiosk.logging_setup import (PrivateRotatingFileHandler, RedactingFormatter, redact,
                                 watch_session)
from kiosk.session import Identity, Session


@pytest.mark.parametrize("number, kept", [
    ("990101198805160026", "990101"),        # resident ID, 18 digits
    ("99010119880516002X", "990101"),
    ("810000199001011234", "810000"),        # Hong Kong residents' residence permit
    ("110101880516002", "110101"),           # first-generation ID, 15 digits
    ("ABC123456789012", "ABC"),              # foreigner's permanent residence card (old)
    ("E12345678", "E"),                      # passport
    ("EA1234567", "EA"),
    ("H1234567890", "H"),                    # home-return permit
])
def test_every_card_number_format_is_redacted(number, kept):
    line = redact(f"read {number} from the reader")
    assert number not in line and f"read {kept}" in line


def test_the_formatter_redacts_exceptions_and_the_sessions_name(tmp_path):
    session = Session()
    watch_session(session)
    session.identity = Identity("idcard", "林示例", "990101198805160026")
    handler = PrivateRotatingFileHandler(tmp_path / "kiosk.log", encoding="utf-8")
    handler.setFormatter(RedactingFormatter("%(message)s"))
    log = logging.getLogger("tests.security.privacy")
    log.addHandler(handler)
    log.propagate = False
    try:
        try:
            raise ValueError(f"bad field for {session.identity.name} / 林示例")
        except ValueError:
            log.exception("card %s", "9901011988-0516-0026 but also 990101198805160026")
        session.wipe()
        log.warning("林示例 is only a name once the session is gone")
    finally:
        log.removeHandler(handler)
        handler.close()
    text = (tmp_path / "kiosk.log").read_text(encoding="utf-8")
    assert "990101198805160026" not in text
    assert text.count("林示例") == 1 and "Traceback" in text        # the exception was kept
    assert stat.S_IMODE(os.stat(tmp_path / "kiosk.log").st_mode) == 0o600


def test_an_old_world_readable_log_becomes_0600(tmp_path):
    path = tmp_path / "kiosk.log"
    path.write_text("old\n")
    path.chmod(0o644)
    handler = PrivateRotatingFileHandler(path, encoding="utf-8")
    handler.close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_the_id_mask_is_capped():
    privacy = {"id_keep_head": 10, "id_keep_tail": 8, "mask_char": "*"}
    masked = config.mask_id("990101198805160026", privacy)
    assert masked.count("*") >= 8 and len(masked) == 18
    with pytest.raises(config.ConfigError, match="at most 10 digits"):
        config.validate({"privacy": {"id_keep_head": 10, "id_keep_tail": 8}})
    assert config.mask_id("E12345678", {**privacy, "id_keep_head": 6, "id_keep_tail": 4}) \
        .count("*") == 8


def test_the_kiosk_process_makes_no_core_dump():
    import subprocess
    import sys
    code = ("from kiosk.hardening import forbid_core_dumps; import resource;"
            "print(forbid_core_dumps(), resource.getrlimit(resource.RLIMIT_CORE));"
            "print(open('/proc/self/status').read().count('x'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60, check=True).stdout
    assert "'rlimit_core': True" in out and "'not_dumpable': True" in out and "(0, 0)" in out


SCREEN = "IdentifyIdCardScreen"
tr = touch.translator(SCREEN)
reads = partial(touch.reads, timeout=3000)


@pytest.fixture
def idcard_shell(make_ctx, show_shell, qtbot):
    from kiosk.wiring.idcard import build_area
    ctx = make_ctx({"idcard": {"port": "virtual:idcard", "poll_interval_ms": 100}})
    service = build_area(ctx.config, ctx.bridge.callback("idcard")).start()
    ctx.services.idcard = service
    ctx.on_shutdown(service.stop)
    shell = show_shell(ctx)
    qtbot.waitUntil(lambda: service.state == "connected", timeout=3000)
    return ctx, shell


def widget_texts() -> list[str]:
    """Every text any widget of the application holds, shown or hidden."""
    from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit
    texts = []
    for widget in QApplication.allWidgets():
        if isinstance(widget, (QLabel, QAbstractButton, QLineEdit)):
            texts.append(widget.text())
        texts.append(widget.toolTip())
        texts.append(widget.accessibleName())
        texts.append(widget.accessibleDescription())
    return texts


def test_no_widget_keeps_the_citizens_data_after_the_session(idcard_shell, qtbot):
    ctx, shell = idcard_shell
    shell.go("identify", next="home")
    touch.tap(qtbot, shell, tr("Resident ID card", "IdentifyMethods"))
    reads(qtbot, shell, tr("Place your ID card on the reader"))
    ctx.services.idcard.twin.place_card("resident")
    reads(qtbot, shell, tr("Please check that this is you"))
    shown = "\n".join(widget_texts())
    assert "林*例" in shown and "990101********0026" in shown     # what the citizen saw
    touch.tap(qtbot, shell, tr("Yes, this is me, continue"))
    shell.end_session()
    left = [t for t in widget_texts() if "林" in t or "0026" in t or "********" in t]
    assert left == [], f"widgets still hold personal data after the session: {left}"
