"""The real engine: QtTextToSpeech's speech-dispatcher plugin with espeak-ng's voices.

speech-dispatcher plays to the sound card and cannot write a file, so the audio is checked where
it is made: espeak-ng, the synthesizer speech-dispatcher drives, writes the same sentences to WAV
and sox measures them (length, and a level well above silence). Skipped, loudly, where the
engine is not installed (tools/apt-packages.txt installs it; the conftest counts skips).
"""
from __future__ import annotations

import os
import shutil
import subprocess

import pytest

pytestmark = pytest.mark.skipif(
    not (shutil.which("espeak-ng") and shutil.which("sox") and shutil.which("speech-dispatcher")),
    reason="speech-dispatcher, espeak-ng or sox not installed: see tools/apt-packages.txt")

SENTENCES = {"zh_CN": ("cmn", "欢迎使用政务服务自助终端，请选择您要办理的业务。"),
             "en": ("en-us", "Welcome. What would you like to do?")}


@pytest.mark.parametrize("language", sorted(SENTENCES))
def test_espeak_voice_makes_audible_speech_of_the_right_length(language, tmp_path):
    voice, text = SENTENCES[language]
    wav = tmp_path / f"{language}.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-s", "150", "-w", str(wav), text], check=True,
                   timeout=60)
    seconds = float(subprocess.run(["sox", "--i", "-D", str(wav)], capture_output=True,
                                   text=True, check=True).stdout)
    assert 1.5 < seconds < 15, seconds
    stat = subprocess.run(["sox", str(wav), "-n", "stat"], capture_output=True, text=True,
                          check=True).stderr
    rms = float(next(line.split(":")[1] for line in stat.splitlines()
                     if line.startswith("RMS     amplitude")))
    assert rms > 0.01, stat


@pytest.mark.skipif(not os.path.exists("/dev/snd") and not os.environ.get("PULSE_SERVER"),
                    reason="no sound device: speech-dispatcher's espeak-ng module cannot play "
                           "here and the daemon stops answering")
def test_qt_speechd_engine_finds_both_voices_and_speaks(make_ctx, show_shell, qtbot):
    from PySide6.QtTextToSpeech import QTextToSpeech
    if "speechd" not in QTextToSpeech.availableEngines():
        pytest.skip("PySide6 has no speechd plugin")
    from kiosk import i18n
    shell = show_shell(make_ctx({"speech": {"engine": "speechd", "enabled": True}}))
    qtbot.waitUntil(lambda: bool(shell.speaker.history), timeout=5000)
    engine = shell.speaker._engine
    qtbot.waitUntil(lambda: engine.state() != QTextToSpeech.State.Error, timeout=5000)
    assert "Mandarin" in engine.voice().name(), engine.voice().name()
    states = []
    engine.stateChanged.connect(states.append)
    shell.lang_button.click()
    qtbot.waitUntil(lambda: shell.speaker.history[-1].language == "en", timeout=5000)
    assert "English" in engine.voice().name(), engine.voice().name()
    qtbot.waitUntil(lambda: QTextToSpeech.State.Speaking in states, timeout=10000)
    assert engine.state() != QTextToSpeech.State.Error, engine.errorString()
    i18n.install("zh_CN")
