"""The outbox against a model, driven by hypothesis: whatever mix of enqueues, deliveries,
failures, rejections, staff retries and restarts happens, no accepted record disappears except
by ack, and each keeps its key and payload."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from sync.crypto import PayloadCipher
from sync.outbox import Outbox

KINDS = st.sampled_from(["submission", "evaluation", "telemetry"])


class OutboxModel(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.dir = tempfile.TemporaryDirectory()
        self.key = os.urandom(32)
        self.box = self._open()
        self.pending: dict[str, dict] = {}    # key -> payload, what must still be there
        self.dead: set[str] = set()
        self.acked: set[str] = set()
        self.n = 0

    def _open(self) -> Outbox:
        return Outbox(Path(self.dir.name) / "o.db", PayloadCipher(self.key), max_attempts=3)

    @rule(kind=KINDS)
    def enqueue(self, kind):
        self.n += 1
        payload = {"n": self.n, "kind": kind}
        receipt = self.box.enqueue(kind, payload)
        assert receipt.key not in self.pending and receipt.key not in self.acked
        self.pending[receipt.key] = payload

    @precondition(lambda self: self.pending)
    @rule(limit=st.integers(1, 5), ack_some=st.integers(0, 5))
    def deliver(self, limit, ack_some):
        self.box.make_due_now()
        batch = self.box.due(limit, ordered_kinds=["submission"])
        for record in batch:
            assert self.pending[record.key] == record.payload
        acked = batch[:ack_some]
        assert self.box.ack(acked) == len(acked)
        for record in acked:
            self.acked.add(record.key)
            del self.pending[record.key]

    @precondition(lambda self: self.pending)
    @rule(limit=st.integers(1, 5))
    def fail(self, limit):
        self.box.make_due_now()
        batch = self.box.due(limit)
        for key in self.box.retry_later(batch, "HTTP 500", lambda n: 0.0):
            self.dead.add(key)

    @precondition(lambda self: self.pending)
    @rule()
    def reject_one(self):
        self.box.make_due_now()
        batch = self.box.due(1)
        self.box.dead_letter(batch, "rejected")
        self.dead.update(r.key for r in batch)

    @rule()
    def staff_retries_dead(self):
        assert self.box.retry_dead() == len(self.dead)
        self.dead.clear()

    @rule()
    def restart(self):
        self.box.close()
        self.box = self._open()

    @invariant()
    def nothing_lost(self):
        listed = {r.key: r.state for r in self.box.list(limit=10_000)}
        assert set(listed) == set(self.pending)
        assert {k for k, state in listed.items() if state == "dead"} == self.dead
        stats = self.box.stats()
        assert (stats.depth, stats.dead) == (len(self.pending) - len(self.dead), len(self.dead))

    def teardown(self):
        self.box.close()
        self.dir.cleanup()


OutboxModel.TestCase.settings = settings(max_examples=30, stateful_step_count=25, deadline=None)
TestOutboxModel = OutboxModel.TestCase
