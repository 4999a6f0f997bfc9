"""The base of every device error: a stable `code` the screens map to citizen messages, and an
`advice` for what the screen should suggest. Messages never include personal data (no names, ID
numbers or PINs): they reach logs and the technician's terminal."""
from __future__ import annotations


class DeviceError(Exception):
    code = "device"
    advice = "staff"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message

    def as_payload(self) -> dict:
        return {"code": self.code, "advice": self.advice, "message": self.message}
