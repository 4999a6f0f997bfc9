"""How the result of an application reaches the citizen (送达方式): window pick-up, by post
(邮寄送达), or the hall's 24-hour locker where it has one.

Steps (what the screen renders):
  loading      the region table and the hall's locker from the platform (a worker runs load())
  choose       window / post / locker (the locker only where the hall has one)
  address      post: recipient (pre-filled from the card, editable), mobile number (validated),
               region picked level by level (province, city, district, street; GB/T 2260 codes,
               each list searchable by Chinese, pinyin or initials), the detailed address typed
               with the Pinyin keyboard; the card's address is offered as a starting point
  confirm      what will be posted where, and the fee (free, or an order paid under "Pay")
  done         recorded in the outbox (kind `delivery`), the reference shown
  unavailable  post needs the platform's region table, and it cannot be reached (code)
  not_saved    the outbox refused the record (disk full): nothing was promised

The delivery order goes through the outbox (kind `delivery`, its idempotency key is the
reference): it reaches the platform with the application, and the carrier's tracking number is
there later (PlatformDelivery.state; "Check my case" shows it once the platform's case does).
"""
from __future__ import annotations

import logging
import re
import secrets
from dataclasses import dataclass
from typing import Any, Callable, Protocol
from urllib.parse import quote

from kiosk.flows.pay_amount import yuan

log = logging.getLogger(__name__)

METHODS = ("window", "post", "locker")
LEVELS = ("province", "city", "district", "street")
MOBILE = re.compile(r"1[3-9][0-9]{9}")
DETAIL_MIN, DETAIL_MAX = 4, 80


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    parent: str


class DeliveryPlatform:
    """The delivery endpoints of the platform (docs/platform-api-pay.yaml), through the one
    client."""

    def __init__(self, client: Any):
        self.client = client

    def table(self) -> dict[str, Any]:
        return self.client.get_json("/api/v1/delivery/regions")[1]

    def quote(self, id_number: str, name: str, region: str, reference: str) -> dict[str, Any]:
        return self.client.post_json("/api/v1/delivery/quote", {
            "id_number": id_number, "name": name, "region": region, "reference": reference})[1]

    def state(self, reference: str) -> dict[str, Any]:
        return self.client.get_json(f"/api/v1/delivery/orders/{quote(reference, safe='')}")[1]


class _Stored(Protocol):
    key: str


class DeliveryOutbox(Protocol):
    def enqueue(self, kind: str, payload: dict) -> _Stored: ...


def new_reference() -> str:
    return "dlv-" + secrets.token_hex(12)


