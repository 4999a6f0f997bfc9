"""Clock skew against the platform's Date header, and the wiring that makes remote commands judge
expiry on the skew-corrected platform clock (not the kiosk's own, which may be hours off)."""
from __future__ import annotations

import email.utils
import time

import pytest

from kiosk import config
from kiosk.wiring.platform import PlatformLink
from kiosk.wiring.sync import build_area
from sync.clock import DEFAULT_THRESHOLD_S, ClockSkew


def _date(epoch: float) -> str:
    return email.utils.formatdate(epoch, usegmt=True)


def test_skew_is_the_platform_minus_the_midpoint_of_the_request():
    skew = ClockSkew(clock=lambda: 1_000_000.0)
    assert skew.skew_s is None and not skew.skewed and skew.platform_now() == 1_000_000.0
    got = skew.observe(_date(1_000_300), sent_at=999_998.0, received_at=1_000_002.0)
    assert got == pytest.approx(300.5) and skew.skew_s == got
    assert skew.platform_now() == pytest.approx(1_000_300.5)
    assert skew.skewed                                  # 300 s > the 120 s threshold
    assert DEFAULT_THRESHOLD_S == 120.0


@pytest.mark.parametrize("header", [None, "", "not a date"])
def test_an_unreadable_date_changes_nothing(header):
    skew = ClockSkew()
    skew.observe(_date(time.time() + 500), time.time(), time.time())
    before = skew.skew_s
    assert skew.observe(header, 0.0, 0.0) is None and skew.skew_s == before


def test_alerts_once_when_the_skew_crosses_the_threshold_and_once_when_it_recovers():
    alerts = []
    skew = ClockSkew(threshold_s=60, alert=lambda code, message, details: alerts.append(code))
    now = 2_000_000.0
    skew.observe(_date(now + 30), now, now)             # inside the threshold: no alert
    assert alerts == [] and not skew.skewed
    skew.observe(_date(now + 61), now, now)
    skew.observe(_date(now + 600), now, now)
    assert alerts == ["clock_skew"]
    skew.observe(_date(now - 600), now, now)            # the other way: still skewed, no repeat
    assert alerts == ["clock_skew"] and skew.skewed
    skew.observe(_date(now), now, now)
    assert alerts == ["clock_skew", "clock_skew_recovered"] and not skew.skewed


def test_the_response_hook_reads_date_and_elapsed():
    from datetime import timedelta

    class Response:
        headers = {"Date": _date(5_000_100)}
        elapsed = timedelta(seconds=2)

    skew = ClockSkew(clock=lambda: 5_000_002.0)
    response = Response()
    assert skew.response_hook(response) is response
    assert skew.skew_s == pytest.approx(5_000_100.5 - 5_000_001.0)


def test_the_wired_commands_judge_expiry_on_the_platform_clock(live_platform, credential,
                                                                client_for, admin_of, tmp_path,
                                                                monkeypatch):
    """The platform's clock runs 100 s ahead of the kiosk's (inside the trust threshold). A
    command that had expired by the platform's clock when it was issued (ttl -30 s) is still
    valid by the kiosk's raw clock: the wired commands must refuse it, judged on the time the
    platform signed in the heartbeat answer."""
    from types import SimpleNamespace

    from reference_platform import routes_sync
    monkeypatch.setattr(routes_sync, "time", SimpleNamespace(time=lambda: time.time() + 100,
                                                             sleep=time.sleep))
    cfg = config.Config(config.validate({"kiosk": {"data_dir": str(tmp_path / "data")}}), None)
    link = PlatformLink(live_platform.url, client_for(live_platform.url, credential), ClockSkew(),
                        credential)
    area = build_area(cfg, link)
    ran = []
    area.commands.register("screenshot", lambda args: ran.append(args) or {"file": "x.png"})
    command = admin_of(live_platform.url).command("screenshot", kiosk_id=credential.kiosk_id,
                                                  ttl_s=-30)
    assert command["expires_at"] > time.time()          # valid by the kiosk's own clock
    try:
        assert area.heartbeat.beat().ok                 # brings the signed platform time
        acks = area.commands.handle([command["envelope"]])
    finally:
        area.stop()
    assert ran == [] and acks == [{"id": command["id"], "ok": False,
                                   "result": {"error": "expired"}}]
