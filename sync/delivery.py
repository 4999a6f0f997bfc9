"""The delivery worker: moves outbox records to the platform, in batches, at least once.

Exactly-once effect comes from the pair: the outbox keeps each record's idempotency key for its
whole life, and the platform applies a key once. A record is deleted only after the platform's
answer names it applied or duplicate, so a crash at any point means a resend, never a loss.

How failures are handled (one policy, here):
- platform unreachable (connection refused or reset, timeout, TLS failure, bad answer) or saying
  so (408, 429, 502, 503, 504): the kiosk is offline. The whole worker backs off (exponential with
  jitter, at least Retry-After); records are not charged an attempt, so an outage of days never
  dead-letters anything.
- 401/403: the kiosk credential is refused. Not the records' fault: alert staff and back off.
- other 5xx and 409: the platform was reached and failed these records. Each is charged an attempt
  and backs off; a record that failed before is retried alone; at max_attempts it goes dead.
- any other 4xx: a permanent refusal. A single record is dead-lettered at once (staff alert); a
  batch is split so that only the offending record dies.

Backoffs are wall-clock times (a record's next attempt must survive a restart), so the worker
watches the wall clock against the monotonic one: when the clock is set back by more than
CLOCK_JUMP_S, every pending backoff moves back with it, so a clock set back an hour does not leave
records waiting an hour after the platform is back. (A clock set forward only makes waiting
records due sooner: one early retry, no stall, so it is left alone.)

Staff hear of an outage twice, through the alert sink (the error log the heartbeat carries):
`platform_unavailable` when it starts (with the code) and `platform_available` when the platform
answers again (with how long it lasted), so the platform's monitoring learns of an outage the
kiosk could not report while it lasted.
"""
from __future__ import annotations

import email.utils
import logging
import random
import re
import sqlite3
import threading
import time
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Iterable

from sync import client as codes
from sync.client import PlatformClient, PlatformUnavailable, classify_status, error_text
from sync.crash_points import crash_point
from sync.outbox import Alert, Outbox, OutboxError, OutboxRecord

log = logging.getLogger(__name__)

RECORDS_PATH = "/api/v1/records"
# what the client's classification of an answer means for delivery (the policy above)
OFFLINE_CODES = codes.UNAVAILABLE_CODES - {codes.SERVER_ERROR}    # 408, 429, 502, 503, 504
CREDENTIAL_CODES = frozenset({codes.UNAUTHORIZED, codes.FORBIDDEN})   # 401, 403
CHARGED_CODES = frozenset({codes.SERVER_ERROR, codes.CONFLICT})   # other 5xx, 409
RETRY_AFTER_CAP_S = 24 * 3600.0
IDLE_POLL_S = 60.0
CLOCK_JUMP_S = 5.0       # a wall-clock step larger than this is a clock being set, not drift


class RetryPolicy:
    """Exponential backoff with 'equal jitter': half the step fixed, half random, so retries from
    a fleet spread out yet never come back immediately. Retry-After is a floor."""

    def __init__(self, base_s: float, max_s: float, rng: Callable[[], float] = random.random):
        self.base_s = base_s
        self.max_s = max_s
        self._rng = rng

    def delay(self, failures: int, retry_after: float | None = None) -> float:
        step = min(self.max_s, self.base_s * 2 ** max(0, failures - 1))
        wait = step / 2 + self._rng() * step / 2
        if retry_after is not None:
            wait = max(wait, min(retry_after, RETRY_AFTER_CAP_S))
        return wait


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Retry-After in seconds, from either delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


@dataclass(frozen=True)
class SyncStatus:
    """What the UI shows about the connection and the queue; immutable snapshots."""
    online: bool | None = None        # None until the first contact either way
    last_success: float | None = None  # epoch seconds of the last platform answer that worked
    last_attempt: float | None = None
    last_error: str | None = None     # a sync.client code, e.g. 'platform_unreachable'
    depth: int = 0                    # records waiting
    dead: int = 0                     # dead letters awaiting staff
    oldest_created: float | None = None   # epoch seconds of the oldest waiting record
    accepting: bool = True            # False: the outbox refuses new records (see problem)
    problem: str | None = None        # OutboxError code while not accepting
    retry_at: float | None = None     # when the worker tries again while offline

    @property
    def oldest_age_s(self) -> float | None:
        """Age of the oldest waiting record, now (a stored age would go stale on screen)."""
        return None if self.oldest_created is None else max(0.0, time.time() - self.oldest_created)


