"""Printed spool (issue 14): CUPS's default keeps a copy of every printed certificate (name, ID
number, address) in its spool. The app checks cupsd.conf at start and tells staff."""
from __future__ import annotations

from pathlib import Path

from kiosk import config
from kiosk.print_spool import CODE, check_at_start, preserve_job_files

ROOT = Path(__file__).resolve().parents[2]


def real_printer(tmp_path):
    return config.load(ROOT / "config.toml", {"kiosk": {"data_dir": str(tmp_path)},
                                              "certificate_printer": {"queue": "kiosk-a4"}})


def test_cups_keeping_job_files_is_told_to_staff(tmp_path):
    conf = tmp_path / "cupsd.conf"
    conf.write_text("LogLevel warn\nMaxLogSize 0\n")             # not set: CUPS keeps them
    notices = []
    assert check_at_start(real_printer(tmp_path), lambda *n: notices.append(n), conf)
    assert notices[0][0] == CODE and "cupsctl PreserveJobFiles=No" in notices[0][1]
    conf.write_text("PreserveJobFiles No\n")
    assert not check_at_start(real_printer(tmp_path), lambda *n: notices.append(n), conf)
    assert preserve_job_files(tmp_path / "missing.conf") is None


def test_the_notice_reaches_the_staff_state_and_the_heartbeat(tmp_path):
    from kiosk.wiring.sync import SyncArea
    from sync.heartbeat import ErrorLog
    from types import SimpleNamespace
    errors = ErrorLog()
    status = SimpleNamespace(accepting=True, online=True, depth=0, dead=0, problem=None,
                             last_error=None)
    area = SyncArea(None, SimpleNamespace(status=lambda: status), errors, None, None)
    area.security_notice(CODE, "PreserveJobFiles Yes")
    assert "SECURITY: security_cups_keeps_job_files" in area.state
    assert errors.recent()[0]["code"] == CODE
