"""Voice guidance as a citizen meets it, through Qt's mock engine: what would be said, in which
language, when it stops."""
from __future__ import annotations

from kiosk import i18n
from kiosk.session import Identity


def said(shell):
    return [(u.kind, u.language, u.text) for u in shell.speaker.history]


def turn_voice_on(shell, qtbot):
    assert shell.voice_button.isVisible() and not shell.voice_button.isChecked()
    shell.voice_button.click()
    qtbot.waitUntil(lambda: bool(shell.speaker.history), timeout=2000)


def test_voice_is_off_until_the_citizen_turns_it_on(shell, qtbot):
    shell.go("identify", next="home")
    qtbot.wait(50)
    assert shell.speaker.history == [] and shell.speaker._engine is None
    assert not shell.repeat_button.isVisible()


def test_voice_switch_says_the_screen_then_each_new_screen(shell, qtbot):
    turn_voice_on(shell, qtbot)
    kind, language, text = said(shell)[0]
    assert (kind, language) == ("screen", "zh_CN") and "您好" in text
    assert shell.repeat_button.isVisible() and shell.voice_button.isChecked()
    shell.go("identify", next="home")
    qtbot.waitUntil(lambda: len(shell.speaker.history) >= 2, timeout=2000)
    assert said(shell)[1][2].startswith("身份核验") or "身份" in said(shell)[1][2]
    assert shell.speaker._engine.engine() == "mock"


def test_english_voice_follows_the_ui_language(shell, qtbot):
    turn_voice_on(shell, qtbot)
    shell.lang_button.click()
    qtbot.waitUntil(lambda: said(shell)[-1][1] == "en", timeout=2000)
    assert "Welcome" in said(shell)[-1][2]
    i18n.install("zh_CN")


def test_repeat_says_the_screen_again(shell, qtbot):
    turn_voice_on(shell, qtbot)
    shell.go("identify", next="home")
    qtbot.waitUntil(lambda: len(shell.speaker.history) >= 2, timeout=2000)
    intro = [s for s in said(shell) if s[0] == "screen"][-1]
    assert "身份" in intro[2]
    shell.repeat_button.click()
    assert said(shell)[-1] == intro


def test_screen_change_stops_speech(shell, qtbot):
    turn_voice_on(shell, qtbot)
    stops = []
    shell.speaker._engine.stateChanged.connect(lambda state: stops.append(state))
    shell.speaker._engine.say("a long sentence " * 20)
    qtbot.waitUntil(lambda: shell.speaker._engine.state().name == "Speaking", timeout=2000)
    shell.go("identify", next="home")
    qtbot.waitUntil(lambda: shell.speaker._engine.state().name != "Speaking" or
                    said(shell)[-1][2] != said(shell)[0][2], timeout=2000)
    assert any(s.name == "Ready" for s in stops)


def test_idle_countdown_is_spoken(shell, qtbot, voice_ctx):
    turn_voice_on(shell, qtbot)
    shell.go("unavailable", task="case")
    qtbot.wait(20)
    shell._idle_timer.timeout.emit()
    kind, _lang, text = said(shell)[-1]
    assert kind == "countdown" and str(voice_ctx.config.ui.warning_s) in text
    shell.idle_warning.dismiss()


def test_banner_error_is_spoken_after_the_title(shell, qtbot):
    turn_voice_on(shell, qtbot)
    shell.go("identify", next="home")
    screen = shell.current()
    qtbot.waitUntil(lambda: len(said(shell)) >= 2, timeout=2000)
    # what the screen showed on entry comes after its title, never before
    assert said(shell)[1][0] == "screen" and "身份" in said(shell)[1][2]
    screen.banner.set("error", "读卡失败，请重新放置身份证")
    assert said(shell)[-1] == ("error", "zh_CN", "读卡失败，请重新放置身份证")


def test_loudspeaker_keeps_the_name_off_and_session_end_resets(shell, qtbot, voice_ctx):
    turn_voice_on(shell, qtbot)
    voice_ctx.session.identity = Identity("idcard", "测试人", "990101199001011237")
    shell.go("identify", next="home")
    qtbot.wait(20)
    shell.current().banner.set("ok", "测试人，您好")
    assert "测试人" not in said(shell)[-1][2]
    shell.end_session()
    assert shell.speaker.history == [] or all("测试人" not in t for _k, _l, t in said(shell))
    assert not shell.speaker.enabled


def test_volume_from_config(make_ctx, show_shell, qtbot):
    shell = show_shell(make_ctx({"speech": {"engine": "mock", "volume": 30}}))
    turn_voice_on(shell, qtbot)
    assert abs(shell.speaker._engine.volume() - 0.3) < 0.01


def test_large_text_turns_voice_on_where_the_hall_says_so(make_ctx, show_shell, qtbot):
    shell = show_shell(make_ctx({"speech": {"engine": "mock", "with_large_text": True}}))
    shell.elderly_button.click()
    qtbot.waitUntil(lambda: bool(shell.speaker.history), timeout=2000)
    assert shell.voice_button.isChecked()


def test_a_screen_is_introduced_once_when_voice_comes_on_mid_change(shell, qtbot):
    shell.home()                    # its introduction is pending when the switch is touched
    shell.voice_button.click()
    qtbot.wait(50)
    assert [k for k, _l, _t in said(shell)] == ["screen"]
