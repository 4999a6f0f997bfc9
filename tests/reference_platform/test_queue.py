"""The reference platform's queue system: what it issues, counts and refuses, over HTTP with a kiosk
credential, and the admin endpoints tests use to call numbers, move the clock and take it down."""
from __future__ import annotations

import datetime as dt
import uuid

import pytest
import requests

OLD = "990102195007040014"          # 王测试, born 1950-07-04
YOUNG = "990101198805160026"        # 林示例, born 1988-05-16


@pytest.fixture()
def api(shared_platform, kiosk_headers):
    base = shared_platform.url

    def call(method, path, body=None, **kw):
        return requests.request(method, base + path, json=body, headers=kiosk_headers,
                                timeout=10, **kw)
    admin = shared_platform.admin
    admin.call("/api/v1/admin/queue/system", {"down": False})
    admin.call("/api/v1/admin/queue/clock", {"offset_s": 0})
    call.admin = admin
    yield call
    admin.call("/api/v1/admin/queue/system", {"down": False})
    admin.call("/api/v1/admin/queue/clock", {"offset_s": 0})


def key() -> str:
    return uuid.uuid4().hex


def test_categories_have_people_waiting_and_an_estimate(api):
    answer = api("GET", "/api/v1/queue/categories")
    assert answer.status_code == 200
    lines = {c["code"]: c for c in answer.json()["categories"]}
    assert len(lines) >= 6
    assert sum(1 for c in lines.values() if c["waiting"]) >= 4
    for c in lines.values():
        # the estimate follows the people waiting and the windows open
        assert (c["est_wait_min"] > 0) == (c["waiting"] > 0)
    assert lines["C"]["id_required"] and lines["C"]["daily_limit"] == 1


def test_the_same_request_key_gives_the_same_ticket(api):
    request = {"request_key": key(), "category": "B"}
    first = api("POST", "/api/v1/queue/tickets", request).json()
    again = api("POST", "/api/v1/queue/tickets", request).json()
    assert first["ticket_id"] == again["ticket_id"] and first["number"] == again["number"]
    assert (first["replayed"], again["replayed"]) == (False, True)
    other = api("POST", "/api/v1/queue/tickets", {"request_key": key(), "category": "B"}).json()
    assert other["number"] != first["number"]
    assert other["ahead"] == first["ahead"] + 1
    assert first["follow_url"].endswith(first["ticket_id"])


def test_a_category_that_needs_identification_refuses_an_anonymous_ticket(api):
    answer = api("POST", "/api/v1/queue/tickets", {"request_key": key(), "category": "C"})
    assert (answer.status_code, answer.json()["error"]) == (409, "id_required")


def test_the_daily_limit_counts_per_person(api):
    id_number = "990103197202290030"
    first = api("POST", "/api/v1/queue/tickets", {"request_key": key(), "category": "C",
                                                  "id_number": id_number})
    assert first.status_code == 200
    second = api("POST", "/api/v1/queue/tickets", {"request_key": key(), "category": "C",
                                                   "id_number": id_number})
    assert (second.status_code, second.json()["error"]) == (409, "daily_limit_reached")
    # a cancelled ticket (not printed) does not count against the person
    api("POST", f"/api/v1/queue/tickets/{first.json()['ticket_id']}/cancel")
    third = api("POST", "/api/v1/queue/tickets", {"request_key": key(), "category": "C",
                                                  "id_number": id_number})
    assert third.status_code == 200


def test_age_priority_is_checked_against_the_birth_date(api):
    old = api("POST", "/api/v1/queue/tickets", {"request_key": key(), "category": "A",
                                                "id_number": OLD, "priority": "age"})
    assert old.status_code == 200
    assert old.json()["kind"] == "priority" and "V" in old.json()["number"]
    # the priority line goes before everyone who is not
    waiting = {c["code"]: c["waiting"] for c in
               api("GET", "/api/v1/queue/categories").json()["categories"]}
    assert old.json()["ahead"] == 0 < waiting["A"] - 1
    young = api("POST", "/api/v1/queue/tickets", {"request_key": key(), "category": "A",
                                                  "id_number": YOUNG, "priority": "age"})
    assert (young.status_code, young.json()["error"]) == (403, "not_entitled")


def test_the_age_rule_turns_on_the_seventieth_birthday(api):
    # 王测试 turns 70 on 2020-07-04: the day before he is 69
    api.admin.call("/api/v1/admin/queue/clock", {"at": "2020-07-03T10:00:00+08:00"})
    before = api("POST", "/api/v1/queue/tickets", {"request_key": key(), "category": "B",
                                                   "id_number": OLD, "priority": "age"})
    api.admin.call("/api/v1/admin/queue/clock", {"at": "2020-07-04T10:00:00+08:00"})
    on = api("POST", "/api/v1/queue/tickets", {"request_key": key(), "category": "B",
                                               "id_number": OLD, "priority": "age"})
    assert (before.status_code, on.status_code) == (403, 200)


