"""Card text of every layout, nations and sexes, dates, 长期, expiry and the GB 11643 check digit."""
from __future__ import annotations

import datetime as dt

import pytest

from devices.idcard import gb11643, text
from devices.idcard.errors import CardDataError, CheckDigitError
from devices.idcard.nations import NATIONS, SEXES, nation_name
from devices.virtual.idcard_twin import sample_cards

TODAY = dt.date(2026, 11, 22)


def ucs2(value: str, size: int) -> bytes:
    raw = value.encode("utf-16-le")
    return raw + " ".encode("utf-16-le") * ((size - len(raw)) // 2)


def hand_built_resident(id_number="990101198805160026", until="20400110", nation="01") -> bytes:
    """Built from the reference's offsets directly, not from the layout table under test."""
    raw = (ucs2("林示例", 30) + ucs2("2", 2) + ucs2(nation, 4) + ucs2("19880516", 16)
           + ucs2("示范省示范市演示区样例路8号", 70) + ucs2(id_number, 36)
           + ucs2("示范市公安局演示分局", 30) + ucs2("20200110", 16) + ucs2(until, 16)
           + ucs2("", 36))
    assert len(raw) == 256
    return raw


def test_resident_card_from_reference_offsets():
    card = text.parse(hand_built_resident(), today=TODAY)
    assert card.card_type == text.RESIDENT
    assert (card.name, card.sex, card.sex_code, card.nation, card.nation_code) == \
        ("林示例", "女", "2", "汉", "01")
    assert card.birth_date == dt.date(1988, 5, 16)
    assert card.address == "示范省示范市演示区样例路8号"
    assert card.issuing_authority == "示范市公安局演示分局"
    assert (card.valid_from, card.valid_until) == (dt.date(2020, 1, 10), dt.date(2040, 1, 10))
    assert card.check_digit_ok is True and card.expired is False
    assert card.as_dict()["birth_date"] == "1988-05-16"


def test_table_encoding_matches_the_reference_offsets():
    values = dict(name="林示例", sex="2", nation="01", birth_date="19880516",
                  address="示范省示范市演示区样例路8号", id_number="990101198805160026",
                  issuing_authority="示范市公安局演示分局", valid_from="20200110",
                  valid_until="20400110")
    assert text.encode(text.RESIDENT, values) == hand_built_resident()


def test_long_term_validity_is_no_expiry():
    card = text.parse(hand_built_resident(until="长期"), today=TODAY)
    assert card.valid_until is None and card.expired is False
    assert card.as_dict()["valid_until"] is None


def test_expired_card_is_flagged():
    card = text.parse(hand_built_resident(until="20261121"), today=TODAY)
    assert card.expired is True
    assert text.parse(hand_built_resident(until="20261122"), today=TODAY).expired is False


def test_wrong_check_digit_is_reported_not_accepted():
    card = text.parse(hand_built_resident(id_number="990101198805160027"), today=TODAY)
    assert card.check_digit_ok is False
    with pytest.raises(CheckDigitError) as err:
        card.require_valid()
    assert err.value.code == "check_digit"
    assert "990101" not in str(err.value)        # no personal data in messages


@pytest.mark.parametrize("bad", ["9901011988051600", "99010119880516002x", "ABCDEFGHIJKLMNOPQR"])
def test_malformed_id_number_is_card_data_error(bad):
    with pytest.raises(CardDataError):
        text.parse(hand_built_resident(id_number=bad), today=TODAY)


@pytest.mark.parametrize("field_offset,value", [(36, "19881340"), (36, "1988-5-1"), (188, "2020011 ")])
def test_bad_dates_are_card_data_errors(field_offset, value):
    raw = bytearray(hand_built_resident())
    raw[field_offset:field_offset + 16] = ucs2(value, 16)
    with pytest.raises(CardDataError):
        text.parse(bytes(raw), today=TODAY)


def test_unknown_nation_code_and_bad_ucs2():
    with pytest.raises(CardDataError):
        text.parse(hand_built_resident(nation="57"), today=TODAY)
    raw = bytearray(hand_built_resident())
    raw[0:2] = b"\x00\xD8"          # a lone surrogate is not UCS-2 text
    with pytest.raises(CardDataError):
        text.parse(bytes(raw), today=TODAY)
    with pytest.raises(CardDataError):
        text.parse(b" \x00" * 127, today=TODAY)


def test_all_56_nations_and_97_98():
    codes = [f"{i:02d}" for i in range(1, 57)] + ["97", "98"]
    assert sorted(NATIONS) == codes
    assert len({name for name, _ in NATIONS.values()}) == 58
    assert (nation_name("01"), nation_name("56"), nation_name("05", english=True)) == \
        ("汉", "基诺", "Uyghur")
    for code in codes:
        assert text.parse(hand_built_resident(nation=code), today=TODAY).nation == NATIONS[code][0]
    assert {c: SEXES[c][0] for c in SEXES} == {"0": "未知", "1": "男", "2": "女", "9": "未说明"}


def test_permit_layout():
    card = text.parse(sample_cards()["hmt_permit"].text_bytes(), today=TODAY)
    assert card.card_type == text.HMT_PERMIT
    assert (card.pass_number, card.issue_count, card.nation) == ("H99000017", 1, None)
    assert card.check_digit_ok is True
    raw = sample_cards()["hmt_permit"].text_bytes()
    assert raw[248:250] == "J".encode("utf-16-le")
    assert raw[220:238] == ucs2("H99000017", 18)


def test_foreign_2017_layout_offsets():
    raw = sample_cards()["foreign_2017"].text_bytes()
    assert raw[0:120] == ucs2("SAMPLE, ALEX", 120)
    assert raw[122:152] == ucs2("UTO990088051001", 30)
    assert raw[152:158] == ucs2("UTO", 6)
    assert raw[220:236] == ucs2("19880510", 16)
    card = text.parse(raw, today=TODAY)
    assert card.card_type == text.FOREIGN_2017
    assert (card.name, card.name_en, card.nationality, card.card_version, card.authority_code) == \
        ("萨亚历", "SAMPLE, ALEX", "UTO", "01", "1500")
    assert card.check_digit_ok is None      # the 15-character number carries no check digit
    assert card.birth_date == dt.date(1988, 5, 10)


def test_foreign_2023_layout_with_long_english_name():
    raw = sample_cards()["foreign_2023"].text_bytes()
    assert raw[242:248] == ucs2("UTO", 6) and raw[248:250] == "Y".encode("utf-16-le")
    card = text.parse(raw, today=TODAY)
    assert card.card_type == text.FOREIGN_2023
    assert card.name_en == "EXAMPLE-PERSON, JORDAN TESTING MIDDLENAME"   # spans both fields
    assert raw[52:122].decode("utf-16-le") == card.name_en[:35]     # 70 bytes = 35 characters
    assert raw[220:242].decode("utf-16-le").strip() == card.name_en[35:] == "LENAME"
    assert (card.renewal_count, card.check_digit_ok, card.name) == (0, True, "艾示例")


def test_every_sample_card_parses_with_a_valid_number():
    cards = sample_cards()
    assert {c.card_type for c in cards.values()} == set(text.CARD_TYPES)
    for card in cards.values():
        parsed = text.parse(card.text_bytes(), today=TODAY)
        assert parsed.check_digit_ok in (True, None)
        assert parsed.id_number.startswith(("99", "UTO99"))     # fictitious numbers only


def test_encode_refuses_what_does_not_fit():
    with pytest.raises(ValueError):
        text.encode(text.RESIDENT, {"name": "名" * 16})
    with pytest.raises(ValueError):
        text.encode("passport", {})


def test_gb11643_check_digit():
    # the worked example printed in GB 11643 itself
    assert gb11643.is_valid("11010519491231002X")
    assert gb11643.check_digit("11010519491231002") == "X"
    assert not gb11643.is_valid("110105194912310021")
    assert not gb11643.is_valid("11010519491231002x")
    assert gb11643.complete("99010119880516002") == "990101198805160026"
    with pytest.raises(ValueError):
        gb11643.check_digit("123")
