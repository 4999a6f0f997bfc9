"""Application forms as the platform defines them per item, and the rules a typed value must meet.

The platform sends each item's form (fields with a type, required or not, help, choices, a
condition on another field, where to pre-fill it from) and its materials; the kiosk shows it and
judges every value as it is typed, so the problem is said next to the field before anything is
submitted. Problems are codes (kiosk/messages.py says them to the citizen): `field_required`,
`id_number_shape`, `id_number_check_digit`, `id_number_birth_date`, `phone_shape`, `date_shape`,
`date_not_real`, `date_out_of_range`, `postcode_shape`, `region_shape`, `region_unknown`,
`choice_unknown`, `digits_shape`, `too_short`, `too_long`, `credit_code_shape`,
`credit_code_check`.

Qt-free: the flow (kiosk/flows/apply.py) and the tests use it without a screen.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Mapping

from devices.idcard import gb11643
from kiosk.errors import KioskError

FIELD_TYPES = ("text", "id_number", "phone", "date", "postcode", "region", "choice", "digits",
               "credit_code")
MATERIAL_SOURCES = ("elicence", "scan", "window", "form")

# GB/T 2260 province-level codes (the first two digits of a division code); 99 is the fictitious
# 示范市's province in the demo data, never a real one
PROVINCES = frozenset({11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44,
                       45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 99})
MOBILE = re.compile(r"1[3-9]\d{9}")
LANDLINE = re.compile(r"0\d{2,3}-?\d{7,8}")
POSTCODE = re.compile(r"\d{6}")
DATE = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")
# GB 32100-2015 unified social credit code: 18 characters of this alphabet (no I, O, Z, S, V)
CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def _text(value: Any, language: str) -> str:
    if isinstance(value, Mapping):
        return str(value.get(language) or value.get("zh_CN") or "")
    return str(value or "")


@dataclass(frozen=True)
class Choice:
    value: str
    label: Mapping[str, str]

    def text(self, language: str) -> str:
        return _text(self.label, language)


@dataclass(frozen=True)
class Condition:
    """The field is asked only when another field has this value."""
    field: str
    equals: str


@dataclass(frozen=True)
class Field:
    name: str
    label: Mapping[str, str]
    type: str = "text"
    required: bool = False
    help: Mapping[str, str] = field(default_factory=dict)
    choices: tuple[Choice, ...] = ()
    when: Condition | None = None
    prefill: str = ""              # "card.name", "person.phone", ...
    min_length: int = 0
    max_length: int = 0

    def text(self, language: str) -> str:
        return _text(self.label, language)

    def help_text(self, language: str) -> str:
        return _text(self.help, language)

    def choice(self, value: str) -> Choice | None:
        return next((c for c in self.choices if c.value == value), None)


@dataclass(frozen=True)
class Material:
    """One material of the item's guide and how this kiosk gets it: from the e-licence library
    (免提交), scanned here, seen only at a window, or the form itself."""
    name: str
    source: str
    required: bool = True
    licence: str = ""              # e-licence kind, for source "elicence"
    note: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class FormDefinition:
    code: str
    subject: str                   # "personal" or "enterprise"
    fields: tuple[Field, ...]
    materials: tuple[Material, ...]
    signature: bool = False        # the item asks for a handwritten signature
    offline: bool = False          # may be submitted while the platform is unreachable

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)


class FormDefinitionError(KioskError, ValueError):
    """The platform sent a form this kiosk cannot show (a contract error): the citizen is told
    the form cannot be shown here and to apply at the window."""
    code = "form_unavailable"

    def __init__(self, detail: str):
        super().__init__(detail)


def parse_definition(data: Mapping[str, Any]) -> FormDefinition:
    """A form from the platform's JSON (docs/platform-api-apply.yaml, ApplicationForm)."""
    try:
        fields = []
        for raw in data["fields"]:
            kind = raw.get("type", "text")
            if kind not in FIELD_TYPES:
                raise FormDefinitionError(f"field {raw.get('name')!r} has unknown type {kind!r}")
            when = raw.get("when")
            fields.append(Field(
                name=raw["name"], label=raw["label"], type=kind,
                required=bool(raw.get("required", False)), help=raw.get("help") or {},
                choices=tuple(Choice(c["value"], c["label"]) for c in raw.get("choices", ())),
                when=Condition(when["field"], str(when["equals"])) if when else None,
                prefill=raw.get("prefill", ""), min_length=int(raw.get("min_length", 0)),
                max_length=int(raw.get("max_length", 0))))
        names = {f.name for f in fields}
        for f in fields:
            if f.when is not None and f.when.field not in names:
                raise FormDefinitionError(f"field {f.name!r} depends on unknown {f.when.field!r}")
        materials = []
        for raw in data.get("materials", ()):
            if raw["source"] not in MATERIAL_SOURCES:
                raise FormDefinitionError(f"material {raw['name']!r}: source {raw['source']!r}")
            materials.append(Material(raw["name"], raw["source"], bool(raw.get("required", True)),
                                      raw.get("licence", ""), raw.get("note") or {}))
        return FormDefinition(data["code"], data.get("subject", "personal"), tuple(fields),
                              tuple(materials), bool(data.get("signature", False)),
                              bool(data.get("offline", False)))
    except (KeyError, TypeError) as exc:
        raise FormDefinitionError(f"malformed form definition: {exc!r}") from None


# ---- the rules ------------------------------------------------------------------------------
def parse_date(text: str) -> dt.date | None:
    """2026-01-31 or 20260131 as a date; None when it is not one."""
    match = DATE.fullmatch(text)
    if not match:
        return None
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


def normal_date(text: str) -> str:
    parsed = parse_date(text.strip())
    return parsed.isoformat() if parsed else text


