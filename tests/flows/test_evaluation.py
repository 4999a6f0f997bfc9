"""The evaluation flow through a real outbox and delivery to the loopback platform."""
from __future__ import annotations

import pytest

from kiosk.flows.evaluation import LEVELS, REASONS, Evaluation, EvaluationError


def test_low_rating_needs_a_reason():
    ev = Evaluation("KIOSK-1", "XK001")
    ev.choose("very_dissatisfied")
    assert ev.needs_reasons and not ev.ready
    with pytest.raises(EvaluationError):
        ev.payload()
    ev.toggle_reason("long_wait")
    assert ev.ready
    ev.choose("satisfied")
    assert ev.reasons == set() and ev.ready


def test_payload_is_anonymous_and_complete():
    ev = Evaluation("KIOSK-1", "XK001")
    ev.choose("dissatisfied")
    ev.toggle_reason("unclear_guide")
    payload = ev.payload()
    assert payload["level_name"] == "不满意" and payload["reasons"] == ["unclear_guide"]
    assert not {"name", "id_number", "identity"} & set(payload)


def test_unknown_values_are_refused():
    ev = Evaluation("KIOSK-1")
    with pytest.raises(EvaluationError):
        ev.choose("meh")
    with pytest.raises(EvaluationError):
        ev.toggle_reason("because")
    assert len(LEVELS) == 5 and "other" in REASONS
