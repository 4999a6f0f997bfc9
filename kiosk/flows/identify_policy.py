"""Which ways may identify a citizen for a task, and whether the face must then match the card or
phone code (人证比对). The kiosk's defaults come from config [identify]; a catalogue item's own
policy (its `identify` entry from the platform) narrows them for the tasks done for that item.

Face is never the only door: face login is offered only beside another way the citizen can use.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterable, Mapping, Protocol

WAYS = ("idcard", "ssc", "phone", "face")
CARD_OR_CODE = ("idcard", "ssc", "phone")     # ways that can be followed by the face check


@dataclass(frozen=True)
class IdentifyDefaults:
    """config [identify]."""
    ways: tuple[str, ...]
    face_check_tasks: frozenset[str]
    face_login_tasks: frozenset[str]

    @classmethod
    def from_config(cls, section: Mapping[str, Any]) -> "IdentifyDefaults":
        return cls(tuple(w for w in section["ways"] if w in WAYS),
                   frozenset(section["face_check_tasks"]), frozenset(section["face_login_tasks"]))


@dataclass(frozen=True)
class IdentifyPolicy:
    ways: tuple[str, ...]          # allowed for this task, in display order
    face_check: bool               # the face must match after a card or phone code

    def offered(self, present: Iterable[str]) -> tuple[str, ...]:
        """The ways to show: allowed and present on this kiosk, face only beside another way."""
        here = set(present)
        ways = [w for w in self.ways if w in here]
        if ways == ["face"]:
            return ()
        return tuple(ways)


class RuledItem(Protocol):
    identify: Any                  # kiosk.catalog.IdentifyRule | None


# the catalogue item a task is done for, by impl_code (None when unknown or no catalogue)
ItemLookup = Callable[[str], "RuledItem | None"]


def policy_for(task: str, params: Mapping[str, Any], defaults: IdentifyDefaults,
               item: ItemLookup | None = None) -> IdentifyPolicy:
    ways = list(defaults.ways)
    if task not in defaults.face_login_tasks:
        ways = [w for w in ways if w != "face"]
    face_check = task in defaults.face_check_tasks
    code = params.get("code")
    found = item(code) if item is not None and isinstance(code, str) else None
    rule = found.identify if found is not None else None
    if rule is not None:
        # an item can only narrow the kiosk's ways, and can only add the face check
        allowed = set(rule.ways if rule.ways is not None else WAYS)
        if not rule.face_login:
            allowed.discard("face")
        ways = [w for w in ways if w in allowed]
        face_check = face_check or rule.face_check
    return IdentifyPolicy(tuple(ways), face_check)