class DeliveryFlow:
    def __init__(self, platform: DeliveryPlatform | None, outbox: DeliveryOutbox | None,
                 identity: Callable[[], Any], *, case_ref: str = "", item_code: str = "",
                 make_reference: Callable[[], str] = new_reference):
        self.platform, self.outbox, self.identity = platform, outbox, identity
        self.case_ref, self.item_code = case_ref, item_code
        self.reference = make_reference()
        self.step = "loading"
        self.code: str | None = None
        self.method = ""
        self.regions: dict[str, Region] = {}
        self.locker_place = ""
        self.carrier = ""
        self.picked: dict[str, Region] = {}
        self.search = ""
        person = identity()
        self.recipient = person.name if person is not None else ""
        self.phone = ""
        self.detail = ""
        self.card_address = (person.extra.get("address", "") if person is not None else "")
        self.problems: dict[str, str] = {}
        self.fee_fen = 0
        self.fee_payable_id = ""

    # ---- loading and choosing ---------------------------------------------------------------
    def load(self) -> None:
        """Worker: the region table and the hall's locker. Without them, window pick-up only."""
        if self.platform is None:
            self.step = "choose"
            return
        try:
            table = self.platform.table()
        except Exception as exc:       # the platform's coded errors: post is not offered
            log.warning("delivery regions: %s", getattr(exc, "code", type(exc).__name__))
            self.step = "choose"
            return
        self.regions = {r["code"]: Region(r["code"], r["name"], r["parent"])
                        for r in table["regions"]}
        self.carrier = table.get("carrier", "")
        locker = table.get("locker") or {}
        self.locker_place = locker.get("place", "") if locker.get("available") else ""
        self.step = "choose"

    def methods(self) -> tuple[str, ...]:
        """What this kiosk can offer now: post needs the region table, the locker the hall's."""
        offered = ["window"]
        if self.regions:
            offered.append("post")
        if self.locker_place:
            offered.append("locker")
        return tuple(offered)

    def choose(self, method: str) -> None:
        if method not in self.methods():
            raise ValueError(f"{method!r} is not offered here")
        self.method = method
        self.step = "address" if method == "post" else "confirm"

    # ---- the region, level by level ---------------------------------------------------------
    @property
    def level(self) -> str:
        """The level to pick next ("" once the street is picked)."""
        return next((lv for lv in LEVELS if lv not in self.picked), "")

    def options(self) -> list[Region]:
        """The regions of the next level under what is picked, filtered by the search text."""
        level = self.level
        if not level:
            return []
        index = LEVELS.index(level)
        parent = self.picked[LEVELS[index - 1]].code if index else ""
        found = [r for r in self.regions.values() if r.parent == parent]
        return [r for r in found if _matches(r.name, self.search)]

    def set_search(self, text: str) -> None:
        self.search = text.strip()

    def pick(self, code: str) -> None:
        region = self.regions.get(code)
        if region is None or region not in self.options():
            raise ValueError(f"{code!r} is not a choice at the {self.level} level")
        self.picked[self.level] = region
        self.search = ""
        self.problems.pop("region", None)

    def unpick(self, level: str) -> None:
        """Choose `level` again (and everything below it)."""
        for lv in LEVELS[LEVELS.index(level):]:
            self.picked.pop(lv, None)

    @property
    def region_text(self) -> str:
        return "".join(self.picked[lv].name for lv in LEVELS if lv in self.picked)

    def use_card_address(self) -> None:
        """The card's address as a starting point for the detailed address (editable)."""
        if self.card_address:
            self.detail = self.card_address

    # ---- checking and confirming --------------------------------------------------------------
    def set_fields(self, recipient: str, phone: str, detail: str) -> None:
        self.recipient, self.phone, self.detail = recipient.strip(), phone.strip(), detail.strip()

    def check(self) -> dict[str, str]:
        problems = {}
        if not self.recipient:
            problems["recipient"] = "field_required"
        if not self.phone:
            problems["phone"] = "field_required"
        elif not MOBILE.fullmatch(self.phone):
            problems["phone"] = "mobile_shape"
        if self.level:
            problems["region"] = "region_incomplete"
        if not self.detail:
            problems["detail"] = "field_required"
        elif len(self.detail) < DETAIL_MIN:
            problems["detail"] = "too_short"
        elif len(self.detail) > DETAIL_MAX:
            problems["detail"] = "too_long"
        self.problems = problems
        return problems

    def to_confirm(self) -> bool:
        """The citizen touched "Next" on the address. True: run quote() on a worker."""
        return self.step == "address" and not self.check()

    def quote(self) -> None:
        """Worker: the fee for this street (free, or a payable order paid under "Pay")."""
        person = self.identity()
        try:
            answer = self.platform.quote(person.id_number, person.name,
                                         self.picked["street"].code, self.reference)
        except Exception as exc:
            log.warning("delivery quote: %s", getattr(exc, "code", type(exc).__name__))
            self.step, self.code = "unavailable", "delivery_offline"
            return
        self.fee_fen = int(answer["fee_fen"])
        self.fee_payable_id = answer.get("payable_id", "")
        self.carrier = answer.get("carrier", self.carrier)
        self.step = "confirm"

    @property
    def fee_yuan(self) -> str:
        return yuan(self.fee_fen)

    def back(self) -> None:
        self.step = "address" if self.step == "confirm" and self.method == "post" else "choose"

    def payload(self) -> dict[str, Any]:
        payload: dict[str, Any] = {"reference": self.reference, "method": self.method,
                                   "case": self.case_ref, "item_code": self.item_code}
        if self.method == "post":
            street = self.picked["street"]
            payload.update({"recipient": {"name": self.recipient, "phone": self.phone},
                            "region": street.code, "region_text": self.region_text,
                            "address": self.detail, "carrier": self.carrier,
                            "fee_fen": self.fee_fen, "fee_payable_id": self.fee_payable_id})
        elif self.method == "locker":
            payload["locker"] = self.locker_place
        return payload

    def confirm(self) -> None:
        """Seal the choice in the outbox; when this says done, it will reach the platform."""
        if self.step != "confirm":
            return
        if self.outbox is None:
            self.step, self.code = "not_saved", "delivery_not_saved"
            return
        try:
            self.outbox.enqueue("delivery", self.payload())
        except Exception as exc:     # OutboxError (disk full, damaged store): nothing promised
            log.warning("delivery not kept: %s", getattr(exc, "code", type(exc).__name__))
            self.step, self.code = "not_saved", "delivery_not_saved"
            return
        self.step = "done"

    def wipe(self) -> None:
        self.recipient = self.phone = self.detail = self.card_address = ""
        self.picked.clear()


def _matches(name: str, search: str) -> bool:
    """Chinese text, full pinyin or initials (dhq finds 东湖区)."""
    if not search:
        return True
    if search in name:
        return True
    from kiosk.search import syllables
    sounds = syllables(name)
    typed = search.lower().replace(" ", "")
    return "".join(sounds).startswith(typed) or "".join(s[0] for s in sounds).startswith(typed)
