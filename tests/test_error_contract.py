"""The one error contract (kiosk/errors.py): every exception class defined in the product packages
descends from one of the four layer roots and has a snake_case `code`, a `detail` and a
`log_message`; the codes chosen when raised are declared in `codes`."""
from __future__ import annotations

import importlib
import pkgutil

import pytest

from devices.errors import DeviceError
from kiosk.errors import CODE_PATTERN, CodedError, KioskError, code_of
from printing.errors import PrintingError
from sync.errors import SyncError

PACKAGES = ("kiosk", "devices", "printing", "sync", "screens")
ROOTS = (KioskError, DeviceError, PrintingError, SyncError)


def product_error_classes() -> list[type[BaseException]]:
    for package in PACKAGES:
        root = importlib.import_module(package)
        for info in pkgutil.walk_packages(root.__path__, package + "."):
            if not info.name.endswith(".__main__"):         # a program, not a module
                importlib.import_module(info.name)
    found, todo = set(), [BaseException]
    while todo:
        for sub in todo.pop().__subclasses__():
            todo.append(sub)
            if sub.__module__.split(".")[0] in PACKAGES:
                found.add(sub)
    return sorted(found, key=lambda cls: (cls.__module__, cls.__qualname__))


CLASSES = product_error_classes()


def declared_codes(cls) -> set[str]:
    return {cls.code, *cls.codes}


def test_the_walk_finds_the_errors_of_every_layer():
    names = {cls.__name__ for cls in CLASSES}
    assert {"PortUnavailable", "PinBlocked", "CameraError", "NotReady", "JobFailed",
            "PlatformUnavailable", "OutboxError", "PrintLicencesError", "ConfigError"} <= names


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: f"{cls.__module__}.{cls.__qualname__}")
def test_every_error_class_keeps_the_contract(cls):
    assert issubclass(cls, ROOTS), f"{cls.__qualname__} descends from none of the layer roots"
    assert isinstance(cls.code, str) and cls.code
    assert isinstance(cls.codes, tuple)
    bad = sorted(code for code in declared_codes(cls) if not CODE_PATTERN.fullmatch(code))
    assert not bad, f"{cls.__qualname__}: codes not in snake_case: {bad}"
    assert isinstance(cls.__dict__.get("log_message") or getattr(cls, "log_message"), property)


@pytest.mark.parametrize("root", ROOTS, ids=lambda cls: cls.__name__)
def test_each_root_carries_code_detail_and_log_message(root):
    error = root("the detail", "some_code") if root is not SyncError else root("some_code", "the detail")
    assert isinstance(error, CodedError)
    assert (error.code, error.detail) == ("some_code", "the detail")
    assert error.log_message == "some_code: the detail"
    assert code_of(error) == "some_code"


def test_an_error_outside_the_contract_is_unexpected():
    assert code_of(RuntimeError("boom")) == "unexpected"
    assert CODE_PATTERN.fullmatch("unexpected")


def test_the_printer_reasons_are_declared_codes_of_a_failed_job():
    from printing.cups_jobs import REASONS, SERVICE_DOWN
    from printing.errors import JobFailed, PrinterUnavailable
    blocking = {code for code, blocks in REASONS.values() if blocks}
    assert blocking | {SERVICE_DOWN} <= set(JobFailed.codes)
    assert blocking | {SERVICE_DOWN} <= set(PrinterUnavailable.codes)
