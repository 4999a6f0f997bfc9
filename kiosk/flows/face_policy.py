"""人证比对: which tasks hand out personal documents only after the face matched the card, and the
one place the session records that it did. Flows ask this module; screens never decide it.

The kiosk's tasks come from config [identify] face_check_tasks; a catalogue item can add the check
for the tasks done for it (kiosk.flows.identify_policy)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# tasks that hand out personal documents: the card alone is not enough where the kiosk can check
FACE_CHECKED_TASKS = frozenset({"print_licences"})      # config [identify] face_check_tasks default
_VERIFIED = "face_verified"


@dataclass(frozen=True)
class FaceCheckSupport:
    """Whether this kiosk can check a face (config face.enabled and a camera area wired), and the
    tasks that ask for it (config [identify] face_check_tasks)."""
    enabled: bool
    has_camera: bool
    tasks: frozenset[str] = FACE_CHECKED_TASKS

    @property
    def can_check(self) -> bool:
        return self.enabled and self.has_camera


def face_check_required(task: str, face: FaceCheckSupport, item_asks: bool = False) -> bool:
    """Does `task` need a face match on this kiosk before it may go on? `item_asks`: the catalogue
    item the task is done for asks for the check itself."""
    return (task in face.tasks or item_asks) and face.can_check


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
