"""Delivery to the real reference platform on loopback, through every failure the issue names:
platform down, HTTP 500, slow past the timeout, reset mid-response, TLS failure. Nothing is lost,
nothing is applied twice."""
from __future__ import annotations

import time

import pytest

from sync.delivery import RetryPolicy, parse_retry_after
from waiting import wait_until


@pytest.fixture
def setup(live_platform, credential, make_outbox, make_worker, client_for, admin_of):
    class Setup:
        platform = live_platform
        admin = admin_of(live_platform.url)
        outbox = make_outbox()

        def worker(self, url=None, timeout=(1.0, 3.0), **kw):
            client = client_for(url or live_platform.url, credential, timeout=timeout)
            return make_worker(self.outbox, client, **kw)

        def fill(self, n, kind="evaluation"):
            return [self.outbox.enqueue(kind, {"n": i, "level": "满意"}).key for i in range(n)]

        def assert_exactly_once(self, keys):
            got = self.admin.received(include="records")
            assert sorted(r["key"] for r in got["records"]) == sorted(keys)
            assert got["count"] == len(keys)
            assert self.outbox.stats().depth == 0
            return got
    return Setup()


def test_batches_deliver_everything_once(setup):
    keys = setup.fill(120)
    worker = setup.worker(batch_size=50)
    result = worker.flush()
    assert (result.sent, result.remaining, result.error) == (120, 0, None)
    got = setup.assert_exactly_once(keys)
    assert got["redeliveries"] == 0
    status = worker.status()
    assert status.online is True and status.depth == 0 and status.last_success is not None


def test_platform_down_keeps_everything_then_delivers(setup):
    keys = setup.fill(30)
    setup.platform.stop()
    worker = setup.worker()
    result = worker.drain()
    assert result.error == "platform_unreachable" and result.sent == 0
    status = worker.status()
    assert status.online is False and status.last_error == "platform_unreachable"
    assert status.depth == 30 and status.retry_at > time.time()
    assert [r.attempts for r in setup.outbox.list()] == [0] * 30   # outages cost no attempts
    setup.platform.start()
    assert worker.flush().sent == 30
    setup.assert_exactly_once(keys)
    assert worker.status().online is True


def test_http_500_charges_attempts_and_retries(setup, alerts):
    keys = setup.fill(10)
    setup.admin.fault("status", status=500, times=2)
    worker = setup.worker(batch_size=10)
    assert worker.drain().error == "platform_server_error"
    assert {r.attempts for r in setup.outbox.list()} == {1}
    result = worker.flush()     # retries travel alone: the first meets the second 500
    assert (result.error, result.failed, result.remaining) == ("platform_server_error", 1, 10)
    result = worker.flush()
    assert (result.sent, result.remaining, result.dead) == (10, 0, 0)
    assert max(r["deliveries"] for r in setup.admin.received(include="records")["records"]) == 1
    setup.assert_exactly_once(keys)
    assert "outbox_dead_letter" not in alerts.codes()


def test_retry_after_is_honoured(setup):
    setup.fill(3)
    setup.admin.fault("status", status=503, retry_after=30, times=1)
    worker = setup.worker()
    before = time.time()
    assert worker.drain().error == "platform_busy"
    assert worker.status().retry_at >= before + 30
    assert worker.drain().error == "platform_busy"     # still backing off: no request made
    assert setup.admin.received()["count"] == 0
    assert worker.flush().sent == 3              # staff flush overrides the backoff


def test_slow_platform_past_timeout_then_duplicates_are_absorbed(setup):
    keys = setup.fill(5)
    setup.admin.fault("slow", delay_s=2.0, times=1)
    worker = setup.worker(timeout=(1.0, 0.5), batch_size=5)
    assert worker.drain().error == "platform_timeout"
    assert setup.outbox.stats().depth == 5       # applied on the platform, but not confirmed
    wait_until(lambda: setup.admin.received()["count"] == 5,
               "the platform applies the batch after its delay", timeout=5)
    result = worker.flush()
    assert (result.sent, result.duplicates) == (5, 5)
    got = setup.assert_exactly_once(keys)
    assert got["redeliveries"] == 5


