"""More ways to identify: the dynamic QR code of the phone's e-ID or electronic social security
card, and face login (the person on file for a typed ID number, the kiosk compares the face).

A phone code is one-time and short-lived: the first kiosk request that presents it (its
request_id) uses it; the same request retried gets the same answer; any other request is a reuse
(a screenshot shown again). A code may be bound to one kiosk. The demo phone is the admin endpoint
that issues a code for one of the synthetic persons (data/identity.json); the kiosk's virtual QR
camera is then shown it.

Face login: the kiosk sends the typed ID number and its task and gets the person and the photo on
file in one answer (the person is not identified yet, so there is no citizen session to ask the
photo endpoint with; the request counts against the kiosk's personal-data rate limit). It compares
the face with the photo itself and sends only the result (a record through the outbox), never a
face.
"""
from __future__ import annotations

import base64
import json
import secrets
import time
from functools import lru_cache

from fastapi import Depends, Request

from reference_platform import models as m
from reference_platform.auth import limits, require_kiosk
from reference_platform.demo_data import DATA
from reference_platform.openapi import body, error
from reference_platform.routes_person import demo_photo_jpeg
from reference_platform.web import HttpError, parse_body, raw_body, require_admin

SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS identity_phone_codes (
    code TEXT PRIMARY KEY, id_number TEXT NOT NULL, source TEXT NOT NULL,
    expires_at REAL NOT NULL, kiosk_id TEXT, used_by TEXT, request_id TEXT, used_at REAL);
"""
PREFIX = {"eid": "EID1.", "essc": "ESSC1."}
FACE_LOGIN_REFUSED = frozenset({"print_licences"})   # documents need a card or code with the face


@lru_cache(maxsize=1)
def _persons_text() -> str:
    return (DATA / "identity.json").read_text(encoding="utf-8")


def persons() -> dict[str, dict]:
    return {p["id_number"]: p for p in json.loads(_persons_text())["persons"]}


def refused(status: int, reason: str, message: str) -> HttpError:
    """A refusal the kiosk tells the citizen about: its reason is machine-readable."""
    return HttpError(status, message, extra={"reason": reason})


def register(router, store) -> None:
    kiosk = require_kiosk
    refusal = lambda text: error(text, m.IdentityRefusal)      # noqa: E731

    @router.post("/api/v1/identity/phone-code", tags=["identity"], operation_id="verifyPhoneCode",
                 summary="Verify the dynamic QR code of a citizen's phone (e-ID or e-SSC)",
                 openapi_extra=body(m.PhoneCodeRequest),
                 responses={200: {"model": m.PhoneCodeAnswer, "description": "The person"},
                            400: error("The request is malformed"),
                            401: error("Missing or revoked kiosk credential"),
                            403: refusal("The code is bound to another kiosk"),
                            404: refusal("Not a code this platform issued"),
                            409: refusal("The code was already used (a screenshot shown again)"),
                            410: refusal("The code has expired"),
                            413: error("Body larger than the platform accepts")})
    def verify(kiosk_id: str = Depends(kiosk), raw: bytes = Depends(raw_body)) -> dict:
        request = parse_body(raw, m.PhoneCodeRequest, status=400)
        with store.lock:
            row = store.execute("SELECT * FROM identity_phone_codes WHERE code=?",
                                (request.code,)).fetchone()
            if row is None:
                raise refused(404, "unknown_code", "not a code this platform issued")
            if row["used_by"] is not None:
                if (row["used_by"], row["request_id"]) != (kiosk_id, request.request_id):
                    raise refused(409, "code_used", "this code was already used")
            else:
                if row["kiosk_id"] and row["kiosk_id"] != kiosk_id:
                    raise refused(403, "wrong_kiosk", "this code was issued for another kiosk")
                if row["expires_at"] <= time.time():
                    raise refused(410, "code_expired", "this code has expired")
                store.execute("UPDATE identity_phone_codes SET used_by=?, request_id=?, used_at=? "
                              "WHERE code=?", (kiosk_id, request.request_id, time.time(),
                                               request.code))
        person = persons().get(row["id_number"])
        if person is None:
            raise refused(404, "unknown_code", "no person on file for this code")
        return {"source": row["source"], "person": person}

    @router.post("/api/v1/identity/face-login", tags=["identity"], operation_id="startFaceLogin",
                 summary="The person on file for a typed ID number, for face login on the kiosk",
                 openapi_extra=body(m.FaceLoginRequest),
                 responses={200: {"model": m.FaceLoginAnswer, "description": "The person on file; "
                                  "the kiosk compares the face with /api/v1/persons/photo"},
                            400: error("The request is malformed"),
                            401: error("Missing or revoked kiosk credential"),
                            403: refusal("Face login is not allowed for this task"),
                            404: refusal("Nobody on file with this ID number"),
                            413: error("Body larger than the platform accepts"),
                            429: error("Too many personal-data requests from this kiosk"),
                            503: error("This platform cannot make demo photos (no scikit-image)")})
    def face_login(http: Request, kiosk_id: str = Depends(kiosk),
                   raw: bytes = Depends(raw_body)) -> dict:
        limits(http)[0].take(kiosk_id, "personal-data requests")
        request = parse_body(raw, m.FaceLoginRequest, status=400)
        if request.task in FACE_LOGIN_REFUSED:
            raise refused(403, "face_login_refused", "face login is not allowed for this task")
        person = persons().get(request.id_number.upper())
        if person is None:
            raise refused(404, "not_on_file", "nobody on file with this ID number")
        return {"person": person,
                "photo_jpeg": base64.b64encode(demo_photo_jpeg()).decode("ascii")}

    admin = {"tags": ["admin"], "dependencies": [Depends(require_admin)]}

    @router.post("/api/v1/admin/identity/phone-code", operation_id="adminIssuePhoneCode",
                 summary="(reference platform) The demo phone: issue a code for a person on file",
                 openapi_extra=body(m.IssuePhoneCode),
                 responses={200: {"model": m.IssuedPhoneCode, "description": "The code to show"},
                            400: error("Malformed, or nobody on file with this ID number"),
                            401: error("Missing or wrong admin token"),
                            413: error("Body larger than the platform accepts")}, **admin)
    def issue(raw: bytes = Depends(raw_body)) -> dict:
        request = parse_body(raw, m.IssuePhoneCode, status=400)
        id_number = request.id_number.upper()
        if id_number not in persons():
            raise HttpError(400, "nobody on file with this ID number")
        code = PREFIX[request.source] + secrets.token_urlsafe(24)
        expires = time.time() + (-1 if request.expired else request.ttl_s)
        store.execute("INSERT INTO identity_phone_codes(code, id_number, source, expires_at, "
                      "kiosk_id) VALUES (?, ?, ?, ?, ?)",
                      (code, id_number, request.source, expires, request.kiosk_id))
        return {"code": code, "expires_at": expires}
