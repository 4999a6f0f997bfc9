"""Face login (刷脸): identify by the face alone, one way among others and never the only one.

Steps: consent (what is compared, that nothing is kept; agree, or choose another way) -> enter_id
(the ID number on the keypad, its check digit checked as typed) -> looking_up (the platform's
person on file for that number and this task) -> ready (the face check against the photo on file
runs: kiosk.flows.face_check.FaceCheckFlow, built by face_check()) -> identified; refused (not on
file, not allowed for this task), offline, declined.

The face is compared on the kiosk; only the outcome (way, task, result) goes to the platform, as an
`identity_event` record through the outbox, never a face. Attempts count per session with the face
check's (config face.max_attempts). The person on file waits here, in memory, until the face
matches; it enters the session only then, and is dropped with the session.
"""
from __future__ import annotations

import logging
from typing import Any, Callable, Protocol

from kiosk.errors import code_of
from kiosk.flows.face_check import FaceCheckFlow, FaceCheckSettings
from kiosk.flows.face_policy import mark_face_verified
from kiosk.flows.identify import IdentitySession, identify
from kiosk.forms import check_id_number
from kiosk.session import Identity
from sync.client import UNAVAILABLE_CODES

CONSENT, ENTER_ID, LOOKING_UP, READY, IDENTIFIED, REFUSED, OFFLINE, DECLINED = (
    "consent", "enter_id", "looking_up", "ready", "identified", "refused", "offline", "declined")
ID_LENGTH = 18
EVENT_KIND = "identity_event"

log = logging.getLogger(__name__)


class FacePersons(Protocol):
    """kiosk.identity_platform.PlatformIdentity as face login asks it."""
    def face_login_person(self, id_number: str, task: str) -> tuple[Identity, bytearray]: ...


class FaceCameras(Protocol):
    """kiosk.wiring.camera.CameraArea as face login asks it."""
    def new_face_check(self, reference: bytes | bytearray | None = None) -> Any: ...


def id_problem(text: str) -> str | None:
    """Why a typed ID number cannot be right yet: "id_incomplete", or the form rules' code
    (kiosk.forms.check_id_number: shape, check digit, birth date); None when it can be."""
    if len(text) < ID_LENGTH:
        return "id_incomplete"
    return check_id_number(text)


class _LoginCameras:
    """The face check's view of the cameras: the reference is the photo on file of the typed ID."""

    def __init__(self, cameras: FaceCameras, photo: bytearray):
        self.cameras, self.photo = cameras, photo

    def new_face_check(self) -> Any:
        return self.cameras.new_face_check(bytes(self.photo))


class FaceLoginFlow:
    def __init__(self, persons: FacePersons | None, session: IdentitySession, task: str,
                 params: dict[str, Any] | None = None,
                 record: Callable[[str, dict], Any] | None = None):
        self.persons, self.session, self.task = persons, session, task
        self.params = dict(params or {})
        self.record = record
        self.phase = CONSENT
        self.typed = ""
        self.reason: str | None = None
        self.pending: Identity | None = None
        self.photo = bytearray()           # the photo on file, zeroed when the login ends
        session.on_wipe(self._wipe)

    # -- consent ----------------------------------------------------------------------------------
    def agree(self) -> None:
        if self.phase == CONSENT:
            self.session.put("face_login_consent", True)
            self.phase = ENTER_ID

    def decline(self) -> None:
        """"Use another way": nothing was compared, nothing is sent."""
        self.phase = DECLINED

    # -- the ID number ----------------------------------------------------------------------------
    def key(self, char: str) -> None:
        if self.phase == ENTER_ID and len(self.typed) < ID_LENGTH and (
                char.isdigit() or (char in "Xx" and len(self.typed) == ID_LENGTH - 1)):
            self.typed += char.upper()

    def delete(self) -> None:
        if self.phase == ENTER_ID:
            self.typed = self.typed[:-1]

    @property
    def problem(self) -> str | None:
        """Shown next to the field once all 18 characters are there."""
        problem = id_problem(self.typed)
        return None if problem == "id_incomplete" else problem

    @property
    def can_submit(self) -> bool:
        return self.phase == ENTER_ID and id_problem(self.typed) is None

    def submit(self) -> bool:
        """True when the screen must now run look_up() off the UI thread."""
        if not self.can_submit:
            return False
        if self.persons is None:
            self.phase, self.reason = OFFLINE, "platform_unreachable"
            return False
        self.phase = LOOKING_UP
        return True

    def look_up(self) -> None:
        """Worker: the person on file for the typed number and this task."""
        assert self.persons is not None
        try:
            self.pending, self.photo = self.persons.face_login_person(self.typed, self.task)
        except Exception as exc:          # coded: refused (a reason) or the platform out of reach
            code = code_of(exc)
            self.phase = OFFLINE if code in UNAVAILABLE_CODES else REFUSED
            self.reason = code
            self._event("refused" if self.phase == REFUSED else "offline")
            return
        self.phase = READY

    # -- the face ----------------------------------------------------------------------------------
    def face_check(self, cameras: FaceCameras | None, settings: FaceCheckSettings,
                   next_task: str, next_params: dict[str, Any]) -> FaceCheckFlow:
        """The face check against the photo on file of the person found; a match identifies."""
        assert self.phase == READY and self.pending is not None
        login = _LoginCameras(cameras, self.photo) if cameras is not None else None
        return FaceCheckFlow(login, self.session, settings, next_task, next_params,
                             on_match=self._matched)

    def _matched(self) -> None:
        assert self.pending is not None
        identify(self.session, self.pending)
        mark_face_verified(self.session)
        self.pending, self.phase = None, IDENTIFIED
        self._wipe_photo()
        self._event("match")

    def face_failed(self, reason: str) -> None:
        """The face check ended without a match (its outcome's reason)."""
        self._event(reason)

    def _wipe_photo(self) -> None:
        self.photo[:] = bytes(len(self.photo))
        self.photo = bytearray()

    def _wipe(self) -> None:
        self._wipe_photo()
        self.pending, self.typed = None, ""

    def _event(self, result: str) -> None:
        # the outcome only: no face, no photo, no ID number
        if self.record is None:
            return
        try:
            self.record(EVENT_KIND, {"way": "face", "task": self.task, "result": result})
        except Exception as exc:          # the outbox refused (disk full): the login stands
            log.warning("identity event not queued: %s", code_of(exc))