@dataclass
class FlushResult:
    sent: int = 0          # acknowledged (applied or duplicate)
    duplicates: int = 0    # of which the platform already had
    dead: int = 0          # dead-lettered during this flush
    failed: int = 0        # charged an attempt, still pending
    remaining: int = 0     # still pending after the flush
    error: str | None = None   # why the flush stopped early (offline code), else None


@dataclass
class _Outcome:
    acked: list[OutboxRecord] = field(default_factory=list)
    duplicates: int = 0
    dead: list[OutboxRecord] = field(default_factory=list)
    failed: list[OutboxRecord] = field(default_factory=list)
    offline: str | None = None
    retry_after: float | None = None


class DeliveryWorker:
    def __init__(self, outbox: Outbox, client: PlatformClient, *, batch_size: int = 50,
                 policy: RetryPolicy | None = None, ordered_kinds: Iterable[str] = (),
                 alert: Alert | None = None, clock: Callable[[], float] = time.time):
        self.outbox = outbox
        self.client = client
        self.batch_size = batch_size
        self.policy = policy or RetryPolicy(2.0, 600.0)
        self.ordered_kinds = tuple(ordered_kinds)
        self._alert = alert if alert is not None else (lambda code, message, details: None)
        self._clock = clock
        self._status = SyncStatus()
        self._status_lock = threading.Lock()
        self._listeners: list[Callable[[SyncStatus], None]] = []
        self._offline_failures = 0
        self._offline_until = 0.0
        self._outage_since: float | None = None     # when the current outage began (alerted)
        self._outage_lock = threading.Lock()
        self._wall_offset = clock() - time.monotonic()
        self._wake = threading.Event()
        self._flush_requested = False
        self._flush_done = threading.Condition()
        self._flush_generation = 0
        self._last_flush: FlushResult | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._drain_lock = threading.Lock()
        outbox.on_enqueue(self.wake)
        self._refresh_counts()

    # -- status ---------------------------------------------------------------------------------

    def status(self) -> SyncStatus:
        with self._status_lock:
            return self._status

    def on_status(self, listener: Callable[[SyncStatus], None]) -> None:
        """listener(status) is called from the worker thread whenever the status changes."""
        self._listeners.append(listener)

    def _update(self, **changes: Any) -> None:
        with self._status_lock:
            new = replace(self._status, **changes)
            changed = new != self._status
            self._status = new
        if changed:
            for listener in self._listeners:
                try:
                    listener(new)
                except Exception:
                    log.exception("sync status listener failed")

    def _refresh_counts(self) -> None:
        try:
            stats = self.outbox.stats()
        except OutboxError as exc:
            self._update(accepting=False, problem=exc.code)
            return
        except sqlite3.Error as exc:      # a damaged database must not stop the reporting
            self._update(accepting=False, problem=self.outbox.report_failure(exc))
            return
        self._update(depth=stats.depth, dead=stats.dead, oldest_created=stats.oldest_created,
                     accepting=stats.accepting, problem=stats.problem)

    def note_contact(self, ok: bool, error: str | None = None) -> None:
        """Another sync part (the heartbeat) reached the platform or failed to.

        A heartbeat that gets through while deliveries are backing off means the connection is
        back: deliver now instead of waiting out the backoff."""
        if ok:
            was_offline = self._status.online is False
            self._update(online=True, last_success=self._clock(), last_error=None, retry_at=None)
            self._outage_over()
            if was_offline:
                self._offline_failures = 0
                self._offline_until = 0.0
                self.wake()
        else:
            self._update(online=False, last_error=error)
            self._outage_began(error)

    def _outage_began(self, code: str | None) -> None:
        """Alert staff once per outage (the credential refusal has its own alert)."""
        if code in CREDENTIAL_CODES:
            return
        with self._outage_lock:
            if self._outage_since is not None:
                return
            self._outage_since = time.monotonic()
        self._alert("platform_unavailable", f"the platform cannot be reached ({code}); records "
                    "are kept in the outbox", {"code": code})

    def _outage_over(self) -> None:
        with self._outage_lock:
            since, self._outage_since = self._outage_since, None
        if since is not None:
            lasted = time.monotonic() - since
            self._alert("platform_available", f"the platform answers again after {lasted:.0f} s",
                        {"outage_s": round(lasted, 1)})

    # -- one batch ------------------------------------------------------------------------------

    def _send(self, batch: list[OutboxRecord]) -> _Outcome:
        body = {"records": [{"key": r.key, "kind": r.kind, "created": r.created,
                             "payload": r.payload} for r in batch]}
        crash_point("send_started")
        try:
            response = self.client.send("POST", RECORDS_PATH, json=body)
        except PlatformUnavailable as exc:
            return _Outcome(offline=exc.code)
        finally:
            crash_point("send_finished")
        status = response.status_code
        code = classify_status(status)
        retry_after = parse_retry_after(response.headers.get("Retry-After"), self._clock())
        if code in OFFLINE_CODES:
            return _Outcome(offline=code, retry_after=retry_after)
        if code in CREDENTIAL_CODES:
            if self._status.last_error not in CREDENTIAL_CODES:   # once, not at every retry
                self._alert("sync_credential_rejected",
                            f"the platform refused this kiosk's credential (HTTP {status}); "
                            "run `kiosk provision` again", {"status": status})
            return _Outcome(offline=code, retry_after=retry_after)
        if code is not None and code not in CHARGED_CODES:
            if len(batch) > 1:
                # find the culprit: every record of the batch retries alone, right away
                self.outbox.retry_later(batch, f"batch refused: HTTP {status}", lambda n: 0.0)
                return _Outcome(failed=batch)
            self.outbox.dead_letter(batch, f"refused by the platform: HTTP {status} "
                                    f"{safe_reason(error_text(response))}")
            return _Outcome(dead=batch)
        if status != 200:
            code = code or codes.BAD_RESPONSE     # e.g. a 204 or a redirect: not an answer
            self._charge(batch, f"HTTP {status}", retry_after)
            return _Outcome(failed=batch, offline=code, retry_after=retry_after)
        try:
            results = response.json()["results"]
            by_key = {item["key"]: item for item in results}
        except (ValueError, KeyError, TypeError):
            return _Outcome(offline=codes.BAD_RESPONSE)
        crash_point("after_response")
        outcome = _Outcome()
        retry: list[OutboxRecord] = []
        for record in batch:
            item = by_key.get(record.key)
            state = item.get("status") if isinstance(item, dict) else None
            if state in ("applied", "duplicate"):
                outcome.acked.append(record)
                outcome.duplicates += state == "duplicate"
            elif state == "rejected":
                self.outbox.dead_letter([record], "rejected by the platform: "
                                        f"{item.get('code', '')} {safe_reason(item.get('error'))}")
                outcome.dead.append(record)
            else:
                retry.append(record)
        self.outbox.ack(outcome.acked)
        crash_point("after_delete")
        if retry:
            self._charge(retry, "not confirmed in the platform's answer", None)
            outcome.failed = retry
        return outcome

    def _charge(self, records: list[OutboxRecord], error: str, retry_after: float | None) -> None:
        self.outbox.retry_later(records, error, lambda n: self.policy.delay(n, retry_after))

    # -- draining -------------------------------------------------------------------------------

    def drain(self, ignore_backoff: bool = False, deadline: float | None = None) -> FlushResult:
        """Send everything due now, batch after batch, until the queue is empty or the platform
        is unreachable. Runs in the caller's thread (the worker thread, or a CLI flush)."""
        with self._drain_lock:
            return self._drain(ignore_backoff, deadline)

    def _follow_clock(self) -> None:
        """Move the backoffs back with a wall clock set back (see the module docstring)."""
        offset = self._clock() - time.monotonic()
        jump, self._wall_offset = offset - self._wall_offset, offset
        if jump > -CLOCK_JUMP_S:
            return
        log.warning("the wall clock was set back %.0f s; moving the retry schedule with it", -jump)
        if self._offline_until:
            self._offline_until += jump
        self.outbox.shift_schedule(jump)

    def _drain(self, ignore_backoff: bool, deadline: float | None) -> FlushResult:
        result = FlushResult()
        try:
            self._follow_clock()
        except (OutboxError, sqlite3.Error) as exc:
            log.warning("could not move the retry schedule: %s", exc)
        if ignore_backoff:
            self.outbox.make_due_now()
        elif self._clock() < self._offline_until:
            result.error = self._status.last_error or "offline"
            return self._finish(result)
        while not self._stop.is_set() and (deadline is None or self._clock() < deadline):
            try:
                batch = self.outbox.due(self.batch_size, self.ordered_kinds)
                if not batch:
                    break
                self._update(last_attempt=self._clock())
                outcome = self._send(batch)
            except OutboxError as exc:
                result.error = exc.code
                break
            except sqlite3.Error as exc:
                result.error = self.outbox.report_failure(exc)
                break
            result.sent += len(outcome.acked)
            result.duplicates += outcome.duplicates
            result.dead += len(outcome.dead)
            result.failed += len(outcome.failed)
            if outcome.offline:
                self._offline_failures += 1
                wait = self.policy.delay(self._offline_failures, outcome.retry_after)
                self._offline_until = self._clock() + wait
                result.error = outcome.offline
                self._update(online=False, last_error=outcome.offline,
                             retry_at=self._offline_until)
                self._outage_began(outcome.offline)
                log.info("platform unavailable (%s); retrying in %.1f s", outcome.offline, wait)
                break
            self._offline_failures = 0
            self._offline_until = 0.0
            self._update(online=True, last_success=self._clock(), last_error=None, retry_at=None)
            self._outage_over()
        return self._finish(result)

    def _finish(self, result: FlushResult) -> FlushResult:
        self._refresh_counts()
        result.remaining = self._status.depth
        return result

    # -- the background thread --------------------------------------------------------------------

    def wake(self) -> None:
        self._wake.set()

    def start(self) -> "DeliveryWorker":
        self._thread = threading.Thread(target=self._run, name="sync-delivery", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def flush(self, timeout: float = 60.0) -> FlushResult:
        """Try everything now, ignoring backoffs (staff or remote 'flush outbox'); waits for the
        result. Without a running worker thread the flush runs in the caller's thread."""
        if self._thread is None or not self._thread.is_alive():
            return self.drain(ignore_backoff=True, deadline=self._clock() + timeout)
        with self._flush_done:
            target = self._flush_generation + 1
            self._flush_requested = True
            self._wake.set()
            if not self._flush_done.wait_for(lambda: self._flush_generation >= target, timeout):
                return FlushResult(remaining=self._status.depth, error="flush_timeout")
            return self._last_flush or FlushResult()

    def _run(self) -> None:
        while not self._stop.is_set():
            with self._flush_done:
                flushing, self._flush_requested = self._flush_requested, False
            try:
                result = self.drain(ignore_backoff=flushing)
            except Exception as exc:   # keep the worker alive; the next cycle retries
                log.exception("delivery cycle failed")
                result = FlushResult(error=type(exc).__name__)
                self._update(last_error="internal_error")
            if flushing:
                with self._flush_done:
                    self._last_flush = result
                    self._flush_generation += 1
                    self._flush_done.notify_all()
            self._wake.wait(self._sleep_time())
            self._wake.clear()

    def _sleep_time(self) -> float:
        now = self._clock()
        if now < self._offline_until:
            return max(0.01, self._offline_until - now)
        try:
            next_due = self.outbox.next_due_time()
        except Exception:
            return IDLE_POLL_S
        if next_due is None:
            return IDLE_POLL_S
        return min(IDLE_POLL_S, max(0.01, next_due - now))


_LONG_NUMBER = re.compile(r"\d{6,}[\dXx]*")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")


def safe_reason(text: object, limit: int = 120) -> str:
    """A platform's error text as it may be kept beside a record (unencrypted) and shown to
    staff: a platform that echoes a field must not leak an ID number or a name into it."""
    if text is None:
        return ""
    cleaned = _HAN.sub("…", _LONG_NUMBER.sub("#", str(text)))
    return cleaned[:limit]