def test_calling_numbers_moves_the_queue(api):
    mine = api("POST", "/api/v1/queue/tickets", {"request_key": key(), "category": "E"}).json()
    called = api.admin.call("/api/v1/admin/queue/call", {"category": "E"})
    assert called["status"] == "called" and called["window"]
    now = api("GET", f"/api/v1/queue/tickets/{mine['ticket_id']}").json()
    assert now["ahead"] == mine["ahead"] - 1


def test_a_queue_system_that_is_down_issues_nothing(api):
    api.admin.call("/api/v1/admin/queue/system", {"down": True})
    for method, path, body in (("GET", "/api/v1/queue/categories", None),
                               ("POST", "/api/v1/queue/tickets",
                                {"request_key": key(), "category": "B"})):
        answer = api(method, path, body)
        assert (answer.status_code, answer.json()["error"]) == (503, "queue_unavailable")


def test_queue_endpoints_need_the_kiosk_credential(shared_platform):
    answer = requests.get(shared_platform.url + "/api/v1/queue/categories", timeout=5)
    assert answer.status_code == 401


def _appointments(api, id_number=OLD):
    answer = api("POST", "/api/v1/queue/appointments/query", {"id_number": id_number}).json()
    return answer, {a["category"]: a for a in answer["appointments"]}


def test_demo_persons_have_a_due_an_early_a_missed_and_another_halls_appointment(api):
    # mid-morning, so the early and the missed appointment are both on the same day
    api.admin.call("/api/v1/admin/queue/clock", {"at": "2026-06-02T10:00:00+08:00"})
    listing, by_line = _appointments(api, "990990198503110041")
    assert len(listing["appointments"]) == 4
    due, early, missed, other = by_line["A"], by_line["B"], by_line["E"], by_line["G"]
    ok = api("POST", f"/api/v1/queue/appointments/{due['code']}/checkin", {"request_key": key()})
    assert ok.status_code == 200 and ok.json()["kind"] == "appointment"
    again = api("POST", f"/api/v1/queue/appointments/{due['code']}/checkin",
                {"request_key": key()})
    assert again.json() == {"error": "already_checked_in", "ticket_number": ok.json()["number"]}
    too_early = api("POST", f"/api/v1/queue/appointments/{early['code']}/checkin",
                    {"request_key": key()})
    assert too_early.status_code == 409 and too_early.json()["error"] == "too_early"
    opens = dt.datetime.fromisoformat(too_early.json()["opens_at"])
    assert opens == dt.datetime.fromisoformat(early["start"]) - dt.timedelta(minutes=30)
    late = api("POST", f"/api/v1/queue/appointments/{missed['code']}/checkin",
               {"request_key": key()})
    assert late.json()["error"] == "too_late"
    elsewhere = api("POST", f"/api/v1/queue/appointments/{other['code']}/checkin",
                    {"request_key": key()})
    assert elsewhere.json()["error"] == "other_hall"


def test_the_check_in_window_edges(api):
    api.admin.call("/api/v1/admin/queue/clock", {"at": "2026-06-03T10:00:00+08:00"})
    _listing, by_line = _appointments(api, "990000199508080022")
    start = dt.datetime.fromisoformat(by_line["B"]["start"])

    def at(offset_min: float) -> str:
        when = start + dt.timedelta(minutes=offset_min)
        api.admin.call("/api/v1/admin/queue/clock", {"at": when.isoformat()})
        answer = api("POST", f"/api/v1/queue/appointments/{by_line['B']['code']}/checkin",
                     {"request_key": key()})
        return answer.json().get("error", "ok")
    assert at(-31) == "too_early"
    assert at(15.5) == "too_late"
    assert at(-29.5) == "ok"


def test_booking_a_free_slot_and_cancelling_it(api):
    today = dt.date.fromisoformat(api("GET", "/api/v1/queue/hall").json()["now"][:10])
    day = next(today + dt.timedelta(days=n) for n in range(1, 8)
               if (today + dt.timedelta(days=n)).isoweekday() <= 5)
    slots = api("GET", "/api/v1/queue/slots", params={"category": "F",
                                                      "date": day.isoformat()}).json()["slots"]
    assert slots and all(s["free"] == 4 for s in slots)
    request = {"request_key": key(), "id_number": YOUNG, "category": "F",
               "start": slots[0]["start"]}
    booked = api("POST", "/api/v1/queue/appointments", request)
    assert booked.status_code == 200 and booked.json()["status"] == "booked"
    assert api("POST", "/api/v1/queue/appointments", request).json() == booked.json()
    after = api("GET", "/api/v1/queue/slots", params={"category": "F",
                                                      "date": day.isoformat()}).json()["slots"]
    assert after[0]["free"] == 3
    twice = api("POST", "/api/v1/queue/appointments", {**request, "request_key": key()})
    assert twice.json()["error"] == "already_booked"
    code = booked.json()["code"]
    cancelled = api("POST", f"/api/v1/queue/appointments/{code}/cancel", {"id_number": YOUNG})
    assert cancelled.json()["status"] == "cancelled"
    assert api("GET", f"/api/v1/queue/appointments/{code}").json()["status"] == "cancelled"
