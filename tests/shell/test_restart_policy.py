"""The safety-net restart's policy without Qt: when a restart is due, and that it waits for a
moment with nobody there."""
from __future__ import annotations

import pytest

from kiosk import config
from kiosk.config import ConfigError
from kiosk.restart_policy import EXIT_RESTART, SESSIONS, UPTIME, RestartPolicy, RestartSettings


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def policy(hours: float = 0.0, sessions: int = 0) -> tuple[RestartPolicy, Clock]:
    clock = Clock()
    return RestartPolicy(RestartSettings(hours, sessions), clock), clock


def run_sessions(p: RestartPolicy, n: int) -> None:
    for _ in range(n):
        p.session_started()
        p.session_ended()


def test_due_after_the_configured_number_of_sessions():
    p, _clock = policy(sessions=3)
    run_sessions(p, 2)
    assert p.due() is None and p.restart_now(at_rest=True) is None
    run_sessions(p, 1)
    assert p.sessions == 3
    assert p.due() == SESSIONS and p.restart_now(at_rest=True) == SESSIONS


def test_due_after_the_configured_uptime():
    p, clock = policy(hours=24)
    clock.now += 24 * 3600 - 1
    assert p.restart_now(at_rest=True) is None
    clock.now += 1
    assert p.restart_now(at_rest=True) == UPTIME


def test_a_session_counts_once_however_often_the_shell_reports_it():
    p, _clock = policy(sessions=2)
    p.session_started()
    p.session_started()            # screen after screen of one visit
    p.session_ended()
    p.session_ended()              # home again, and the idle wipe after it
    assert p.sessions == 1 and p.due() is None


def test_never_in_front_of_a_citizen_nor_during_a_job():
    p, clock = policy(hours=1, sessions=1)
    run_sessions(p, 5)
    clock.now += 7200
    assert p.due() == SESSIONS
    assert p.restart_now(at_rest=False) is None            # someone is at the kiosk
    assert p.restart_now(at_rest=True, busy=True) is None  # a print still running
    p.session_started()                                    # a citizen has just left home
    assert p.restart_now(at_rest=True) is None
    p.session_ended()
    assert p.restart_now(at_rest=True) == SESSIONS


def test_zero_turns_each_limit_off():
    p, clock = policy(hours=0, sessions=0)
    run_sessions(p, 100000)
    clock.now += 10 ** 7
    assert not p.settings.enabled and p.restart_now(at_rest=True) is None


def test_settings_come_from_the_kiosk_section_and_are_validated(tmp_path):
    cfg = config.load(None, {"kiosk": {"restart_after_hours": 12, "restart_after_sessions": 300}})
    assert RestartSettings.from_config(cfg.kiosk) == RestartSettings(12.0, 300)
    shipped = config.defaults()
    assert RestartSettings.from_config(shipped.kiosk).enabled        # on unless turned off
    bad = tmp_path / "bad.toml"
    bad.write_text("[kiosk]\nrestart_after_hours = -1\nrestart_after_sessions = 1.5\n")
    with pytest.raises(ConfigError) as caught:
        config.load(bad)
    text = str(caught.value)
    assert "[kiosk] restart_after_hours = -1" in text and "from 0 to 8760" in text
    assert "[kiosk] restart_after_sessions = 1.5" in text and "an integer" in text


def test_the_exit_code_is_the_one_the_service_manager_restarts_on():
    from screens.staff import EXIT_RESTART as STAFF_RESTART
    assert EXIT_RESTART == STAFF_RESTART == 75