def check_id_number(text: str) -> str | None:
    number = text.strip().upper()
    if not gb11643.is_well_formed(number):
        return "id_number_shape"
    if not gb11643.is_valid(number):
        return "id_number_check_digit"
    born = parse_date(number[6:14])
    if born is None or not dt.date(1900, 1, 1) <= born <= dt.date.today():
        return "id_number_birth_date"
    return None


def check_credit_code(text: str) -> str | None:
    code = text.strip().upper()
    if len(code) != 18 or any(c not in CREDIT_CHARS for c in code):
        return "credit_code_shape"
    total = sum(CREDIT_CHARS.index(c) * w for c, w in zip(code, CREDIT_WEIGHTS))
    if CREDIT_CHARS[(31 - total % 31) % 31] != code[17]:
        return "credit_code_check"
    return None


def credit_check_char(first17: str) -> str:
    total = sum(CREDIT_CHARS.index(c) * w for c, w in zip(first17, CREDIT_WEIGHTS))
    return CREDIT_CHARS[(31 - total % 31) % 31]


def check_value(f: Field, value: str, today: dt.date | None = None) -> str | None:
    """The problem code with `value` for field `f`, or None when it is acceptable. Emptiness is
    judged by the form (a field may be optional or not asked)."""
    text = value.strip()
    if f.max_length and len(text) > f.max_length:
        return "too_long"
    if f.min_length and len(text) < f.min_length:
        return "too_short"
    kind = f.type
    if kind == "id_number":
        return check_id_number(text)
    if kind == "phone":
        return None if MOBILE.fullmatch(text) or LANDLINE.fullmatch(text) else "phone_shape"
    if kind == "date":
        day = parse_date(text)
        if DATE.fullmatch(text) is None:
            return "date_shape"
        if day is None:
            return "date_not_real"
        today = today or dt.date.today()
        if not dt.date(1900, 1, 1) <= day <= today.replace(year=today.year + 2):
            return "date_out_of_range"
        return None
    if kind == "postcode":
        return None if POSTCODE.fullmatch(text) else "postcode_shape"
    if kind == "region":
        if not re.fullmatch(r"\d{6}", text):
            return "region_shape"
        if f.choices:
            return None if f.choice(text) else "region_unknown"
        return None if int(text[:2]) in PROVINCES else "region_unknown"
    if kind == "choice":
        return None if f.choice(text) else "choice_unknown"
    if kind == "digits":
        return None if text.isdigit() else "digits_shape"
    if kind == "credit_code":
        return check_credit_code(text)
    return None


# ---- a form being filled in -----------------------------------------------------------------
def prefill_sources(card: Mapping[str, Any] | None, person: Mapping[str, Any] | None) -> dict:
    """The values a form may be pre-filled from: "card.<field>" from the identity document and
    "person.<field>" from the platform's person data (一次采集、多方复用)."""
    values: dict[str, str] = {}
    for prefix, data in (("card", card or {}), ("person", person or {})):
        for key, value in data.items():
            if isinstance(value, (str, int)) and not isinstance(value, bool):
                values[f"{prefix}.{key}"] = str(value)
    return values


@dataclass
class FormState:
    """The values typed so far, what was pre-filled, and the problem with each field."""
    definition: FormDefinition
    values: dict[str, str] = field(default_factory=dict)
    prefilled: set[str] = field(default_factory=set)
    problems: dict[str, str] = field(default_factory=dict)
    touched: set[str] = field(default_factory=set)

    def prefill(self, sources: Mapping[str, str]) -> None:
        for f in self.definition.fields:
            value = sources.get(f.prefill) if f.prefill else None
            if value and not self.values.get(f.name):
                self.values[f.name] = normal_date(value) if f.type == "date" else value
                self.prefilled.add(f.name)
        self.problems = {name: code for name, code in self._judge().items()
                         if name in self.values}

    def asked(self) -> list[Field]:
        """The fields the citizen is asked now (conditions met), in the form's order."""
        return [f for f in self.definition.fields if self.is_asked(f)]

    def is_asked(self, f: Field) -> bool:
        return f.when is None or self.values.get(f.when.field, "") == f.when.equals

    def set(self, name: str, value: str) -> str | None:
        """The citizen typed or chose `value`; returns the problem with it now (None if fine)."""
        f = self.definition.field(name)
        self.values[name] = value.strip().upper() if f.type in ("id_number", "credit_code") \
            else value
        self.prefilled.discard(name)
        self.touched.add(name)
        problem = self._judge_one(f)
        if problem:
            self.problems[name] = problem
        else:
            self.problems.pop(name, None)
        # a changed choice may ask or drop other fields: forget the problems of dropped ones
        for other in self.definition.fields:
            if not self.is_asked(other):
                self.problems.pop(other.name, None)
        return problem

    def _judge_one(self, f: Field) -> str | None:
        value = self.values.get(f.name, "").strip()
        if not value:
            return "field_required" if f.required else None
        return check_value(f, value)

    def _judge(self) -> dict[str, str]:
        found = {}
        for f in self.asked():
            problem = self._judge_one(f)
            if problem:
                found[f.name] = problem
        return found

    def check_all(self) -> bool:
        """Judge every asked field (the citizen pressed Next); True when nothing is wrong."""
        self.problems = self._judge()
        return not self.problems

    def answers(self) -> dict[str, str]:
        """The asked fields' values as they will be submitted (dates written one way)."""
        out = {}
        for f in self.asked():
            value = self.values.get(f.name, "").strip()
            if value:
                out[f.name] = normal_date(value) if f.type == "date" else value
        return out

    def wipe(self) -> None:
        self.values.clear()
        self.prefilled.clear()
        self.problems.clear()
        self.touched.clear()
