"""The shell as a citizen meets it: cannot be closed, idle countdown wipes, language and large text."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from kiosk.session import Identity
from screens import theme


def test_starts_on_home_without_footer(shell):
    assert shell.current().name == "home"
    assert not shell.footer.isVisible()


def test_citizen_cannot_close_or_escape(shell, qtbot):
    assert shell.close() is False
    assert shell.isVisible()
    qtbot.keyClick(shell, Qt.Key_Escape)
    assert shell.isVisible()


def test_every_other_screen_has_home_and_back(shell):
    shell.go("identify", next="home")
    shell.go("unavailable", task="queue")
    assert shell.footer.isVisible()
    assert shell.home_button.isVisible() and shell.back_button.isVisible()
    shell.back()
    assert shell.current().name == "identify"
    shell.home()
    assert shell.current().name == "home"


def test_idle_countdown_then_wipe(shell, ctx):
    ctx.session.identity = Identity("idcard", "测试人", "990101199001011237")
    ctx.session.put("photo", bytearray(b"\x01" * 16))
    photo = ctx.session.get("photo")
    shell.go("unavailable", task="case")
    assert shell._idle_timer.interval() == ctx.config.ui.idle_timeout_s * 1000
    shell._idle_timer.timeout.emit()
    assert shell.idle_warning.isVisible()
    assert shell.idle_warning.count.text() == str(ctx.config.ui.warning_s)
    assert ctx.config.ui.warning_s >= 20
    for _ in range(ctx.config.ui.warning_s):
        shell.idle_warning._tick()
    assert ctx.session.identity is None
    assert photo == bytearray(16)          # overwritten, not just dropped
    assert shell.current().name == "home"
    assert not shell.idle_warning.isVisible()


def test_continue_keeps_the_session(shell, ctx):
    ctx.session.identity = Identity("idcard", "测试人", "990101199001011237")
    shell.go("unavailable", task="case")
    for _ in range(12):   # at least ten extensions are allowed (WCAG 2.2.1)
        shell._idle_timer.timeout.emit()
        shell.idle_warning._tick()
        shell.idle_warning.continue_button.click()
        assert not shell.idle_warning.isVisible()
    assert ctx.session.identity is not None
    assert shell.current().name == "unavailable"


def test_idle_on_home_starts_attract_loop(shell, ctx):
    assert shell._idle_timer.interval() == ctx.config.ui.attract_after_s * 1000
    shell._idle_timer.timeout.emit()
    assert shell.attract.isVisible()


def test_language_switch_rerenders_current_screen(shell):
    home = shell.current()
    chinese = home.greeting.text()
    shell.toggle_language()
    english = home.greeting.text()
    assert chinese != english
    assert english == "Welcome. What would you like to do?"
    assert chinese == "您好，请问您要办理什么业务？"
    shell.toggle_language()
    assert home.greeting.text() == chinese


def test_session_end_restores_default_language_and_text_size(shell, ctx):
    shell.toggle_language()
    shell.toggle_elderly()
    shell.end_session()
    assert not ctx.session.elderly_mode
    from kiosk import i18n
    assert i18n.current_language() == ctx.config.ui.language


def _visible_buttons(widget):
    return [b for b in widget.findChildren(QPushButton) if b.isVisible()]


def test_touch_targets_and_text_sizes(shell, qtbot):
    for elderly in (False, True):
        if shell.ctx.session.elderly_mode != elderly:
            shell.toggle_elderly()
        for name in ("home", "identify", "unavailable", "staff"):
            shell.go(name)
            qtbot.wait(20)
            for btn in _visible_buttons(shell):
                minimum = 60 if elderly else 44
                assert btn.height() >= minimum and btn.width() >= minimum, (name, btn.text())
    m = theme.metrics(True)
    assert m.body_pt >= 18 and m.title_pt >= 30 and m.target_px >= 60


def test_staff_pin_locks_after_attempts(shell, ctx):
    shell.go("staff")
    staff = shell.current()
    for _ in range(ctx.config.staff.max_pin_attempts):
        staff._submit("123456")
    assert staff.guard.locked_for() > 0
    staff._submit("000000")          # even the right PIN is refused while locked
    assert not staff.unlocked
