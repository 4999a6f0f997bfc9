"""What the kiosk may say aloud, and in which voice: the speech policy without Qt.

screens/speech.py owns the engine (QtTextToSpeech) and asks this module two things: is the
voice on for this session, and what exactly may be said of a text. The rule that matters most:
nothing personal (the citizen's name, ID number, whole or masked, any long run of ID digits) is
said through the loudspeaker; it is said only through headphones, and otherwise replaced by a
short phrase that sends the citizen to the screen.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

# what a screen says, and why: the screen on entry, an error, a countdown warning, a result
KINDS = ("screen", "error", "countdown", "result", "info")

# an ID number as screens show it, whole or masked (110101********1234); queue and case numbers
# are shorter than 15 characters and stay speakable
_ID_LIKE = re.compile(r"[0-9*Xx＊]{15,18}")


@dataclass(frozen=True)
class SpeechSettings:
    enabled: bool          # voice on at the start of every session
    with_large_text: bool  # voice on whenever the citizen turns large text on
    engine: str            # QtTextToSpeech engine name: speechd, or a province's own
    volume: int            # 0..100
    rate: float            # -1..1, 0 = the voice's normal speed
    voice_zh_CN: str       # part of the voice's name to pick for Chinese
    voice_en: str          # part of the voice's name to pick for English
    headphones: str        # "never", "always" (a handset-only kiosk)

    @classmethod
    def from_config(cls, section: Mapping[str, Any]) -> "SpeechSettings":
        return cls(enabled=bool(section["enabled"]), with_large_text=bool(section["with_large_text"]),
                   engine=str(section["engine"]), volume=int(section["volume"]),
                   rate=float(section["rate"]), voice_zh_CN=str(section["voice_zh_CN"]),
                   voice_en=str(section["voice_en"]), headphones=str(section["headphones"]))

    def voice_for(self, language: str) -> str:
        return self.voice_zh_CN if language == "zh_CN" else self.voice_en


@dataclass(frozen=True)
class Utterance:
    text: str
    language: str     # the UI language it is said in: zh_CN or en
    kind: str         # one of KINDS
    private: bool     # said through headphones only (it held something personal)


def voice_on(settings: SpeechSettings, large_text: bool, chosen: bool | None) -> bool:
    """The citizen's own choice wins; before they choose, the hall's defaults decide."""
    if chosen is not None:
        return chosen
    return settings.enabled or (settings.with_large_text and large_text)


def redact(text: str, personal: Iterable[str], placeholder: str) -> tuple[str, bool]:
    """text with every personal string replaced by placeholder; and whether anything was."""
    out = text
    for value in sorted((p for p in personal if p), key=len, reverse=True):
        out = out.replace(value, placeholder)
    out = _ID_LIKE.sub(placeholder, out)
    return out, out != text


def utterance(text: str, language: str, kind: str, personal: Iterable[str], headphones: bool,
              placeholder: str) -> Utterance | None:
    """What may be said of text: whole through headphones, redacted through the loudspeaker."""
    if kind not in KINDS:
        raise ValueError(f"unknown speech kind {kind!r}")
    text = " ".join(text.split())
    if not text:
        return None
    if headphones:
        _, held = redact(text, personal, placeholder)
        return Utterance(text, language, kind, private=held)
    said, _ = redact(text, personal, placeholder)
    return Utterance(said, language, kind, private=False)
