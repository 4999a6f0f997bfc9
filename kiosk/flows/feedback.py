"""The citizen's voice (咨询 / 投诉 / 数据纠错) as plain state machines: ask a question, complain,
correct my data. Each ends in one outbox record (kinds consultation, complaint, correction), kept
while offline and delivered once, and a receipt that says honestly whether it was sent yet.

AskFlow: the item's frequent questions with their answers first (from the platform; none
  offline), then the citizen's own question, a mobile number (required only for a call back).
ComplainFlow: a category the platform defines (an item where the category names one), free text,
  anonymous or with the identity in the session (the citizen chooses; only an identified
  complaint can be followed up), a mobile number optional.
CorrectFlow: identified citizens only; their records as the platform holds them; a field marked
  wrong or missing, what it should be, a scanned proof where the platform asks for one.

Typed text is checked for length; nothing typed is logged. Steps: "write" (or "choose" first),
"sent"; `problems` names each field's problem as a kiosk.messages code.
"""
from __future__ import annotations

import base64
import hashlib
import logging
from dataclasses import dataclass, field
from typing import Any, Callable, Protocol

from kiosk.errors import code_of
from kiosk.flows.evaluation import RatingOffer
from kiosk.forms import LANDLINE, MOBILE

log = logging.getLogger(__name__)

MIN_TEXT, MAX_TEXT = 5, 500          # characters: a sentence, a long paragraph
MAX_PROOF_PAGES = 4
OFFLINE = "feedback_offline"          # correcting needs the platform: the data is there


def text_problem(text: str, min_length: int = MIN_TEXT) -> str | None:
    """A question or complaint needs a sentence; a corrected value (a name) may be short."""
    stripped = text.strip()
    if not stripped:
        return "feedback_text_empty"
    if len(stripped) < min_length:
        return "feedback_text_short"
    if len(stripped) > MAX_TEXT:
        return "feedback_text_long"
    return None


def phone_problem(phone: str, required: bool) -> str | None:
    number = phone.strip()
    if not number:
        return "feedback_phone_required" if required else None
    return None if MOBILE.fullmatch(number) or LANDLINE.fullmatch(number) else "phone_shape"


class FeedbackPlatform(Protocol):
    """kiosk.flows.feedback_platform.PlatformFeedback as these flows ask it."""
    def questions(self, item_code: str | None) -> list[dict[str, str]]: ...
    def categories(self) -> dict[str, Any]: ...
    def correctable(self, id_number: str) -> list[dict[str, Any]]: ...


class Outbox(Protocol):
    """kiosk.wiring.sync.SyncArea as these flows ask it."""
    def enqueue(self, kind: str, payload: Any) -> Any: ...
    def status(self) -> Any: ...


@dataclass
class Sent:
    """What the receipt says: the reference, and whether it has reached the platform yet."""
    reference: str
    kind: str
    promised_days: int
    followed: bool                    # identified: it appears in "Check my case"
    online: bool                      # False: kept at the kiosk, sent when the link returns


class _Submission:
    kind = ""

    def __init__(self, outbox: Outbox | None, session: Any, online: Callable[[], bool]):
        self.outbox, self.session, self.online = outbox, session, online
        self.step = "write"
        self.problems: dict[str, str] = {}
        self.code: str | None = None          # what stands in the way of the whole submission
        self.sent: Sent | None = None
        self.next_step: RatingOffer | None = None

    def _who(self) -> dict[str, str] | None:
        identity = self.session.identity
        return {"id_number": identity.id_number, "name": identity.name} if identity else None

    def _check(self) -> dict[str, str]:
        raise NotImplementedError

    def _payload(self) -> dict[str, Any]:
        raise NotImplementedError

    def _promised_days(self) -> int:
        return 3

    def _followed(self, payload: dict[str, Any]) -> bool:
        return bool(payload.get("who"))

    def submit(self) -> bool:
        """Check everything, then seal the record in the outbox. True when it is kept."""
        self.problems = {k: v for k, v in self._check().items() if v}
        if self.problems:
            return False
        if self.outbox is None:
            self.code = "no_outbox"
            return False
        payload = self._payload()
        try:
            receipt = self.outbox.enqueue(self.kind, payload)
        except Exception as exc:        # OutboxError: disk_full, payload_too_large, ...
            # the citizen gets one plain message; staff the outbox's own alert (nothing typed
            # goes to the log)
            log.error("%s not saved: %s", self.kind, code_of(exc))
            self.code = "feedback_not_saved"
            return False
        self.sent = Sent(receipt.key, self.kind, self._promised_days(), self._followed(payload),
                         bool(self.online()))
        self.step, self.code = "sent", None
        self.next_step = RatingOffer(payload.get("item_code") or "")
        return True


class AskFlow(_Submission):
    kind = "consultation"

    def __init__(self, platform: FeedbackPlatform | None, outbox: Outbox | None, session: Any,
                 online: Callable[[], bool], item_code: str | None = None, days: int = 3):
        super().__init__(outbox, session, online)
        self.platform, self.item_code, self.days = platform, item_code, days
        self.questions: list[dict[str, str]] = []
        self.text, self.phone, self.call_back = "", "", False

    def load(self) -> None:
        """Worker: the frequent questions (none when the platform is out of reach: the citizen
        can still ask)."""
        if self.platform is None or not self.online():
            return
        try:
            self.questions = self.platform.questions(self.item_code)
        except Exception as exc:         # offline or refused: asking still works
            log.info("frequent questions unavailable: %s", code_of(exc))

    def _check(self) -> dict[str, str]:
        return {"text": text_problem(self.text), "phone": phone_problem(self.phone, self.call_back)}

    def _payload(self) -> dict[str, Any]:
        out: dict[str, Any] = {"question": self.text.strip(), "call_back": self.call_back}
        if self.item_code:
            out["item_code"] = self.item_code
        if self.phone.strip():
            out["phone"] = self.phone.strip()
        who = self._who()
        if who:
            out["who"] = who
        return out

    def _promised_days(self) -> int:
        return self.days


