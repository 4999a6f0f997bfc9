"""The system clock jumping an hour forward, then back (an RTC battery, a wrong NTP answer, staff
setting the time). The clock is injected where sync reads it (the outbox, the delivery worker, the
clock-skew check on every platform answer), the parts are the product's own on the reference
platform, and a citizen rates through the rating flow while the clock is wrong."""
from __future__ import annotations

import collections
import time

from local_modules import local_module

stands = local_module(__file__, "stands")
HOUR = 3600.0


class JumpingClock:
    """Wall time that a test steps like a system clock being set: time goes on from there."""

    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.time() + self.offset

    def set_offset(self, seconds: float) -> None:
        self.offset = seconds


def build_kiosk(tmp_path, platform, clock):
    """The sync area (kiosk.wiring.sync.SyncArea) from its product parts, every one on `clock`."""
    from kiosk.platform_settings import client_settings
    from kiosk.wiring.sync import SyncArea
    from sync.client import PlatformClient
    from sync.clock import ClockSkew
    from sync.credential import provision
    from sync.crypto import PayloadCipher, load_or_create_key
    from sync.delivery import DeliveryWorker, RetryPolicy
    from sync.heartbeat import ErrorLog, Heartbeat, KioskState
    from sync.outbox import Outbox
    cfg = stands.kiosk_config(tmp_path / "kiosk", platform)
    alerts = stands.Alerts()
    errors = ErrorLog()

    def alert(code, message, details):
        alerts(code, message, details)
        errors(code, message, details)
    skew = ClockSkew(alert=alert, clock=clock)
    client = PlatformClient(client_settings(cfg, platform.url),
                            response_hooks=(skew.response_hook,))
    credential = provision(client, platform.url, cfg.kiosk.id,
                           platform.server.demo_enrollment_token,
                           cfg.data_path(cfg.sync.credential_file))
    client.use_credential(credential)
    outbox = Outbox(cfg.data_path("outbox.sqlite3"),
                    PayloadCipher(load_or_create_key(cfg.data_path("outbox.key"))),
                    alert=alert, clock=clock)
    worker = DeliveryWorker(outbox, client, policy=RetryPolicy(0.05, 1.0), alert=alert,
                            clock=clock)
    state = KioskState(kiosk_id=credential.kiosk_id, app_version="test", started_at=clock(),
                       data_dir=cfg.data_path(), outbox_stats=outbox.stats,
                       last_errors=errors.recent)
    heartbeat = Heartbeat(client, state, None, interval_s=1, on_contact=worker.note_contact)
    area = SyncArea(outbox, worker, errors, skew, credential, heartbeat, None, state)
    return area, alerts, client


def rate(area) -> str:
    from kiosk.flows.evaluation import Evaluation
    rating = Evaluation("KIOSK-DEMO-0001")
    rating.choose("satisfied")
    recorded = rating.record(area)
    assert recorded.kept, recorded.outcome
    return recorded.outcome


def test_clock_jumps_an_hour_forward_and_back(row, tmp_path):
    r = row("system clock jumping an hour forward, then back, with the platform failing "
            "(HTTP 500) meanwhile")
    platform = stands.Platform(tmp_path / "platform.sqlite3", stands.TestPKI(tmp_path / "pki"))
    platform.admin.call("/api/v1/admin/settings", {"interval_s": 1})
    clock = JumpingClock()
    area, alerts, client = build_kiosk(tmp_path, platform, clock)
    sent = collections.Counter()

    def submit(n):
        area.enqueue("submission", {"n": n})
        sent[n] += 1

    def drained(what):
        return stands.wait_for(what, lambda: area.outbox.stats().depth == 0, timeout=10)
    try:
        area.start()
        for n in range(3):
            submit(n)
        drained("delivery before the jump")

        clock.set_offset(+HOUR)                                  # an hour forward
        for n in range(3, 6):
            submit(n)
        r.saw(f"rating {rate(area)} (an hour ahead)")
        drained("delivery with the clock an hour ahead")
        stands.wait_for("the clock-skew alert", lambda: "clock_skew" in alerts.codes())

        platform.admin.fault("status", status=500)               # records fail meanwhile
        for n in range(6, 9):
            submit(n)
        stands.wait_for("the failed records charged an attempt", lambda: any(
            rec.attempts for rec in area.outbox.list(state="pending")))
        clock.set_offset(0.0)                                     # and back an hour
        r.saw(f"rating {rate(area)} (clock set back)")
        platform.admin.fault("none")
        took = drained("delivery after the clock went back an hour (records retried while it "
                       "was ahead must not wait for the hour to come round again)")
        stands.wait_for("the clock-skew recovery", lambda: "clock_skew_recovered" in alerts.codes())
        r.alerted(f"raised: {', '.join(dict.fromkeys(alerts.codes()))}")
        r.came_back(f"yes, by itself: queue empty {took:.1f} s after the clock went back and "
                    "the platform answered again")
        got = collections.Counter(rec["payload"]["n"] for rec in platform.records()
                                  if rec["kind"] == "submission")
        ratings = sum(rec["kind"] == "evaluation" for rec in platform.records())
        lost = [n for n in sent if got[n] == 0] + ["rating"] * max(0, 2 - ratings)
        doubled = sum(c - 1 for c in got.values() if c > 1) + max(0, ratings - 2)
        r.records = f"{len(lost)} lost, {doubled} duplicated of {sum(sent.values()) + 2}"
        assert (lost, doubled) == ([], 0)
    finally:
        area.stop()
        client.close()
        platform.stop()