def test_connection_reset_mid_response(setup, fault_proxy):
    keys = setup.fill(8)
    fault_proxy.mode = "reset_response"
    worker = setup.worker(url=fault_proxy.url, batch_size=8)
    assert worker.drain().error == "platform_connection_reset"
    assert fault_proxy.resets == 1
    assert setup.admin.received()["count"] == 8   # the platform applied the batch
    assert setup.outbox.stats().depth == 8        # the kiosk never saw the answer: keeps all
    fault_proxy.mode = "pass"
    assert worker.flush().duplicates == 8
    setup.assert_exactly_once(keys)


def test_permanent_rejection_goes_to_dead_letters_with_alert(setup, alerts):
    good = setup.fill(4, kind="evaluation")
    bad = setup.fill(2, kind="print-audit")
    setup.admin.fault("reject_kind", kind="print-audit")
    worker = setup.worker()
    result = worker.flush()
    assert (result.sent, result.dead) == (4, 2)
    assert {r.key for r in setup.outbox.list(state="dead")} == set(bad)
    assert "outbox_dead_letter" in alerts.codes()
    assert worker.status().dead == 2
    setup.admin.fault("none")
    assert setup.outbox.retry_dead() == 2
    assert worker.flush().sent == 2
    setup.assert_exactly_once(good + bad)


def test_a_refused_batch_is_split_to_find_the_culprit(setup):
    keys = setup.fill(6)
    setup.admin.fault("status", status=422, times=2)   # the batch, then the first record alone
    worker = setup.worker(batch_size=6)
    result = worker.flush()
    assert (result.sent, result.dead) == (5, 1)
    [dead] = setup.outbox.list(state="dead")
    assert dead.key == keys[0] and "422" in dead.last_error


def test_too_many_failures_dead_letter(setup, alerts):
    setup.fill(1)
    setup.outbox.max_attempts = 3
    setup.admin.fault("status", status=500)
    worker = setup.worker()
    for _ in range(3):
        worker.flush()
    stats = setup.outbox.stats()
    assert (stats.depth, stats.dead) == (0, 1)
    assert "outbox_dead_letter" in alerts.codes()


def test_rejected_credential_alerts_and_keeps_records(setup, enroll, tmp_path, alerts):
    setup.fill(3)
    # provisioning again replaces the credential: the worker's old one is now refused
    enroll(setup.platform.url, tmp_path / "other.json")
    worker = setup.worker()
    assert worker.drain().error == "platform_unauthorized"
    assert "sync_credential_rejected" in alerts.codes()
    assert setup.outbox.stats().depth == 3 and setup.outbox.stats().dead == 0


def test_worker_thread_keeps_the_caller_responsive(setup):
    """Enqueueing and reading the status while the worker is stuck in a slow request: both
    return before the platform has even applied the first record."""
    setup.admin.fault("slow", delay_s=1.5, times=1, before_apply=True)
    worker = setup.worker(timeout=(1.0, 5.0)).start()
    [first] = setup.fill(1)
    wait_until(lambda: worker.status().last_attempt is not None,
               "the worker starts sending the first record")
    [second] = setup.fill(1)
    status = worker.status()
    assert setup.admin.received()["count"] == 0, "the caller waited for the worker's request"
    assert setup.outbox.stats().depth == 2 and status.online is None
    wait_until(lambda: setup.admin.received()["count"] == 2, "both records are delivered")
    wait_until(lambda: setup.outbox.stats().depth == 0, "the outbox empties")
    setup.assert_exactly_once([first, second])


