"""The platform's identity endpoints (docs/platform-api-identity.yaml) through the one client:
verify a phone's QR code, find the person on file for face login. What the citizen is told about a
refusal is its reason code (kiosk.messages); a platform out of reach is PlatformUnavailable."""
from __future__ import annotations

import base64
import datetime as dt
from typing import Any

from kiosk.errors import KioskError
from kiosk.session import Identity
from sync.client import PlatformClient, PlatformUnavailable, classify_status, error_for

PHONE_CODE_PATH = "/api/v1/identity/phone-code"
FACE_LOGIN_PATH = "/api/v1/identity/face-login"
# refusals the citizen is told about in words (the platform's `reason`)
PHONE_REASONS = frozenset({"unknown_code", "code_expired", "code_used", "wrong_kiosk"})
FACE_REASONS = frozenset({"not_on_file", "face_login_refused"})


class IdentityRefused(KioskError):
    """The platform said no to this code or ID number, for a reason the citizen can act on."""
    codes = tuple(sorted(PHONE_REASONS | FACE_REASONS | {"not_a_phone_code"}))

    def __init__(self, code: str, detail: str = ""):
        super().__init__(detail or code, code)


def _identity(source: str, person: dict[str, Any]) -> Identity:
    born = person.get("birth_date") or ""
    try:
        birth = dt.date(int(born[:4]), int(born[4:6]), int(born[6:8]))
    except ValueError:
        birth = None
    extra = {"sex": person.get("sex"), "nation": person.get("nation"), "birth_date": birth,
             "address": person.get("address")}
    return Identity(source, str(person["name"]), str(person["id_number"]).upper(), extra)


def _json_object(response) -> dict | None:
    """The answer's JSON object, or None when it has none (then its status says enough)."""
    try:
        data = response.json()
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


class PlatformIdentity:
    """What the phone-code and face-login flows ask the platform."""

    def __init__(self, client: PlatformClient, timeout_s: float = 8.0):
        self.client, self.timeout_s = client, timeout_s

    def verify_phone_code(self, code: str, request_id: str) -> Identity:
        data = self._post(PHONE_CODE_PATH, {"code": code, "request_id": request_id}, PHONE_REASONS)
        return _identity(f"phone_{data['source']}", data["person"])

    def face_login_person(self, id_number: str, task: str) -> tuple[Identity, bytearray]:
        """The person on file and their photo (JPEG, in a buffer the caller wipes)."""
        data = self._post(FACE_LOGIN_PATH, {"id_number": id_number, "task": task}, FACE_REASONS)
        try:
            photo = bytearray(base64.b64decode(data["photo_jpeg"], validate=True))
        except (KeyError, TypeError, ValueError):
            raise PlatformUnavailable("platform_bad_response", f"{FACE_LOGIN_PATH}: no photo in "
                                      "the answer") from None
        return _identity("face", data["person"]), photo

    def _post(self, path: str, body: dict, reasons: frozenset[str]) -> dict:
        response = self.client.send("POST", path, json=body, timeout=self.timeout_s)
        data = _json_object(response)
        if response.status_code == 200:
            person = data.get("person") if data else None
            if not (isinstance(person, dict) and person.get("name") and person.get("id_number")):
                raise PlatformUnavailable("platform_bad_response", f"{path}: the answer is not a "
                                          "person", response.status_code)
            return data
        reason = data.get("reason") if data else None
        if reason in reasons:
            raise IdentityRefused(reason, f"{path}: {reason}")
        code = classify_status(response.status_code) or "platform_bad_response"
        raise error_for(code, f"POST {path}: HTTP {response.status_code}", response.status_code)
