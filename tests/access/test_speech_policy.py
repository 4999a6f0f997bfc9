"""The speech policy without Qt: when the voice is on, and nothing personal on the loudspeaker."""
from __future__ import annotations

import pytest

from kiosk import speech

SETTINGS = speech.SpeechSettings(enabled=False, with_large_text=True, engine="mock", volume=80,
                                 rate=0.0, voice_zh_CN="Mandarin", voice_en="English",
                                 headphones="never")


def test_citizen_choice_wins_over_hall_defaults():
    assert not speech.voice_on(SETTINGS, large_text=False, chosen=None)
    assert speech.voice_on(SETTINGS, large_text=True, chosen=None)
    assert not speech.voice_on(SETTINGS, large_text=True, chosen=False)
    assert speech.voice_on(SETTINGS, large_text=False, chosen=True)


def test_loudspeaker_never_says_name_or_id_number():
    said = speech.utterance("张三，您的身份证号 990101199001011237 已核验", "zh_CN", "result",
                            ["张三"], headphones=False, placeholder="[屏幕]")
    assert "张三" not in said.text and "990101199001011237" not in said.text
    assert said.text.count("[屏幕]") == 2 and not said.private


def test_masked_id_number_is_personal_too():
    said = speech.utterance("证件 990101********1237", "zh_CN", "info", [], False, "[x]")
    assert "1237" not in said.text


def test_queue_and_case_numbers_stay_speakable():
    said = speech.utterance("您的号码是 A023，办件编号 2024051200017", "zh_CN", "result", [], False, "[x]")
    assert "A023" in said.text and "2024051200017" in said.text


def test_headphones_say_everything_and_mark_it_private():
    said = speech.utterance("张三 您好", "zh_CN", "screen", ["张三"], headphones=True, placeholder="[x]")
    assert said.text == "张三 您好" and said.private


def test_empty_text_says_nothing_and_unknown_kind_is_refused():
    assert speech.utterance("  \n ", "en", "screen", [], False, "x") is None
    with pytest.raises(ValueError):
        speech.utterance("hi", "en", "shout", [], False, "x")
