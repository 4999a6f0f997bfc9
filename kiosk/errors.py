"""The one error contract of the product, and the base of the kiosk's own errors.

Every error class of the product packages (kiosk, screens, devices, printing, sync) has:
  - `code`: a stable snake_case string (kiosk.messages maps it to the citizen's message, alerts and
    the staff CLI switch on it);
  - `detail`: what staff and logs need to know, never personal data (no names, ID numbers, PINs,
    photos);
  - `log_message`: the one line to log, "code: detail".
Classes whose code is chosen when raised (a driver passing the printer's reason, the platform
client's classification) list the codes they may carry in `codes`, so tests and the catalogue
can see every code the product can produce.

Why a contract and not one class: devices, printing and sync may not import kiosk (the layer
rules in .importlinter), and sync may not import devices, so no single base class is importable
from all of them without a new top-level package. Each layer keeps one root with this same shape
(devices.errors.DeviceError, printing.errors.PrintingError, sync.errors.SyncError, and
KioskError here); tests/test_error_contract.py walks every exception class of the product and
holds each to it.
"""
from __future__ import annotations

import re
from typing import Protocol, runtime_checkable

CODE_PATTERN = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")
UNEXPECTED = "unexpected"        # the code of anything that is not a coded error


def is_code(value: object) -> bool:
    return isinstance(value, str) and CODE_PATTERN.fullmatch(value) is not None


@runtime_checkable
class CodedError(Protocol):
    code: str
    detail: str

    @property
    def log_message(self) -> str: ...


def code_of(error: BaseException) -> str:
    """The error's code, or UNEXPECTED for an error outside the contract (a bug: it gets the
    generic message, and the log line says what it was)."""
    code = getattr(error, "code", None)
    return code if is_code(code) else UNEXPECTED


class KioskError(Exception):
    """Base of the kiosk's own errors (configuration, catalog data, flows)."""
    code = "kiosk_error"
    codes: tuple[str, ...] = ()

    def __init__(self, detail: str = "", code: str | None = None):
        super().__init__(detail or code or self.code)
        if code is not None:
            self.code = code
        self.detail = detail

    @property
    def log_message(self) -> str:
        return f"{self.code}: {self.detail}"
