"""Logging to the data directory and stderr. Logs never hold an ID number, name or photo:
code logs masked values only, and this filter masks anything that still looks like an ID number."""
from __future__ import annotations

import logging
import logging.handlers
import re

ID_NUMBER = re.compile(r"(?<![0-9])(\d{6})\d{8}(\d{3}[\dXx])(?![0-9])")


class RedactFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = ID_NUMBER.sub(r"\1********\2", message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True


def setup_logging(cfg, level: int = logging.INFO) -> None:
    root = logging.getLogger()
    if any(isinstance(f, RedactFilter) for h in root.handlers for f in h.filters):
        return
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    handlers: list[logging.Handler] = [logging.StreamHandler()]
    handlers.append(logging.handlers.RotatingFileHandler(
        cfg.data_path("kiosk.log"), maxBytes=5_000_000, backupCount=5, encoding="utf-8"))
    for handler in handlers:
        handler.setFormatter(fmt)
        handler.addFilter(RedactFilter())
        root.addHandler(handler)
    root.setLevel(level)
