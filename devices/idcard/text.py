"""The 256-byte card text (UCS-2 little-endian, space padded) of every card type, table-driven.

Each layout is a table of (field, byte offset, byte size, kind); the card type is the flag character
at byte 248. The variant layouts come from one vendor header, so correcting a layout means editing
a table row, not code. The same tables encode text for the virtual twin and the tests.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any, Mapping

from devices.idcard import gb11643
from devices.idcard.errors import CardDataError, CheckDigitError
from devices.idcard.nations import NATIONS, SEXES, nation_name, sex_name

TEXT_SIZE = 256
FLAG_OFFSET = 248
NO_EXPIRY = "长期"

RESIDENT = "resident"
HMT_PERMIT = "hmt_residence_permit"
FOREIGN_2017 = "foreign_permanent_2017"
FOREIGN_2023 = "foreign_permanent_2023"


@dataclass(frozen=True)
class Spec:
    name: str
    offset: int
    size: int
    kind: str = "text"        # text | sex | nation | date | expiry | id_number | count | flag
    required: bool = True
    continues: str = ""       # this field holds the rest of an earlier field (a long English name)


_RESIDENT_COMMON = (
    Spec("name", 0, 30),
    Spec("sex", 30, 2, "sex"),
    Spec("nation", 32, 4, "nation"),
    Spec("birth_date", 36, 16, "date"),
    Spec("address", 52, 70),
    Spec("id_number", 122, 36, "id_number"),
    Spec("issuing_authority", 158, 30),
    Spec("valid_from", 188, 16, "date"),
    Spec("valid_until", 204, 16, "expiry"),
)

# flag character at byte 248 -> (card type, layout); the resident card has no flag (a space)
LAYOUTS: dict[str, tuple[str, tuple[Spec, ...]]] = {
    " ": (RESIDENT, _RESIDENT_COMMON),
    "J": (HMT_PERMIT, _RESIDENT_COMMON[:2] + (Spec("nation", 32, 4, "nation", required=False),)
          + _RESIDENT_COMMON[3:] + (
        Spec("pass_number", 220, 18),
        Spec("issue_count", 238, 4, "count"),
        Spec("flag", 248, 2, "flag"),
    )),
    "I": (FOREIGN_2017, (
        Spec("name_en", 0, 120),
        Spec("sex", 120, 2, "sex"),
        Spec("id_number", 122, 30),          # 15-character card number: no GB 11643 check digit
        Spec("nationality", 152, 6),
        Spec("name", 158, 30, required=False),
        Spec("valid_from", 188, 16, "date"),
        Spec("valid_until", 204, 16, "expiry"),
        Spec("birth_date", 220, 16, "date"),
        Spec("card_version", 236, 4),
        Spec("authority_code", 240, 8),
        Spec("flag", 248, 2, "flag"),
    )),
    "Y": (FOREIGN_2023, (
        Spec("name", 0, 30, required=False),
        Spec("sex", 30, 2, "sex"),
        Spec("renewal_count", 32, 4, "count"),
        Spec("birth_date", 36, 16, "date"),
        Spec("name_en", 52, 70),
        Spec("id_number", 122, 36, "id_number"),
        Spec("valid_from", 188, 16, "date"),
        Spec("valid_until", 204, 16, "expiry"),
        Spec("name_en", 220, 22, required=False, continues="name_en"),
        Spec("nationality", 242, 6),
        Spec("flag", 248, 2, "flag"),
        Spec("previous_card_link", 250, 6, required=False),
    )),
}
CARD_TYPES = {card_type: flag for flag, (card_type, _) in LAYOUTS.items()}


@dataclass
class CardText:
    """What the card says, decoded. Dates are dates; valid_until None means no expiry (长期)."""
    card_type: str
    name: str
    sex: str
    sex_code: str
    birth_date: dt.date
    id_number: str
    valid_from: dt.date
    valid_until: dt.date | None
    nation: str | None = None
    nation_code: str | None = None
    address: str | None = None
    issuing_authority: str | None = None
    # Hong Kong / Macau / Taiwan residence permit
    pass_number: str | None = None
    issue_count: int | None = None
    # foreign permanent residence cards
    name_en: str | None = None
    nationality: str | None = None
    card_version: str | None = None
    authority_code: str | None = None
    renewal_count: int | None = None
    previous_card_link: str | None = None
    # checks
    check_digit_ok: bool | None = None     # None: this card type's number has no check digit
    expired: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    def require_valid(self) -> None:
        """Raise CheckDigitError when the number's check digit is wrong (never accept it silently)."""
        if self.check_digit_ok is False:
            raise CheckDigitError("the ID number's GB 11643 check digit does not match")

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: dates as ISO 8601 strings, no expiry as None; extra omitted."""
        out = asdict(self)
        out.pop("extra")
        for key, value in out.items():
            if isinstance(value, dt.date):
                out[key] = value.isoformat()
        return out


def _field_text(raw: bytes, spec: Spec) -> str:
    chunk = raw[spec.offset:spec.offset + spec.size]
    try:
        text = chunk.decode("utf-16-le")
    except UnicodeDecodeError:
        raise CardDataError(f"field {spec.name} is not UCS-2 text") from None
    return text


def _date(value: str, name: str) -> dt.date:
    if len(value) != 8 or not value.isdigit():
        raise CardDataError(f"field {name} is not a YYYYMMDD date")
    try:
        return dt.date(int(value[:4]), int(value[4:6]), int(value[6:]))
    except ValueError:
        raise CardDataError(f"field {name} is not a calendar date") from None


def _convert(spec: Spec, value: str, out: dict[str, Any]) -> None:
    kind, name = spec.kind, spec.name
    if kind == "flag":
        return
    if not value:
        if spec.required:
            raise CardDataError(f"field {name} is empty")
        out.setdefault(name, None)
        return
    if kind == "text":
        out[name] = value
    elif kind == "sex":
        if value not in SEXES:
            raise CardDataError(f"field sex has an unknown code {value!r}")
        out["sex_code"], out["sex"] = value, sex_name(value)
    elif kind == "nation":
        if value not in NATIONS:
            raise CardDataError(f"field nation has an unknown code {value!r}")
        out["nation_code"], out["nation"] = value, nation_name(value)
    elif kind == "date":
        out[name] = _date(value, name)
    elif kind == "expiry":
        out[name] = None if value == NO_EXPIRY else _date(value, name)
    elif kind == "count":
        if not value.isdigit():
            raise CardDataError(f"field {name} is not a number")
        out[name] = int(value)
    elif kind == "id_number":
        if not gb11643.is_well_formed(value):
            raise CardDataError(f"field {name} is not 17 digits and a check character")
        out[name] = value
        out["check_digit_ok"] = gb11643.is_valid(value)
    else:
        raise AssertionError(f"layout kind {kind!r} has no converter")


def card_type_of(raw: bytes) -> str:
    if len(raw) != TEXT_SIZE:
        raise CardDataError(f"card text is {len(raw)} bytes, expected {TEXT_SIZE}")
    flag = _field_text(raw, Spec("flag", FLAG_OFFSET, 2))
    # the resident card leaves byte 248 in its reserved area: anything but a known flag is resident
    return LAYOUTS[flag][0] if flag in LAYOUTS else RESIDENT


def parse(raw: bytes, today: dt.date | None = None) -> CardText:
    """Decode the 256-byte text. Raises CardDataError; a wrong check digit is flagged, see
    CardText.require_valid()."""
    card_type = card_type_of(raw)
    layout = LAYOUTS[CARD_TYPES[card_type]][1]
    values: dict[str, str] = {}
    for spec in layout:
        text = _field_text(raw, spec)
        values[spec.name] = values.get(spec.name, "") + text if spec.continues else text
    out: dict[str, Any] = {"card_type": card_type}
    seen: set[str] = set()
    for spec in layout:
        if spec.name in seen:
            continue
        seen.add(spec.name)
        _convert(spec, values[spec.name].strip(" \x00"), out)
    if card_type == FOREIGN_2017:
        out.setdefault("check_digit_ok", None)
    if not out.get("name"):
        # foreign cards may carry no Chinese name: the English one is the name then
        out["name"] = out.get("name_en") or ""
    today = today or dt.date.today()
    until = out.get("valid_until")
    out["expired"] = until is not None and until < today
    return CardText(**out)


def encode(card_type: str, values: Mapping[str, Any]) -> bytes:
    """Build the 256-byte text from on-card values (codes and YYYYMMDD strings), for the twin."""
    if card_type not in CARD_TYPES:
        raise ValueError(f"unknown card type {card_type!r}")
    flag = CARD_TYPES[card_type]
    raw = bytearray(" ".encode("utf-16-le") * (TEXT_SIZE // 2))
    rest: dict[str, str] = {}
    for spec in LAYOUTS[flag][1]:
        if spec.kind == "flag":
            value = flag
        elif spec.continues:
            value = rest.pop(spec.name, "")
        else:
            value = str(values.get(spec.name, "") or "")
        chars = spec.size // 2
        if len(value) > chars:
            if any(s.continues == spec.name for s in LAYOUTS[flag][1]):
                value, rest[spec.name] = value[:chars], value[chars:]
            else:
                raise ValueError(f"{spec.name} is longer than {chars} characters")
        raw[spec.offset:spec.offset + 2 * len(value)] = value.encode("utf-16-le")
    if rest:
        raise ValueError(f"{', '.join(rest)} too long")
    if flag != " ":
        raw[FLAG_OFFSET:FLAG_OFFSET + 2] = flag.encode("utf-16-le")
    return bytes(raw)
