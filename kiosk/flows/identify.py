"""The identify step shared by every way of identifying: where the citizen was going, what comes
after identification (the face check where a task asks for it), and how names are masked on the
identify screens. Qt-free; the ID card and social security card flows build on it."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from kiosk.flows.face_policy import FaceCheckSupport, face_check_required, face_verified
from kiosk.session import Identity

_TASK = "after_identify"
_PARAMS = "after_identify_params"


class IdentitySession(Protocol):
    """The part of kiosk.session.Session the identify flows use."""
    identity: Identity | None

    def get(self, key: str, default: Any = None) -> Any: ...
    def put(self, key: str, value: Any) -> None: ...
    def on_wipe(self, hook: Any) -> None: ...


@dataclass(frozen=True)
class NextStep:
    """Where identification leads: the task, or the face check first (then the task)."""
    task: str
    params: dict[str, Any] = field(default_factory=dict)
    face_check_first: bool = False


def remember_destination(session: IdentitySession, task: str, params: dict[str, Any]) -> None:
    """The task the citizen chose before being asked who they are."""
    session.put(_TASK, task)
    session.put(_PARAMS, dict(params))


def destination(session: IdentitySession) -> tuple[str, dict[str, Any]]:
    return session.get(_TASK) or "home", dict(session.get(_PARAMS) or {})


def next_step(session: IdentitySession, face: FaceCheckSupport, task: str | None = None,
              params: dict[str, Any] | None = None, item_asks: bool = False) -> NextStep:
    """After identification: the face check when the task needs one on this kiosk (or the item it
    is done for asks for it) and the face was not yet matched to this identity, else the task
    itself. Default: the remembered destination."""
    if task is None:
        task, remembered = destination(session)
        params = remembered if params is None else params
    params = dict(params or {})
    first = face_check_required(task, face, item_asks) and not face_verified(session)
    return NextStep(task, params, first)


def identify(session: IdentitySession, identity: Identity) -> None:
    """Record who the citizen is, in the session only (wiped with it). The face check record names
    the identity it matched, so a different card read now needs its own face check."""
    session.identity = identity


def mask_name(name: str) -> str:
    """Show enough of a name to recognise it, not to read it: 林*例, 王*, A. S****."""
    if " " in name.strip() or "," in name:
        words = [w for w in name.replace(",", " ").split() if w]
        return " ".join(w[0] + "*" * (len(w) - 1) for w in words)
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]
