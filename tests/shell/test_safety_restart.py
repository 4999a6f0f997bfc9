"""The safety-net restart on screen: the kiosk exits with EXIT_RESTART (75) only when nobody is
there after the configured sessions, and what was queued before it reaches the platform once
from the next process."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer

import touch
from kiosk import config
from kiosk.app import build_context
from kiosk.bridge import DeviceBridge
from kiosk.restart_policy import EXIT_RESTART
from kiosk.session import Identity
from screens.shell import Shell

NO_DEVICES = {"idcard": {"enabled": False}, "smartcard": {"enabled": False},
              "face": {"enabled": False}, "receipt_printer": {"enabled": False},
              "certificate_printer": {"enabled": False}}


def exec_until_exit(qapp, start, within_ms: int = 1500) -> int:
    """Run the application's event loop, call start() from it, and return the exit code; -1 if
    nothing asked the loop to exit within `within_ms` (the restart exits at once when it does)."""
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(lambda: qapp.exit(-1))
    guard.start(within_ms)
    QTimer.singleShot(0, start)
    code = qapp.exec()
    guard.stop()
    return code


@pytest.fixture
def restarting_shell(make_ctx, show_shell):
    def make(sessions: int):
        ctx = make_ctx({"kiosk": {"restart_after_sessions": sessions}})
        return ctx, show_shell(ctx)
    return make


def visit(shell, screen: str = "catalog") -> None:
    shell.go(screen)
    shell.home()


def test_restarts_when_idle_at_home_after_the_configured_sessions(restarting_shell, qapp):
    ctx, shell = restarting_shell(2)
    visit(shell)
    assert exec_until_exit(qapp, shell._on_idle) == -1         # one session: not yet
    assert shell.attract.isVisible()                            # the attract loop instead
    shell.attract.stop()
    visit(shell, "evaluation")
    assert exec_until_exit(qapp, shell._on_idle) == EXIT_RESTART
    assert shell.restart_requested == "sessions"


def test_never_with_a_citizen_there(restarting_shell, qapp):
    ctx, shell = restarting_shell(1)
    visit(shell)
    ctx.session.identity = Identity("idcard", "测试", "990101198001011234")
    shell.home()                       # Home pressed, still identified: the countdown comes
    assert exec_until_exit(qapp, shell._on_idle) == -1
    assert shell.idle_warning.isVisible() and not shell.attract.isVisible()
    assert shell.restart_requested is None
    shell.idle_warning.expire_now()    # nobody answered: the session is wiped
    assert exec_until_exit(qapp, shell._on_idle) == EXIT_RESTART


def test_during_the_attract_loop_at_night(restarting_shell, qapp):
    ctx, shell = restarting_shell(0)
    visit(shell)
    shell.attract.start()
    assert exec_until_exit(qapp, shell._tick) == -1            # not due: the loop goes on
    shell.restart_policy.settings = type(shell.restart_policy.settings)(after_hours=1.0)
    shell.restart_policy.started_at -= 3601                     # an hour and a second up
    assert exec_until_exit(qapp, shell._tick) == EXIT_RESTART
    assert shell.restart_requested == "uptime" and not shell.attract.isVisible()


def test_a_rating_queued_offline_reaches_the_platform_once_after_the_restart(tmp_path, qapp,
                                                                              qtbot):
    overrides = {"kiosk": {"data_dir": str(tmp_path), "restart_after_sessions": 1},
                 "platform": {"url": "embedded"}, **NO_DEVICES}
    cfg = config.load(None, overrides)
    ctx = build_context(cfg, demo=True, bridge=DeviceBridge())
    shell = Shell(ctx, allow_quit=True)
    try:
        shell.resize(1080, 1920)
        shell.show()
        ctx.embedded_platform.stop()                            # the extranet is down
        sync = ctx.services.sync
        sync.heartbeat.beat()                                   # and the kiosk has noticed
        qtbot.waitUntil(lambda: sync.status().online is False, timeout=10000)
        shell.go("evaluation")
        screen = shell.current()
        touch.find(screen, "满意", words_only=True).click()
        touch.find(screen, "提交评价").click()
        assert "网络恢复后将自动提交" in touch.shown(screen)      # kept on the kiosk
        assert sync.outbox.stats().depth == 1
        touch.find(screen, "完成").click()
        assert shell.current().name == "home"
        assert exec_until_exit(qapp, shell._on_idle) == EXIT_RESTART
    finally:
        shell.close()
        ctx.shutdown()                 # what run_app does when the event loop returns

    # the service manager starts the kiosk again on the same data directory
    again = build_context(cfg, demo=True, bridge=DeviceBridge())
    try:
        sync = again.services.sync
        assert sync.flush(30).error is None
        assert sync.outbox.stats().depth == 0
        received = again.embedded_platform.admin.received(kind="evaluation")
        assert received["count"] == 1 and received["redeliveries"] == 0, received
    finally:
        again.shutdown()
