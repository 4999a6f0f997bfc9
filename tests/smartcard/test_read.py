"""The driver through a real pcscd, vpcd and the virtual social security card."""
from __future__ import annotations

import datetime as dt

import pytest

from devices.smartcard.errors import (CardRemoved, NoCard, NoReader, PinBlocked, PinCancelled,
                                      PinRequired, PinWrong, UnknownCard)
from devices.smartcard.pcsc import Context
from devices.smartcard.pin import PinPrompt
from devices.smartcard.service import read_card


class ScriptedPin:
    """A citizen who types the given PINs in turn, then gives up (None); records each prompt."""

    def __init__(self, *pins: str | None):
        self.pins = list(pins)
        self.prompts: list[PinPrompt] = []

    def request_pin(self, prompt: PinPrompt) -> str | None:
        self.prompts.append(prompt)
        return self.pins.pop(0) if self.pins else None

    def cancel(self) -> None:
        self.pins.clear()


def test_reads_every_field(hand):
    card = hand.insert("demo")
    citizen = ScriptedPin("123456")
    record = read_card(hand.reader, citizen)
    assert citizen.prompts == [], "asked for a PIN the card did not demand"
    assert record.fields() == {
        "card_number": "T00000001",
        "card_identifier": "990100D156000005A0000001TEST0001",
        "region_code": "990100",
        "version": "3.00",
        "issue_date": "2021-03-15",
        "expiry_date": "2031-03-15",
        "name": "测试样",
        "id_number": "99010019800101123X",
        "sex": "男",
        "nation": "汉",
        "birth_date": "1980-01-01",
    }
    assert record.birth_date == dt.date(1980, 1, 1) and not record.expired(dt.date(2030, 1, 1))
    assert record.atr == "3B 8A 80 01 56 53 53 43 39 39 30 31 30 30 1F"
    # SELECT SSSE + 2 x SELECT EF + 13 READ RECORD: nothing more than needed
    assert card.apdus == 16
    assert record.fields(mask=lambda n: n[:6] + "*" * 8 + n[-4:])["id_number"] == "990100********123X"


@pytest.mark.parametrize("behaviour,extra_apdus", [
    ({"chain_responses": True}, 14),          # 61xx: one GET RESPONSE per answer with data
    ({"exact_le": True}, 13),                 # 6Cxx: every READ RECORD sent again with the right Le
])
def test_status_words_61xx_and_6cxx(hand, behaviour, extra_apdus):
    card = hand.insert("demo", **behaviour)
    record = read_card(hand.reader)
    assert record.name == "测试样" and record.card_number == "T00000001"
    assert card.apdus == 16 + extra_apdus


def test_pin_asked_only_when_the_card_demands_it(hand):
    card = hand.insert("pin")
    citizen = ScriptedPin("123456")
    record = read_card(hand.reader, citizen)
    assert record.name == "样例欣怡" and record.sex_name(english=True) == "female"
    assert citizen.prompts == [PinPrompt(tries_left=None)]
    assert card.pin_attempts == 1


def test_wrong_pin_then_right_pin_shows_tries_left(hand):
    card = hand.insert("pin")
    citizen = ScriptedPin("111111", "123456")
    record = read_card(hand.reader, citizen)
    assert record.id_number == "990102195607132465"
    assert [p.tries_left for p in citizen.prompts] == [None, 2]
    assert citizen.prompts[1].after_wrong_pin
    assert card.pin_attempts == 2


def test_wrong_pin_is_never_retried_by_the_driver(hand):
    card = hand.insert("pin")
    citizen = ScriptedPin("111111")           # then gives up
    with pytest.raises(PinWrong) as info:
        read_card(hand.reader, citizen)
    assert info.value.tries_left == 2 and info.value.code == "pin_wrong"
    assert card.pin_attempts == 1, "the driver sent a PIN the citizen did not type"


def test_pin_blocked_after_the_last_try(hand):
    card = hand.insert("pin")
    citizen = ScriptedPin("111111", "222222", "333333", "123456")
    with pytest.raises(PinBlocked):
        read_card(hand.reader, citizen)
    assert [p.tries_left for p in citizen.prompts] == [None, 2, 1]
    assert card.pin_attempts == 3

    card = hand.insert("pin", blocked=True)
    with pytest.raises(PinBlocked) as info:
        read_card(hand.reader, ScriptedPin("123456"))
    assert info.value.advice == "staff"


def test_pin_required_cancelled_or_malformed(hand):
    card = hand.insert("pin")
    with pytest.raises(PinRequired):
        read_card(hand.reader, None)
    with pytest.raises(PinCancelled):
        read_card(hand.reader, ScriptedPin(None))
    with pytest.raises(PinCancelled, match="six digits"):
        read_card(hand.reader, ScriptedPin("12345"))
    assert card.pin_attempts == 0
    card.behaviour.set(reject_pin=True)
    with pytest.raises(PinWrong) as info:
        read_card(hand.reader, ScriptedPin("123456"))
    assert info.value.tries_left == 2


def test_not_a_social_security_card(hand):
    hand.insert("bank")
    with pytest.raises(UnknownCard) as info:
        read_card(hand.reader)
    assert info.value.kind == "bank" and info.value.advice == "other_method"
    hand.insert("demo", wrong_application=True)
    with pytest.raises(UnknownCard) as info:
        read_card(hand.reader)
    assert info.value.kind == "unknown" and "6A82" in str(info.value)


def test_no_reader_and_no_card(hand):
    with pytest.raises(NoReader, match="no reader matches"):
        Context().pick("Reader That Is Not There")
    hand.remove()
    with pytest.raises(NoCard):
        read_card(hand.reader)


def test_card_removed_mid_read_then_read_again(hand):
    hand.insert("demo", remove_mid_read=True)
    with pytest.raises(CardRemoved):
        read_card(hand.reader)
    hand.insert("demo")
    assert read_card(hand.reader).name == "测试样"
