"""人证比对: which tasks hand out personal documents only after the face matched the card, and the
one place the session records that it did. Flows ask this module; screens never decide it."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# tasks that hand out personal documents: the card alone is not enough where the kiosk can check
FACE_CHECKED_TASKS = frozenset({"print_licences"})
_VERIFIED = "face_verified"


@dataclass(frozen=True)
class FaceCheckSupport:
    """Whether this kiosk can check a face: config face.enabled and a camera area wired."""
    enabled: bool
    has_camera: bool


def face_check_required(task: str, face_enabled: bool, has_camera: bool) -> bool:
    """Does `task` need a face match on this kiosk before it may go on?"""
    return task in FACE_CHECKED_TASKS and face_enabled and has_camera


def mark_face_verified(session: Any) -> None:
    """The face matched the identity now in the session (wiped with the session). The record names
    that identity, so a card of someone else read later in the same session is not covered."""
    identity = session.identity
    if identity is None:
        raise ValueError("a face can only be verified against an identity in the session")
    session.put(_VERIFIED, identity.id_number)


def face_verified(session: Any) -> bool:
    identity = session.identity
    return identity is not None and session.get(_VERIFIED) == identity.id_number
