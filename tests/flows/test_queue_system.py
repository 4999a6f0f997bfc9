"""The queue system's answers as the flows see them: one status policy for every call (what is
"cannot be reached", what is the queue system's own refusal, what is an unknown no), and no ticket
id or appointment code in what is logged."""
from __future__ import annotations

import pytest

from kiosk.flows.queue_system import QueueError, QueueSystem
from sync.client import PlatformClient, PlatformUnavailable


class Answer:
    def __init__(self, status, body):
        self.status_code, self.body = status, body

    def json(self):
        if isinstance(self.body, Exception):
            raise self.body
        return self.body


class Client:
    Error = PlatformClient.Error

    def __init__(self, answer):
        self.answer, self.sent = answer, []

    def send(self, method, path, **kwargs):
        self.sent.append((method, path, kwargs))
        if isinstance(self.answer, Exception):
            raise self.answer
        return self.answer


def code_of(answer, call=lambda q: q.issue("k" * 12, "B")) -> tuple[str, dict]:
    with pytest.raises(QueueError) as err:
        call(QueueSystem(Client(answer)))
    return err.value.code, err.value.extra


@pytest.mark.parametrize("answer,code", [
    (PlatformUnavailable("platform_timeout", "no answer"), "queue_unavailable"),
    (Answer(503, {"error": "queue_unavailable"}), "queue_unavailable"),
    (Answer(502, ValueError("not JSON")), "queue_unavailable"),
    (Answer(401, {"error": "unknown or revoked kiosk credential"}), "queue_unavailable"),
    (Answer(429, {"error": "busy"}), "queue_unavailable"),
    (Answer(409, {"error": "daily_limit_reached"}), "queue_daily_limit_reached"),
    (Answer(409, {"error": "id_required"}), "queue_id_required"),
    (Answer(403, {"error": "not_entitled"}), "queue_not_entitled"),
    (Answer(409, {"error": "request_key_reused"}), "queue_rejected"),
    (Answer(422, {"error": "category: bad"}), "queue_rejected"),
    (Answer(200, ["not", "an", "object"]), "queue_rejected"),
])
def test_one_status_policy_for_a_ticket(answer, code):
    assert code_of(answer)[0] == code


def test_a_check_in_refusal_keeps_what_it_named():
    code, extra = code_of(Answer(409, {"error": "too_early", "opens_at": "2026-06-02T12:30:00"}),
                          lambda q: q.check_in("Y000000000A1", "k" * 12))
    assert code == "checkin_too_early" and extra == {"opens_at": "2026-06-02T12:30:00"}
    assert code_of(Answer(404, {"error": "no such appointment"}),
                   lambda q: q.appointment("Y000000000A1"))[0] == "appointment_not_found"
    assert code_of(Answer(409, {"error": "slot_full"}),
                   lambda q: q.book("k" * 12, "990101198805160026", "B",
                                    __import__("datetime").datetime(2026, 6, 3, 9)))[0] == \
        "booking_slot_full"


def test_ids_travel_in_bodies_and_stay_out_of_the_log_lines():
    client = Client(Answer(503, {"error": "queue_unavailable"}))
    with pytest.raises(QueueError) as err:
        QueueSystem(client).appointments("990101198805160026")
    method, path, kwargs = client.sent[0]
    assert "990101198805160026" not in path and kwargs["json"] == {"id_number":
                                                                   "990101198805160026"}
    with pytest.raises(QueueError) as err:
        QueueSystem(client).ticket("0123456789abcdef0123456789abcdef")
    assert "0123456789abcdef" not in err.value.log_message
