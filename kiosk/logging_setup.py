"""Logging to the data directory and stderr. Logs never hold an ID number, name or photo.

Code logs masked values only; as a second line of defence the formatter redacts the whole line it
writes, exception text and tracebacks included (a driver's exception may quote a card field):
  - every number format the card readers and the platform use: resident ID (18, and the old 15
    digits), residence permits for Hong Kong, Macau and Taiwan residents and foreigners (18
    digits, and the old 3 letters + 12 digits), passports and travel permits (a letter or two
    and 7 to 10 digits);
  - the name and ID number of the citizen at the kiosk now, whatever their format, taken from
    the session (watch_session) while it lasts.
Log files are created 0600 (and stay so across rotation): they are the kiosk's, not the hall's.
"""
from __future__ import annotations

import logging
import logging.handlers
import os
import re
import threading
import weakref
from typing import Any, Callable, Iterable

# 18 digits (the last may be X): resident ID, HK/Macau/Taiwan residence permit, new foreigner ID
ID_18 = re.compile(r"(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![0-9A-Za-z])")
ID_15 = re.compile(r"(?<![0-9A-Za-z])(\d{6})\d{6}(\d{3})(?![0-9A-Za-z])")       # first generation
FOREIGNER_OLD = re.compile(r"(?<![0-9A-Za-z])([A-Z]{3})\d{8}(\d{4})(?![0-9A-Za-z])")
# passports (E12345678, EA1234567, G12345678), HK/Macau home-return permits (H1234567890,
# M12345678), Taiwan compatriot permits (T12345678): a letter or two, then 7-10 digits
PASSPORT = re.compile(r"(?<![0-9A-Za-z])([A-Z]{1,2})\d{7,10}(?![0-9A-Za-z])")
MASK = "********"

_watched: list[Callable[[], Iterable[str]]] = []
_watch_lock = threading.Lock()


def watch_session(session: Any) -> None:
    """Redact this session's citizen (name, ID number) from every log line while identified.
    Held weakly: a context that is gone (tests make many) stops being watched."""
    ref = weakref.ref(session)

    def current() -> Iterable[str]:
        identity = getattr(ref(), "identity", None)
        if identity is None:
            return ()
        return tuple(v for v in (identity.name, identity.id_number) if v and len(v) >= 2)
    current.alive = lambda: ref() is not None          # type: ignore[attr-defined]
    with _watch_lock:
        _watched[:] = [p for p in _watched if p.alive()] + [current]


def unwatch_all() -> None:
    with _watch_lock:
        _watched.clear()


def redact(text: str) -> str:
    with _watch_lock:
        providers = list(_watched)
    for provider in providers:
        try:
            values = sorted(provider(), key=len, reverse=True)
        except Exception:           # a half-built session must not stop logging
            values = ()
        for value in values:
            text = text.replace(value, MASK)
    text = ID_18.sub(r"\1" + MASK + r"\2", text)
    text = ID_15.sub(r"\1" + MASK + r"\2", text)
    text = FOREIGNER_OLD.sub(r"\1" + MASK + r"\2", text)
    return PASSPORT.sub(r"\1" + MASK, text)


class RedactingFormatter(logging.Formatter):
    """Redacts the formatted line: the message, its arguments, exception text and stack."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class RedactFilter(logging.Filter):
    """Kept for handlers another library adds: redacts the message before any formatter."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose files are 0600 from creation (the umask may say 0644)."""

    def _open(self):
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.fchmod(fd, 0o600)         # an old file made before this rule
        return os.fdopen(fd, self.mode.replace("w", "a"), encoding=self.encoding,
                         errors=self.errors)


def setup_logging(cfg, level: int = logging.INFO, session: Any = None) -> None:
    if session is not None:
        watch_session(session)
    root = logging.getLogger()
    if any(isinstance(h.formatter, RedactingFormatter) for h in root.handlers):
        return
    fmt = RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    handlers: list[logging.Handler] = [logging.StreamHandler()]
    handlers.append(PrivateRotatingFileHandler(
        cfg.data_path("kiosk.log"), maxBytes=5_000_000, backupCount=5, encoding="utf-8"))
    for handler in handlers:
        handler.setFormatter(fmt)
        handler.addFilter(RedactFilter())
        root.addHandler(handler)
    root.setLevel(level)
