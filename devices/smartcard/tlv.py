"""Decoding the social security card's records: TAG | LEN | VALUE, GBK text and BCD dates."""
from __future__ import annotations

import datetime as _dt

from devices.smartcard.errors import CardDataError

# Cards pad fixed-width fields with spaces, NULs or 0xFF, depending on the issuer.
_PADDING = b" \x00\xff"


def parse_record(data: bytes, expected_tag: int | None = None) -> tuple[int, bytes]:
    """One record as the card returns it: (tag, value). The length byte must fit the data."""
    if len(data) < 2:
        raise CardDataError(f"record too short ({len(data)} bytes)")
    tag, length = data[0], data[1]
    offset = 2
    if length == 0x81:          # BER long form, one length byte follows
        if len(data) < 3:
            raise CardDataError("record length is cut off")
        length, offset = data[2], 3
    elif length > 0x81:
        raise CardDataError(f"record length form 0x{length:02X} is not supported")
    if len(data) < offset + length:
        raise CardDataError(f"record 0x{tag:02X} says {length} bytes but holds {len(data) - offset}")
    if expected_tag is not None and tag != expected_tag:
        raise CardDataError(f"asked for record 0x{expected_tag:02X}, got 0x{tag:02X}")
    return tag, bytes(data[offset:offset + length])


def encode_record(tag: int, value: bytes) -> bytes:
    """The inverse of parse_record (used by the virtual card)."""
    if len(value) < 0x80:
        return bytes([tag, len(value)]) + value
    if len(value) <= 0xFF:
        return bytes([tag, 0x81, len(value)]) + value
    raise ValueError("record value longer than 255 bytes")


def text(value: bytes, encoding: str = "gbk") -> str:
    """Fixed-width text: strip padding, decode GBK (ASCII fields are GBK too)."""
    stripped = value.rstrip(_PADDING).lstrip(b"\x00")
    try:
        return stripped.decode(encoding).strip()
    except UnicodeDecodeError:
        raise CardDataError(f"field is not valid {encoding.upper()} text") from None


def bcd_digits(value: bytes) -> str:
    """Packed BCD to its digits; a trailing F nibble pads an odd count."""
    digits = []
    for byte in value:
        for nibble in (byte >> 4, byte & 0x0F):
            if nibble == 0x0F:
                continue
            if nibble > 9:
                raise CardDataError(f"0x{byte:02X} is not a BCD byte")
            digits.append(str(nibble))
    return "".join(digits)


def bcd_date(value: bytes) -> _dt.date | None:
    """BCD YYYYMMDD; None for the all-zero or all-F 'no date' some cards store."""
    if not value.strip(b"\x00") or not value.strip(b"\xff"):
        return None
    digits = bcd_digits(value)
    if len(digits) != 8:
        raise CardDataError(f"date has {len(digits)} digits, expected 8")
    try:
        return _dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        raise CardDataError("date is not a calendar date") from None


def to_bcd(digits: str) -> bytes:
    """Digits to packed BCD, padding an odd count with F (PINs, dates)."""
    if not digits or any(c not in "0123456789" for c in digits):
        raise ValueError("BCD needs digits only")
    if len(digits) % 2:
        digits += "F"
    return bytes.fromhex(digits)
