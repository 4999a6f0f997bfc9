"""10,000 records queued through a simulated three-day outage, then delivered: counts match exactly."""
from __future__ import annotations

import time

from sync.crypto import PayloadCipher, load_or_create_key
from sync.delivery import DeliveryWorker, RetryPolicy
from sync.outbox import Outbox

KINDS = ("submission", "evaluation", "print-audit", "telemetry")


class SteppedClock:
    """Wall time that a test moves forward: three days pass in a few seconds."""

    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def test_ten_thousand_records_survive_a_three_day_outage(live_platform, credential, tmp_path,
                                                          client_for, admin_of, alerts):
    clock = SteppedClock()
    outbox = Outbox(tmp_path / "outage.sqlite3",
                    PayloadCipher(load_or_create_key(tmp_path / "outage.key")),
                    max_attempts=5, alert=alerts, clock=clock)
    worker = DeliveryWorker(outbox, client_for(live_platform.url, credential),
                            batch_size=50, policy=RetryPolicy(2.0, 600.0),
                            ordered_kinds=["submission"], alert=alerts, clock=clock)
    live_platform.stop()
    total, tries = 10_000, 0
    expected = {kind: 0 for kind in KINDS}
    for i in range(total):
        kind = KINDS[i % len(KINDS)]
        outbox.enqueue(kind, {"n": i, "kind_n": expected[kind]})
        expected[kind] += 1
        clock.advance(3 * 86400 / total)
        if i % 50 == 0:
            tries += worker.drain().error is not None
    stats = outbox.stats()
    assert (stats.depth, stats.dead) == (total, 0)
    assert stats.oldest_age_s > 2.9 * 86400
    assert tries > 50                                # the worker kept trying all along
    assert max(r.attempts for r in outbox.list(limit=total)) == 0   # an outage costs no attempts
    assert worker.status().online is False

    live_platform.start()
    result = worker.flush(timeout=120)
    assert (result.sent, result.remaining, result.dead, result.error) == (total, 0, 0, None)
    got = admin_of(live_platform.url).received()
    assert (got["count"], got["deliveries"]) == (total, total)
    assert got["by_kind"] == expected
    ordered = admin_of(live_platform.url).received(kind="submission", include="records")
    assert [r["payload"]["kind_n"] for r in ordered["records"]] == list(range(expected["submission"]))
    assert "outbox_dead_letter" not in alerts.codes()
    outbox.close()