class ComplainFlow(_Submission):
    kind = "complaint"

    def __init__(self, platform: FeedbackPlatform | None, outbox: Outbox | None, session: Any,
                 online: Callable[[], bool], item_code: str | None = None):
        super().__init__(outbox, session, online)
        self.platform, self.item_code = platform, item_code
        self.categories: list[dict[str, Any]] = []
        self.category: dict[str, Any] | None = None
        self.text, self.phone = "", ""
        self.anonymous = session.identity is None
        self.step = "choose"

    def load(self) -> None:
        """Worker: the platform's categories (offline: 'something else' only, still accepted)."""
        try:
            if self.platform is not None and self.online():
                self.categories = list(self.platform.categories()["categories"])
        except Exception as exc:
            log.info("complaint categories unavailable: %s", code_of(exc))
        if not self.categories:
            self.categories = [{"code": "other", "name": "其他问题", "name_en": "Something else",
                                "handling_days": 5, "needs_item": False}]

    def choose(self, code: str) -> None:
        self.category = next((c for c in self.categories if c["code"] == code), None)
        if self.category is not None:
            self.step = "write"

    def set_anonymous(self, anonymous: bool) -> None:
        """Only someone identified can complain with identity."""
        self.anonymous = anonymous or self.session.identity is None

    def _check(self) -> dict[str, str]:
        out = {"text": text_problem(self.text), "phone": phone_problem(self.phone, False)}
        if self.category is None:
            out["category"] = "feedback_category_missing"
        elif self.category.get("needs_item") and not self.item_code:
            out["category"] = "feedback_item_missing"
        return out

    def _payload(self) -> dict[str, Any]:
        out: dict[str, Any] = {"category": self.category["code"], "text": self.text.strip(),
                               "anonymous": self.anonymous}
        if self.item_code:
            out["item_code"] = self.item_code
        if self.phone.strip():
            out["phone"] = self.phone.strip()
        if not self.anonymous:
            out["who"] = self._who()
        return out

    def _promised_days(self) -> int:
        return int(self.category.get("handling_days", 5)) if self.category else 5


@dataclass
class Proof:
    """A scanned proof: the document camera's pages as one PDF (or a JPEG page)."""
    data: bytearray
    media: str = "application/pdf"
    sha256: str = field(default="")

    def wipe(self) -> None:
        self.data[:] = bytes(len(self.data))


class CorrectFlow(_Submission):
    kind = "correction"

    def __init__(self, platform: FeedbackPlatform | None, outbox: Outbox | None, session: Any,
                 online: Callable[[], bool]):
        super().__init__(outbox, session, online)
        self.platform = platform
        self.records: list[dict[str, Any]] = []
        self.record: dict[str, Any] | None = None
        self.field: dict[str, Any] | None = None
        self.wrong = True                      # False: something is missing
        self.text = ""
        self.proof: list[Proof] = []
        self.step = "choose"
        session.on_wipe(self.wipe)

    def load(self) -> None:
        """Worker: the identified person's records as the platform holds them."""
        identity = self.session.identity
        if identity is None:
            self.code = "not_identified"
            return
        if self.platform is None or not self.online():
            self.code = OFFLINE
            return
        try:
            self.records = self.platform.correctable(identity.id_number)
        except Exception as exc:
            log.info("correctable data unavailable: %s", code_of(exc))
            self.code = OFFLINE
            return
        self.code = None if self.records else "feedback_nothing_held"

    def choose(self, record: str, field_name: str, wrong: bool = True) -> None:
        self.record = next((r for r in self.records if r["record"] == record), None)
        fields = self.record["fields"] if self.record else []
        self.field = next((f for f in fields if f["field"] == field_name), None)
        if self.field is not None:
            self.wrong, self.step = wrong, "write"

    @property
    def proof_needed(self) -> bool:
        return bool(self.field and self.field.get("proof_needed"))

    def add_proof(self, data: bytes, media: str = "application/pdf") -> str | None:
        if len(self.proof) >= MAX_PROOF_PAGES:
            return "too_many_pages"
        self.proof.append(Proof(bytearray(data), media, hashlib.sha256(data).hexdigest()))
        self.problems.pop("proof", None)
        return None

    def _check(self) -> dict[str, str]:
        out = {"text": text_problem(self.text, min_length=1)}
        if self.field is None:
            out["field"] = "feedback_field_missing"
        if self.proof_needed and not self.proof:
            out["proof"] = "feedback_proof_missing"
        if self.session.identity is None:
            out["who"] = "not_identified"
        return out

    def _payload(self) -> dict[str, Any]:
        return {"record": self.record["record"], "field": self.field["field"],
                "current": self.field.get("value", ""), "kind": "wrong" if self.wrong else "missing",
                "correct": self.text.strip(), "who": self._who(),
                "proof": [{"sha256": p.sha256, "media": p.media,
                           "data": base64.b64encode(bytes(p.data)).decode()} for p in self.proof]}

    def _promised_days(self) -> int:
        return 5

    def wipe(self) -> None:
        for page in self.proof:
            page.wipe()
        self.proof, self.records, self.text = [], [], ""


def sent_state(platform: Any, sent: Sent) -> dict[str, Any] | None:
    """Worker: the platform's ticket for a receipt (its case number, the answer once there);
    None while the outbox still holds it or the platform is out of reach."""
    if platform is None:
        return None
    try:
        return platform.status(sent.reference)
    except Exception as exc:
        log.info("feedback state unknown yet: %s", code_of(exc))
        return None
