"""One case (办件) as the platform answers it, and what the kiosk works out from it: whether it is
overdue, whether the corrections deadline has passed, what happens next, whether it is finished.

Dates are the hall's calendar dates; `today` is always handed in, so a test (and the walkthrough)
can say what day it is.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from kiosk.errors import KioskError

STEPS = ("submitted", "accepted", "not_accepted", "under_review", "corrections_requested",
         "corrections_received", "approved", "refused", "issued", "collected")
# decided one way or the other: the promised time limit no longer runs, the service can be rated
DECIDED = frozenset({"not_accepted", "approved", "refused", "issued", "collected"})
# the promised time limit stops while the applicant owes materials (补正 suspends it)
CLOCK_STOPPED = frozenset({"corrections_requested"})
COLLECTION_METHODS = ("window", "post", "locker", "elicence")

# the paper and the platform speak Chinese; the screen translates the codes itself
STEP_NAMES_ZH = {"submitted": "已提交", "accepted": "已受理", "not_accepted": "不予受理",
                 "under_review": "审查中", "corrections_requested": "需要补正材料",
                 "corrections_received": "补正材料已收到", "approved": "准予许可（已批准）",
                 "refused": "不予许可", "issued": "结果已出具", "collected": "已领取"}
CHANNEL_NAMES_ZH = {"window": "窗口", "online": "网上", "kiosk": "自助终端"}


class CaseDataError(KioskError):
    code = "case_data_invalid"


@dataclass(frozen=True)
class Step:
    step: str
    at: dt.datetime
    note: str = ""

    @property
    def day(self) -> dt.date:
        return self.at.date()


@dataclass(frozen=True)
class Case:
    case_no: str
    item_code: str
    item_name: str
    department: str
    window: str
    channel: str
    submitted_at: dt.datetime
    promised_by: dt.date
    status: str
    steps: tuple[Step, ...]
    follow_url: str
    personal: bool                         # the person's view (identified and theirs)
    missing: tuple[str, ...] = ()          # corrections requested: what is missing
    corrections_deadline: dt.date | None = None
    collection: dict[str, str] = field(default_factory=dict)
    applicant: str = ""                    # masked by the platform, person's view only

    # ---- what the kiosk works out ------------------------------------------------------------
    @property
    def decided(self) -> bool:
        return self.status in DECIDED

    def overdue_days(self, today: dt.date) -> int:
        """Days past the promised date while the case is still open (0 when not overdue). The time
        limit does not run while corrections are requested."""
        if self.decided or self.status in CLOCK_STOPPED:
            return 0
        return max(0, (today - self.promised_by).days)

    def overdue(self, today: dt.date) -> bool:
        return self.overdue_days(today) > 0

    def corrections_late(self, today: dt.date) -> bool:
        return (self.status == "corrections_requested" and self.corrections_deadline is not None
                and today > self.corrections_deadline)

    @property
    def collection_method(self) -> str:
        return self.collection.get("method", "")

    @property
    def next_code(self) -> str:
        """What happens next, as a code the screen and the slip put into words."""
        if self.status == "issued" and self.collection_method:
            return f"collect_{self.collection_method}"
        return {"submitted": "await_acceptance", "accepted": "await_review",
                "under_review": "await_decision", "corrections_requested": "hand_in_corrections",
                "corrections_received": "await_review", "approved": "await_result",
                "issued": "await_result", "not_accepted": "see_reason", "refused": "see_reason",
                "collected": "done"}.get(self.status, "await_review")

    @property
    def reason(self) -> str:
        """Why it was not accepted or refused, as the department wrote it."""
        for step in reversed(self.steps):
            if step.step in ("not_accepted", "refused"):
                return step.note
        return ""

    def attention(self, today: dt.date) -> int:
        """Where the case goes in the citizen's list: what needs them first (materials owed, a
        result to collect), then what is late, then what runs, then what is finished."""
        if self.status == "corrections_requested":
            return 0
        if self.status == "issued":
            return 1
        if self.overdue(today):
            return 2
        return 4 if self.decided else 3

    @property
    def offers_elicence(self) -> bool:
        return self.status in ("issued", "collected") and self.collection_method == "elicence"

    def without_personal(self) -> "Case":
        """The public view of this case (what someone who has not identified may see)."""
        collection = {k: v for k, v in self.collection.items()
                      if k not in ("tracking_no", "locker", "pickup_code")}
        return Case(**{**self.__dict__, "personal": False, "collection": collection,
                       "applicant": ""})


def _datetime(value: Any, what: str) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(str(value))
    except ValueError:
        raise CaseDataError(f"{what} is not a date-time") from None


def _date(value: Any, what: str) -> dt.date:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise CaseDataError(f"{what} is not a date") from None


def parse_case(data: Any) -> Case:
    """A Case from the platform's JSON (docs/platform-api-cases.yaml Case); CaseDataError when it
    is not one. The public view is trusted to be public: `personal` comes from the platform, and
    the flow decides separately whether the kiosk may show a person's view."""
    if not isinstance(data, dict):
        raise CaseDataError("a case is not a JSON object")
    try:
        steps = tuple(Step(s["step"], _datetime(s["at"], "step.at"), str(s.get("note") or ""))
                      for s in data["steps"])
        corrections = data.get("corrections") or {}
        collection = {str(k): str(v) for k, v in (data.get("collection") or {}).items()
                      if v is not None}
        case = Case(case_no=str(data["case_no"]), item_code=str(data["item_code"]),
                    item_name=str(data["item_name"]), department=str(data["department"]),
                    window=str(data.get("window") or ""), channel=str(data["channel"]),
                    submitted_at=_datetime(data["submitted_at"], "submitted_at"),
                    promised_by=_date(data["promised_by"], "promised_by"),
                    status=str(data["status"]), steps=steps,
                    follow_url=str(data.get("follow_url") or ""),
                    personal=bool(data.get("personal")),
                    missing=tuple(str(m) for m in corrections.get("missing") or ()),
                    corrections_deadline=(_date(corrections["deadline"], "deadline")
                                          if corrections.get("deadline") else None),
                    collection=collection, applicant=str(data.get("applicant") or ""))
    except (KeyError, TypeError) as exc:
        raise CaseDataError(f"a case lacks {exc}") from None
    if case.status not in STEPS or any(s.step not in STEPS for s in steps):
        raise CaseDataError(f"unknown case step {case.status!r}")
    return case
