"""Voice guidance: the one QtTextToSpeech engine of the kiosk, and what the shell asks it to say.

The shell owns one Speaker. It speaks each screen's title and instruction on entry
(Screen.spoken_intro), every error, warning and result a Banner shows on the current screen, and
the idle countdown; "repeat" says the last screen text again; a screen change stops whatever is
being said. What may be said, and how personal data is kept off the loudspeaker, is
kiosk/speech.py's policy. The engine is created the first time the voice is turned on, so a kiosk
with the voice off never starts speech-dispatcher.
"""
from __future__ import annotations

import logging
from typing import Callable

from PySide6.QtCore import QLocale, QObject, QTimer, Signal

from kiosk import i18n
from kiosk import speech as policy
from kiosk.residue import personal_strings

log = logging.getLogger(__name__)

_LOCALES = {"zh_CN": "zh_CN", "en": "en_US"}


class Speaker(QObject):
    """Says texts in the UI language, if the voice is on; keeps what it said (tests, walkthrough)."""

    said = Signal(object)   # a kiosk.speech.Utterance, once it is handed to the engine

    def __init__(self, ctx, parent: QObject | None = None,
                 large_text: Callable[[], bool] = lambda: False):
        super().__init__(parent)
        self.ctx = ctx
        self.settings = policy.SpeechSettings.from_config(ctx.config.speech)
        self._large_text = large_text
        self._chosen: bool | None = None        # the citizen's own switch, this session
        self.volume = self.settings.volume       # staff may change it for this run
        self.history: list[policy.Utterance] = []
        self.last_screen: policy.Utterance | None = None
        self._engine = None
        self._voices: dict[str, object] = {}
        self._pending: list[tuple[str, str]] = []    # the entry text and what came with it
        self._collecting = False
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        self._flush.timeout.connect(self._say_pending)

    # ---- the switch -------------------------------------------------------------------------
    @property
    def enabled(self) -> bool:
        return policy.voice_on(self.settings, self._large_text(), self._chosen)

    def set_enabled(self, on: bool) -> None:
        self._chosen = on
        if not on:
            self.stop()

    def new_session(self) -> None:
        """The next citizen starts from the hall's defaults, and hears nothing of the last one."""
        self._chosen = None
        self.stop()
        self.last_screen = None
        self.history.clear()

    @property
    def headphones(self) -> bool:
        return self.settings.headphones == "always"

    def set_volume(self, percent: int) -> None:
        self.volume = max(0, min(100, int(percent)))
        if self._engine is not None:
            self._engine.setVolume(self.volume / 100)

    # ---- what the shell and the widgets call ------------------------------------------------
    def screen_changing(self) -> None:
        """Another screen is about to show: the last one's speech stops; what the new one
        announces while it enters waits for its title (screen_entered)."""
        self.stop()
        self._collecting = True

    def screen_entered(self, text: str) -> None:
        """Say the screen's title and instruction, then what it announced on entry; once the
        event loop turns, so a screen that moves straight on is not introduced at all."""
        self._collecting = False
        # one introduction: a screen shown again before the last one was said replaces it
        self._pending = [(text, "screen")] + [p for p in self._pending if p[1] != "screen"]
        self._flush.start(0)

    def announce(self, text: str, kind: str) -> None:
        """An error, warning, countdown or result the citizen sees now: queued after what is
        being said, never cutting the screen's own introduction short."""
        if self._collecting or self._flush.isActive():
            self._pending.append((text, kind))
            return
        self._speak(text, kind, queue=True)

    def repeat(self) -> None:
        if self.last_screen is not None:
            self._speak_utterance(self.last_screen, queue=False, force=True)

    def stop(self) -> None:
        self._flush.stop()
        self._pending = []
        self._collecting = False
        if self._engine is not None:
            self._engine.stop()

    # ---- inside -----------------------------------------------------------------------------
    def _say_pending(self) -> None:
        pending, self._pending = self._pending, []
        for n, (text, kind) in enumerate(pending):
            self._speak(text, kind, queue=n > 0)

    def _speak(self, text: str, kind: str, queue: bool) -> None:
        if not self.enabled:
            return
        said = policy.utterance(text, i18n.current_language(), kind,
                                personal_strings(self.ctx.session, self.ctx.config.privacy),
                                self.headphones, self.tr("your details are on the screen"))
        if said is None:
            return
        if kind == "screen":
            self.last_screen = said
        self._speak_utterance(said, queue, force=False)

    def _speak_utterance(self, said: policy.Utterance, queue: bool, force: bool) -> None:
        if not (self.enabled or force):
            return
        engine = self._ensure_engine()
        self.history.append(said)
        if engine is not None:
            self._use_voice(engine, said.language)
            if queue:
                engine.enqueue(said.text)
            else:
                engine.say(said.text)
        self.said.emit(said)

    def _ensure_engine(self):
        if self._engine is None:
            from PySide6.QtTextToSpeech import QTextToSpeech
            if self.settings.engine not in QTextToSpeech.availableEngines():
                log.warning("speech engine %r is not installed (have %s): voice guidance is "
                            "silent", self.settings.engine, QTextToSpeech.availableEngines())
                return None
            self._engine = QTextToSpeech(self.settings.engine, self)
            self._engine.setVolume(self.volume / 100)
            self._engine.setRate(self.settings.rate)
            self._engine.errorOccurred.connect(
                lambda reason, message: log.warning("speech engine: %s (%s)", message, reason))
        return self._engine

    def _use_voice(self, engine, language: str) -> None:
        """The configured voice for the language, found by name once; else the locale's default."""
        if language not in self._voices:
            engine.setLocale(QLocale(_LOCALES.get(language, language)))
            wanted = self.settings.voice_for(language).casefold()
            candidates = list(engine.availableVoices())
            if wanted and not any(wanted in v.name().casefold() for v in candidates):
                # speech-dispatcher lists its Mandarin voice under no Chinese locale
                engine.setLocale(QLocale.c())
                candidates = list(engine.availableVoices())
            match = next((v for v in candidates if wanted and wanted in v.name().casefold()), None)
            if match is None:
                log.warning("no %s voice named like %r: the engine's default voice speaks",
                            language, wanted)
            self._voices[language] = (engine.locale(), match)
        locale, voice = self._voices[language]
        if engine.locale() != locale:
            engine.setLocale(locale)
        if voice is not None and engine.voice() != voice:
            engine.setVoice(voice)
