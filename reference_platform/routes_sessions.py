"""Citizen sessions: what a kiosk opens right after identifying someone, and what every
personal-data endpoint then asks for (reference_platform.auth.require_citizen).

The session is bound to the kiosk that opened it, to one person (a hash of the ID number, never
the number) and to the factors the kiosk used; it expires after auth.SESSION_TTL_S. A kiosk may
open auth.DEFAULT_SESSIONS_PER_MINUTE sessions a minute: enough for any real hall, too few to
page through a population with a stolen credential.
"""
from __future__ import annotations

import secrets
import time

from fastapi import Depends, Request

from reference_platform import models as m
from reference_platform.auth import (SESSION_TTL_S, limits, owner_of, require_kiosk,
                                     token_hash)
from reference_platform.openapi import body, error
from reference_platform.web import parse_body, raw_body

SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS citizen_sessions (
    token_sha256 TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL, owner TEXT NOT NULL,
    factors TEXT NOT NULL, created_at REAL NOT NULL, expires_at REAL NOT NULL);
"""


def register(router, store) -> None:
    @router.post("/api/v1/citizen-sessions", tags=["persons"], operation_id="openCitizenSession",
                 summary="Open a short-lived session for the person just identified at this kiosk",
                 openapi_extra=body(m.CitizenSessionRequest),
                 responses={200: {"model": m.CitizenSessionAnswer,
                                  "description": "The session, for X-Citizen-Session"},
                            400: error("id_number or factors missing or malformed"),
                            401: error("Missing or revoked kiosk credential"),
                            413: error("Body larger than the platform accepts"),
                            429: error("Too many sessions opened by this kiosk")})
    def open_session(request: Request, kiosk_id: str = Depends(require_kiosk),
                     raw: bytes = Depends(raw_body)) -> dict:
        asked = parse_body(raw, m.CitizenSessionRequest, status=400)
        limits(request)[1].take(kiosk_id, "citizen sessions")
        token = secrets.token_urlsafe(32)
        now = time.time()
        with store.lock:
            store.execute("DELETE FROM citizen_sessions WHERE expires_at < ?", (now,))
            store.execute("INSERT INTO citizen_sessions(token_sha256, kiosk_id, owner, factors, "
                          "created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
                          (token_hash(token), kiosk_id, owner_of(asked.id_number),
                           ",".join(sorted(set(asked.factors))), now, now + SESSION_TTL_S))
        return {"session": token, "expires_at": now + SESSION_TTL_S}
