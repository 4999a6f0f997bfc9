"""The base of sync's errors, in the product's one error shape (see kiosk/errors.py; sync may not
import kiosk, so the shape is shared as a contract checked by tests/test_error_contract.py)."""
from __future__ import annotations


class SyncError(Exception):
    """`code` is snake_case and stable; `detail` names the call or the file, never a request body
    or personal data."""
    code = "sync_error"
    codes: tuple[str, ...] = ()

    def __init__(self, code: str, detail: str):
        super().__init__(detail)
        self.code = code
        self.detail = detail

    @property
    def message(self) -> str:
        return self.detail

    @property
    def log_message(self) -> str:
        return f"{self.code}: {self.detail}"
