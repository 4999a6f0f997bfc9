"""The base of every device error, in the product's one error shape (kiosk/errors.py; devices may
not import kiosk, so the shape is a contract checked by tests/test_error_contract.py): a stable
snake_case `code` that kiosk.messages maps to the citizen's message, a `detail` for staff and logs,
and an `advice` for what the screen should suggest. Details never include personal data (no names,
ID numbers or PINs): they reach logs and the technician's terminal."""
from __future__ import annotations


class DeviceError(Exception):
    code = "device"
    codes: tuple[str, ...] = ()        # codes chosen when raised (see kiosk/errors.py)
    advice = "staff"

    def __init__(self, message: str, code: str | None = None):
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code

    @property
    def detail(self) -> str:
        return self.message

    @property
    def log_message(self) -> str:
        return f"{self.code}: {self.message}"

    def __str__(self) -> str:
        return self.message

    def as_payload(self) -> dict:
        return {"code": self.code, "advice": self.advice, "message": self.message}
