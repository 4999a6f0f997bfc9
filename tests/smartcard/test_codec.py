"""Record, BCD, ATR and APDU helpers: the parts that need no card."""
from __future__ import annotations

import datetime as dt

import pytest

from devices.smartcard import apdu, tlv
from devices.smartcard.atr import parse_atr
from devices.smartcard.errors import CardDataError
from devices.smartcard.ssc import SSSE_AID


def test_ssse_aid_is_the_published_select_command():
    assert apdu.select_by_name(SSSE_AID).hex(" ").upper() == (
        "00 A4 04 00 0F 73 78 31 2E 73 68 2E C9 E7 BB E1 B1 A3 D5 CF")


@pytest.mark.parametrize("command,le,expected", [
    ("00B2080000", 0x12, "00B2080012"),                 # case 2: Le replaced
    ("00A4020002EF05", 0x10, "00A4020002EF0510"),       # case 3: Le added
    ("00A4020002EF0500", 0x10, "00A4020002EF0510"),     # case 4: Le replaced
    ("00C00000", 0x08, "00C0000008"),                   # case 1: Le added
])
def test_with_le(command, le, expected):
    assert apdu.with_le(bytes.fromhex(command), le).hex().upper() == expected


def test_record_tag_length_value():
    assert tlv.parse_record(bytes.fromhex("0803414243"), expected_tag=8) == (8, b"ABC")
    long_value = bytes(200)
    assert tlv.parse_record(tlv.encode_record(0x09, long_value)) == (9, long_value)
    with pytest.raises(CardDataError, match="says 5 bytes"):
        tlv.parse_record(bytes.fromhex("0805414243"))
    with pytest.raises(CardDataError, match="asked for record 0x09"):
        tlv.parse_record(bytes.fromhex("080141"), expected_tag=9)


def test_gbk_text_strips_issuer_padding():
    assert tlv.text("测试样".encode("gbk") + b" " * 24) == "测试样"
    assert tlv.text("样例".encode("gbk") + b"\x00" * 4) == "样例"
    assert tlv.text(b"T00000001\xff\xff") == "T00000001"
    with pytest.raises(CardDataError, match="GBK"):
        tlv.text(b"\x81\x20")


def test_bcd_dates():
    assert tlv.bcd_date(bytes.fromhex("20310315")) == dt.date(2031, 3, 15)
    assert tlv.bcd_date(bytes(4)) is None
    assert tlv.bcd_date(b"\xff" * 4) is None
    with pytest.raises(CardDataError, match="calendar"):
        tlv.bcd_date(bytes.fromhex("20311315"))
    with pytest.raises(CardDataError, match="BCD"):
        tlv.bcd_date(bytes.fromhex("2031A315"))
    assert tlv.to_bcd("123456") == bytes.fromhex("123456")
    assert tlv.to_bcd("12345") == bytes.fromhex("12345F")
    with pytest.raises(ValueError):
        tlv.to_bcd("12a4")


def test_atr_marks_memory_cards():
    storage = parse_atr(bytes.fromhex("3B8F8001804F0CA000000306030001000000006A"))
    assert storage.kind == "storage" and storage.protocols == (0, 1)
    processor = parse_atr(bytes.fromhex("3B8A8001565353433939303130301F"))
    assert processor.kind == "processor" and processor.historical == b"VSSC990100"
