"""Rating follows a transaction (DB2203/T 8-2024 5.1.3): a finished flow offers the rating of its
item next, the rating flow takes the item code, and what the citizen is told is the flow's outcome."""
from __future__ import annotations

from dataclasses import dataclass

from kiosk.flows.evaluation import Evaluation, RatingOffer


@dataclass
class Stored:
    key: str


class FakeSync:
    def __init__(self, online=True, fail: Exception | None = None):
        self.online, self.fail, self.records = online, fail, []

    def enqueue(self, kind, payload):
        if self.fail is not None:
            raise self.fail
        self.records.append((kind, payload))
        return Stored(f"evaluation-{len(self.records):04d}-abcdef12")

    def status(self):
        @dataclass
        class Status:
            online: bool
        return Status(self.online)


class OutboxFull(Exception):
    code = "outbox_full"


def test_an_offer_names_the_item_and_where_skipping_leads():
    offer = RatingOffer("11990100010GG00247001", "户籍证明开具", then="back")
    assert offer.params() == {"item_code": "11990100010GG00247001", "subject": "户籍证明开具",
                              "then": "back", "offered": True}


def test_the_rating_of_an_offered_item_carries_its_code_and_nothing_personal():
    offer = RatingOffer("11990100010GG00247001", then="end_session")
    ev = Evaluation("KIOSK-1", offer.item_code)
    ev.choose("satisfied")
    sync = FakeSync()
    recorded = ev.record(sync)
    assert recorded.outcome == "recorded" and recorded.kept and recorded.reference == "ABCDEF12"
    [(kind, payload)] = sync.records
    assert kind == "evaluation" and payload["item_code"] == "11990100010GG00247001"
    assert not {"name", "id_number", "subject"} & set(payload)


def test_offline_the_rating_is_kept_for_later_and_says_so():
    ev = Evaluation("KIOSK-1", "XK001")
    ev.choose("very_satisfied")
    assert ev.record(FakeSync(online=False)).outcome == "queued"


def test_nothing_is_promised_when_it_cannot_be_kept():
    ev = Evaluation("KIOSK-1", "XK001")
    ev.choose("very_satisfied")
    assert ev.record(None).outcome == "no_outbox" and not ev.record(None).kept
    failed = ev.record(FakeSync(fail=OutboxFull("disk full")))
    assert failed.outcome == "outbox_full" and not failed.kept and failed.reference == ""
