"""At start: does CUPS keep the files of printed jobs? A printed certificate holds a citizen's name,
ID number and address; with CUPS's default (PreserveJobFiles Yes) a copy of each stays in
/var/spool/cups after printing. The app tells staff (a security alert in the heartbeat and the
staff menu's sync state) instead of only `kiosk doctor` knowing.
"""
from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger(__name__)

CUPSD_CONF = Path("/etc/cups/cupsd.conf")
CODE = "security_cups_keeps_job_files"


def preserve_job_files(conf: Path = CUPSD_CONF) -> str | None:
    """cupsd.conf's PreserveJobFiles value ('Yes' when not set: CUPS's default); None when there
    is no readable cupsd.conf (no local CUPS)."""
    try:
        lines = conf.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    value = "Yes"
    for line in lines:
        words = line.split()
        if len(words) >= 2 and words[0].lower() == "preservejobfiles":
            value = words[1]
    return value


def check_at_start(cfg, notice, conf: Path = CUPSD_CONF) -> bool:
    """notice(code, message) when a local CUPS queue is used and CUPS keeps job files; True then."""
    printer = cfg.certificate_printer
    if not printer.enabled or printer.queue.startswith("virtual:") or (
            printer.cups_server and not printer.cups_server.startswith("/")):
        return False          # no local CUPS (a remote server is checked where it runs)
    value = preserve_job_files(conf)
    if value is None or value.lower() in ("no", "off", "false"):
        return False
    message = (f"{conf}: PreserveJobFiles {value}: printed certificates stay on disk; run "
               "`cupsctl PreserveJobFiles=No`")
    log.warning(message)
    notice(CODE, message)
    return True
