"""Identify with the phone's dynamic QR code (e-ID 电子身份证 or electronic social security card),
as a plain state machine: scan, verify with the platform, the citizen checks the masked identity
and confirms.

Steps: ready (the scanner looks for a code) -> verifying -> confirm -> identified; refused (why,
and "scan again"), offline (the code needs the platform: use a card). A code is one-time: the
same code shown twice in a session (a screenshot) is refused here before the platform is asked;
the platform refuses it on any other kiosk. Tasks whose policy asks for the face check get it
after the code, as after a card (kiosk.flows.identify.next_step).
"""
from __future__ import annotations

import uuid
from typing import Any, Callable, Protocol

from kiosk.errors import code_of
from kiosk.flows.identify import IdentitySession, identify, mask_name
from kiosk.session import Identity
from sync.client import UNAVAILABLE_CODES

READY, VERIFYING, CONFIRM, IDENTIFIED, REFUSED, OFFLINE = (
    "ready", "verifying", "confirm", "identified", "refused", "offline")
PREFIXES = ("EID1.", "ESSC1.")          # what the province's phone apps put in front of a code
_SEEN = "phone_codes_seen"


class PhoneCodes(Protocol):
    """kiosk.identity_platform.PlatformIdentity as this flow asks it."""
    def verify_phone_code(self, code: str, request_id: str) -> Identity: ...


def mask_id(id_number: str) -> str:
    return id_number[:6] + "*" * max(0, len(id_number) - 10) + id_number[-4:]


class PhoneCodeFlow:
    def __init__(self, codes: PhoneCodes | None, session: IdentitySession,
                 online: Callable[[], bool]):
        self.codes, self.session, self.online = codes, session, online
        self.phase = READY
        self.reason: str | None = None
        self.pending: Identity | None = None
        self._code: str | None = None

    # -- the citizen's actions ---------------------------------------------------------------------
    def start(self) -> None:
        """The screen opens (or "scan again"): the phone code needs the platform."""
        self._clear()
        self.phase = READY if self.codes is not None and self.online() else OFFLINE

    def scanned(self, text: str) -> bool:
        """A QR code was read. True when the screen must now run verify() off the UI thread."""
        if self.phase != READY:
            return False
        seen: list[str] = self.session.get(_SEEN) or []
        if not text.startswith(PREFIXES):
            return self._refuse("not_a_phone_code")
        if text in seen:
            return self._refuse("code_used")          # shown again: a screenshot
        self.session.put(_SEEN, [*seen, text])
        self._code, self.phase = text, VERIFYING
        return True

    def verify(self) -> None:
        """Worker: ask the platform; the outcome is the next phase."""
        assert self.codes is not None and self._code is not None
        try:
            self.pending = self.codes.verify_phone_code(self._code, str(uuid.uuid4()))
        except Exception as exc:          # coded: refused (a reason) or the platform out of reach
            code = code_of(exc)
            if code in UNAVAILABLE_CODES:
                self.phase, self.reason = OFFLINE, code
            else:
                self._refuse(code)
            return
        self.phase = CONFIRM

    def confirm(self) -> bool:
        """"This is me": the identity goes into the session."""
        if self.phase != CONFIRM or self.pending is None:
            return False
        identify(self.session, self.pending)
        self.pending, self.phase = None, IDENTIFIED
        return True

    # -- what the screen shows ------------------------------------------------------------------
    @property
    def summary(self) -> dict[str, Any] | None:
        if self.pending is None:
            return None
        return {"name": mask_name(self.pending.name), "id_number": mask_id(self.pending.id_number),
                "source": self.pending.source}

    # -- inside ---------------------------------------------------------------------------------------
    def _refuse(self, reason: str) -> bool:
        self.phase, self.reason = REFUSED, reason
        return False

    def _clear(self) -> None:
        self.reason, self.pending, self._code = None, None, None
