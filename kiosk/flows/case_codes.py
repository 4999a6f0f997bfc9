"""Case numbers (受理编号) and the QR codes that name a case, read on the kiosk before anything
goes to the platform.

A case number is SL-<region, 6 digits>-<submission date, YYYYMMDD>-<serial, 6 digits>, e.g.
SL-990100-20261122-000123 (docs/platform-api-cases.yaml): two letters, then 20 digits in groups
of 6, 8 and 6. The letters say which register took the case (SL: 受理), so the keypad offers letters
for the first two places and digits after, and puts the dashes in itself.

A QR code names a case in one of four shapes: the signed receipt code (<follow URL>?e=..&s=..),
which only the platform can check (signature, expiry); the unsigned follow URL (our progress
slip); the bare case number (a window's acceptance notice); or FB1.<reference>, the receipt of a
question, complaint or correction (kiosk.flows.feedback), whose case the platform names once the
record has arrived. Anything else, a phone's e-ID code for one, is "not a case code" and never
leaves the kiosk.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from kiosk.errors import KioskError

LETTERS = 2
GROUPS = (6, 8, 6)                        # region, date, serial
LENGTH = LETTERS + sum(GROUPS)            # characters typed (the dashes come by themselves)
CASE_NUMBER = re.compile(r"[A-Z]{2}-\d{6}-\d{8}-\d{6}")
FEEDBACK_PREFIX = "FB1."                  # a feedback receipt's QR code: FB1.<outbox record key>
FEEDBACK_REFERENCE = re.compile(r"[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}")
EXAMPLE = "SL-990100-20261122-000123"


class CaseCodeError(KioskError):
    code = "case_number_invalid"
    codes = ("case_number_invalid", "not_a_case_code")


def wants_letter(typed: str) -> bool:
    """Whether the next character of a case number being typed is a letter (else a digit)."""
    return len(typed) < LETTERS


def accepts(typed: str, key: str) -> bool:
    """Whether `key` may come next after `typed` (the characters without dashes)."""
    if len(typed) >= LENGTH or len(key) != 1:
        return False
    return key.isascii() and (key.isalpha() if wants_letter(typed) else key.isdigit())


def formatted(typed: str) -> str:
    """What the citizen typed so far, with the dashes where the number has them."""
    parts, rest = [typed[:LETTERS]], typed[LETTERS:]
    for size in GROUPS:
        if not rest:
            break
        parts.append(rest[:size])
        rest = rest[size:]
    return "-".join(part for part in parts if part)


def normalise(text: str) -> str:
    """A case number as the platform knows it: upper case, dashes in place, spaces dropped. Raises
    CaseCodeError("case_number_invalid") for anything that is not one."""
    compact = re.sub(r"[\s\-－—_]", "", text or "").upper()
    if len(compact) == LENGTH and compact[:LETTERS].isalpha() and compact[LETTERS:].isdigit() \
            and compact.isascii():
        return formatted(compact)
    raise CaseCodeError("not a case number", "case_number_invalid")


@dataclass(frozen=True)
class ScannedCase:
    """What a scanned QR code says: the case number, and the whole text when it is a signed receipt
    code (only the platform can check it)."""
    case_no: str
    receipt: str | None = None
    feedback: str | None = None           # a feedback receipt's reference


def feedback_qr(reference: str) -> str:
    """What a feedback receipt's QR code holds."""
    return FEEDBACK_PREFIX + reference


def read_qr(text: str) -> ScannedCase:
    """The case a QR code names, or CaseCodeError("not_a_case_code")."""
    text = (text or "").strip()
    if text.startswith(FEEDBACK_PREFIX):
        reference = text[len(FEEDBACK_PREFIX):]
        if FEEDBACK_REFERENCE.fullmatch(reference):
            return ScannedCase("", feedback=reference)
        raise CaseCodeError("a feedback code naming no reference", "not_a_case_code")
    try:
        return ScannedCase(normalise(text))
    except CaseCodeError:
        pass
    parts = urlsplit(text)
    if parts.scheme in ("http", "https") and parts.netloc:
        segments = [s for s in parts.path.split("/") if s]
        if len(segments) >= 2 and segments[-2] == "case":
            try:
                case_no = normalise(segments[-1])
            except CaseCodeError:
                raise CaseCodeError("a URL naming no case", "not_a_case_code") from None
            query = parse_qs(parts.query)
            signed = "e" in query and "s" in query
            return ScannedCase(case_no, text if signed else None)
    raise CaseCodeError("not a case code", "not_a_case_code")