def test_backoff_grows_with_jitter_and_respects_retry_after():
    low = RetryPolicy(1.0, 60.0, rng=lambda: 0.0)
    high = RetryPolicy(1.0, 60.0, rng=lambda: 1.0)
    assert [low.delay(n) for n in (1, 2, 3, 10)] == [0.5, 1.0, 2.0, 30.0]
    assert [high.delay(n) for n in (1, 2, 3, 10)] == [1.0, 2.0, 4.0, 60.0]
    assert low.delay(1, retry_after=90) == 90
    assert parse_retry_after("120") == 120
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412400) == 80
    assert parse_retry_after("soon") is None


def test_disk_full_while_delivering_keeps_everything(tiny_fs, live_platform, credential,
                                                     client_for, admin_of, make_worker, alerts):
    """A real 2 MiB filesystem fills up: the outbox refuses new records, the local delete after
    the platform's answer fails too, and still every accepted record arrives exactly once."""
    import os
    import uuid
    from sync.crypto import PayloadCipher
    from sync.outbox import Outbox, OutboxError
    box = Outbox(tiny_fs / "o.db", PayloadCipher(os.urandom(32)), alert=alerts, min_free_bytes=0)
    filler = tiny_fs / "other-files"
    filler.write_bytes(b"x" * 1_000_000)
    receipts = []
    with pytest.raises(OutboxError) as exc:
        for _ in range(5000):
            receipts.append(box.enqueue("evaluation", {"pad": uuid.uuid4().hex * 20}))
    assert exc.value.code == "disk_full" and len(receipts) > 20
    worker = make_worker(box, client_for(live_platform.url, credential), batch_size=10)
    result = worker.drain()
    assert result.error == "disk_full" and result.sent == 0
    status = worker.status()
    assert (status.accepting, status.problem, status.depth) == (False, "disk_full", len(receipts))
    assert admin_of(live_platform.url).received()["count"] == 10   # applied, not yet deleted here
    filler.unlink()                                                  # staff free some space
    result = worker.flush()
    assert (result.sent, result.duplicates, result.remaining) == (len(receipts), 10, 0)
    got = admin_of(live_platform.url).received(include="records")
    assert sorted(r["key"] for r in got["records"]) == sorted(r.key for r in receipts)
    assert worker.status().accepting is True
    assert "outbox_recovered" in alerts.codes()
    box.close()


def test_platform_error_text_is_kept_without_personal_data():
    from sync.delivery import safe_reason
    echoed = "id_number 99010119900101123X invalid for 测试甲乙丙 (field 7)"
    assert safe_reason(echoed) == "id_number # invalid for … (field 7)"
    assert safe_reason(None) == "" and len(safe_reason("x" * 500)) == 120


def test_a_record_missing_from_the_answer_is_kept_and_sent_again(setup):
    """The platform answers 200 but leaves one record out: that record is not acknowledged, not
    deleted, charged one attempt, and delivered on the next flush (never silently lost)."""
    keys = setup.fill(5)
    setup.admin.fault("drop_result", times=1)            # the batch's last record is left out
    worker = setup.worker(batch_size=5)
    result = worker.flush()
    assert (result.sent, result.failed, result.remaining) == (4, 1, 1)
    [kept] = setup.outbox.list()
    assert kept.key == keys[-1] and kept.attempts == 1
    assert kept.last_error == "not confirmed in the platform's answer"
    assert setup.admin.received()["count"] == 4
    assert worker.flush().sent == 1
    setup.assert_exactly_once(keys)


def test_a_record_of_one_kind_missing_from_a_mixed_batch(setup):
    good = setup.fill(3)
    [audit] = setup.fill(1, kind="print-audit")
    setup.admin.fault("drop_result", kind="print-audit", times=1)
    worker = setup.worker(batch_size=10)
    assert worker.flush().sent == 3
    assert [r.key for r in setup.outbox.list()] == [audit]
    assert worker.flush().sent == 1
    setup.assert_exactly_once(good + [audit])
