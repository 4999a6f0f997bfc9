"""The polling worker: events, dedupe, unplug and replug within 2 s, a reader that stops answering."""
from __future__ import annotations

import time

from devices.idcard.reader import CardRead, IdCardReader
from devices.virtual.idcard_twin import IdCardTwin, apply_scenario

from waiting import holds_for, wait_until

from .conftest import settings_for


def test_card_placed_read_once_then_removed(twin, events):
    reader = IdCardReader(settings_for(twin.port), on_event=events).start()
    try:
        events.state("connected")
        twin.place_card("resident")
        i, _, card = events.wait_for(lambda k, p: k == "card")
        assert isinstance(card, CardRead) and card.text.name == "林示例"
        polls = twin.stats.commands               # the card stays: it is not read again
        wait_until(lambda: twin.stats.commands >= polls + 6, "the reader polls the card again")
        assert [k for k in events.kinds() if k == ("card", "card")] == [("card", "card")]
        twin.remove_card()
        events.state("card_removed", start=i)
        twin.place_card("resident_longterm")
        events.wait_for(lambda k, p: k == "card" and p.text.valid_until is None, start=i)
    finally:
        reader.stop()
    kinds = events.kinds()
    assert kinds[:4] == [("state", "connected"), ("state", "reading"), ("card", "card"),
                         ("state", "card_removed")]


def test_read_failure_is_reported_once_and_retried_on_the_next_card(twin, events):
    reader = IdCardReader(settings_for(twin.port), on_event=events).start()
    try:
        events.state("connected")
        apply_scenario(twin, "removed_before_read")
        i, _, err = events.wait_for(lambda k, p: k == "error")
        assert err["code"] == "card_read" and err["advice"] == "retry"
        events.state("card_removed", start=i)
        twin.place_card("resident")
        events.wait_for(lambda k, p: k == "card", start=i)
    finally:
        reader.stop()


def test_bad_check_digit_reported_once_while_the_card_stays(twin, events):
    from devices.idcard import text
    from devices.virtual.idcard_twin import TwinCard, sample_cards
    values = dict(sample_cards()["resident"].values, id_number="990101198805160020")
    reader = IdCardReader(settings_for(twin.port), on_event=events).start()
    try:
        events.state("connected")
        twin.place_card(TwinCard("bad", text.RESIDENT, values))
        events.wait_for(lambda k, p: k == "error" and p["code"] == "check_digit")
        polls = twin.stats.commands
        wait_until(lambda: twin.stats.commands >= polls + 6, "the reader polls the card again")
    finally:
        reader.stop()
    assert sum(1 for k in events.kinds() if k == ("error", "check_digit")) == 1
    assert not any(k == "card" for _, k, _ in events.items)


def test_unplug_and_replug_reconnects_within_two_seconds(tmp_path, events):
    link = str(tmp_path / "ttyIDCARD")
    first = IdCardTwin(link=link).start()
    reader = IdCardReader(settings_for(link, poll_interval_s=0.3,
                                       reconnect_interval_s=0.25), on_event=events).start()
    try:
        events.state("connected")
        first.place_card("resident")
        events.wait_for(lambda k, p: k == "card")
        first.stop()                                       # USB unplugged: pty and link gone
        i, _, down = events.state("disconnected", timeout=2)
        assert down["reason"] in ("port_unavailable", "no_answer")
        # stays down, keeps trying, no crash (nothing to wait for: no device to answer)
        holds_for(reader._thread.is_alive, "the reader thread died while the port was gone", 0.6)
        second = IdCardTwin(link=link).start()             # plugged back: a new pty, same name
        plugged = time.monotonic()
        try:
            _, t_up, _ = events.state("connected", timeout=3, start=i)
            assert t_up - plugged < 2.0
            second.place_card("resident_longterm")
            events.wait_for(lambda k, p: k == "card" and p.text.valid_until is None, start=i)
        finally:
            second.stop()
    finally:
        reader.stop()


def test_reader_that_stops_answering_is_reopened(twin, events):
    reader = IdCardReader(settings_for(twin.port, command_timeout_s=0.2, retries=1),
                          on_event=events).start()
    try:
        events.state("connected")
        twin.no_answer = True
        i, _, down = events.state("disconnected", timeout=3)
        assert down["reason"] == "no_answer"
        twin.no_answer = False
        events.state("connected", timeout=3, start=i)
    finally:
        reader.stop()


def test_sam_failure_at_start_is_an_error_then_recovers(twin, events):
    apply_scenario(twin, "sam_failure")
    reader = IdCardReader(settings_for(twin.port), on_event=events).start()
    try:
        _, _, err = events.wait_for(lambda k, p: k == "error")
        assert err["code"] == "sam" and err["advice"] == "staff"
        events.state("disconnected")
        twin.sam_self_test_fails = False
        events.state("connected", timeout=3)
    finally:
        reader.stop()
    assert sum(1 for k in events.kinds() if k == ("error", "sam")) == 1


def test_listener_exception_does_not_kill_the_worker(twin):
    seen = []

    def bad_listener(kind, payload=None):
        seen.append(kind)
        raise RuntimeError("listener bug")

    reader = IdCardReader(settings_for(twin.port), on_event=bad_listener).start()
    try:
        twin.place_card("resident")
        wait_until(lambda: "card" in seen, "the card reaches the listener", timeout=3)
        assert reader._thread.is_alive()
    finally:
        reader.stop()


def test_every_reading_gets_an_outcome_while_a_card_keeps_failing(twin, events):
    from devices.idcard import codec
    from devices.virtual.idcard_twin import CORRUPT_CHECKSUM
    reader = IdCardReader(settings_for(twin.port, retries=0), on_event=events).start()
    try:
        events.state("connected")
        twin.inject(CORRUPT_CHECKSUM, times=3, on=codec.READ_TEXT_PHOTO)
        twin.place_card("resident")
        events.wait_for(lambda k, p: k == "card", timeout=4)
    finally:
        reader.stop()
    kinds = events.kinds()
    cut = kinds.index(("card", "card"))
    assert kinds[1:cut].count(("state", "reading")) == 4
    assert kinds[1:cut].count(("error", "checksum")) == 3       # one per failed reading
