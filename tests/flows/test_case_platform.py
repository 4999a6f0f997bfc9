"""Check my case against the reference platform on loopback, through the kiosk's one platform
client with a provisioned credential: the demo cases, lookups by number and by receipt code (valid,
expired, forged), a case moved along by the admin endpoint, and the platform gone (offline)."""
from __future__ import annotations

import datetime as dt
import time

import pytest
import requests

from kiosk.flows.case_progress import CaseProgress
from kiosk.flows.case_source import CaseLookupError, PlatformCases
from kiosk.session import Identity, Session
from sync.client import ClientSettings, PlatformClient

PERSON = Identity("idcard", "林示例", "990101198805160026")


class Credential:
    def __init__(self, secret: str):
        self.secret = secret

    def auth_header(self) -> dict:
        return {"Authorization": "Bearer " + self.secret}


@pytest.fixture
def client(platform):
    answer = requests.post(platform.url + "/api/v1/kiosks/provision",
                           json={"kiosk_id": "KIOSK-CASES-1",
                                 "enrollment_token": platform.demo_enrollment_token}, timeout=5)
    answer.raise_for_status()
    with PlatformClient(ClientSettings(platform.url, connect_timeout_s=1, read_timeout_s=5),
                        credential=Credential(answer.json()["credential"])) as one:
        yield one


def flow(client, identity=PERSON, online=lambda: None) -> CaseProgress:
    session = Session()
    session.identity = identity
    return CaseProgress(PlatformCases(client), session, online)


def test_the_demo_person_has_every_state_the_issue_names(client):
    f = flow(client)
    assert f.open()
    f.work()
    assert f.problem is None and f.listed
    today = dt.date.today()
    statuses = {c.status for c in f.cases}
    assert {"submitted", "under_review", "corrections_requested", "issued", "refused",
            "not_accepted", "collected"} <= statuses
    assert sum(c.overdue(today) for c in f.cases) == 2
    methods = {c.collection_method for c in f.cases if c.status in ("issued", "collected")}
    assert {"locker", "post", "elicence", "window"} <= methods
    assert all(c.personal for c in f.cases)
    submitted = [c.submitted_at for c in PlatformCases(client).for_person(PERSON.id_number)]
    assert submitted == sorted(submitted, reverse=True)            # the platform: newest first
    ranks = [c.attention(today) for c in f.cases]
    assert ranks == sorted(ranks) and ranks[0] == 0                # the flow: what needs them first
    corrections = next(c for c in f.cases if c.status == "corrections_requested")
    assert corrections.missing and corrections.corrections_deadline > today


def test_all_demo_cases_span_the_items_and_departments_the_issue_asks_for(platform):
    rows = platform.store.execute("SELECT payload FROM cases").fetchall()
    import json
    cases = [json.loads(r["payload"]) for r in rows]
    assert len(cases) >= 12
    assert len({c["item_code"] for c in cases}) >= 8
    assert len({c["department"] for c in cases}) >= 5


def test_by_number_is_public_and_the_owner_gets_the_persons_view(client):
    mine = flow(client)
    mine.open()
    mine.work()
    locker = next(c for c in mine.cases if c.collection_method == "locker")
    assert locker.collection["pickup_code"]
    anonymous = flow(client, identity=None)
    assert anonymous.open(case_no=locker.case_no.lower())
    anonymous.work()
    assert anonymous.step == "detail" and not anonymous.personal
    assert "pickup_code" not in anonymous.shown.collection and anonymous.shown.applicant == ""
    owner = flow(client)
    owner.open(case_no=locker.case_no)
    owner.work()
    assert owner.personal and owner.shown.collection["pickup_code"] == locker.collection["pickup_code"]


def test_receipt_codes_valid_expired_forged_and_unknown(platform, client):
    source = PlatformCases(client)
    case_no = source.for_person(PERSON.id_number)[0].case_no
    valid = platform.admin.call(f"/api/v1/admin/cases/{case_no}/receipt-code", {})["code"]
    expired = platform.admin.call(f"/api/v1/admin/cases/{case_no}/receipt-code",
                                  {"valid_days": -1})["code"]
    f = flow(client, identity=None)
    assert f.open(code=valid)
    f.work()
    assert f.step == "detail" and f.shown.case_no == case_no
    for code, problem in ((expired, "receipt_expired"),
                          (valid[:-12] + "000000000000", "not_a_case_code")):
        f = flow(client, identity=None)
        assert f.open(code=code)
        f.work()
        assert f.problem == problem, code
    f = flow(client, identity=None)
    f.open(case_no="SL-990100-20200101-999999")
    f.work()
    assert f.problem == "case_not_found"


def test_a_case_moved_on_by_the_admin_endpoint_shows_its_new_step(platform, client):
    source = PlatformCases(client)
    case = next(c for c in source.for_person(PERSON.id_number) if c.status == "under_review")
    platform.admin.call(f"/api/v1/admin/cases/{case.case_no}/steps",
                        {"step": "corrections_requested", "missing": ["身份证复印件"],
                         "deadline_days": 10})
    moved = source.by_number(case.case_no)
    assert moved.status == "corrections_requested" and moved.missing == ("身份证复印件",)
    assert moved.corrections_deadline == dt.date.today() + dt.timedelta(days=10)
    platform.admin.call(f"/api/v1/admin/cases/{case.case_no}/steps",
                        {"step": "issued", "collection": {"method": "post", "carrier": "EMS",
                                                          "tracking_no": "EM1"}})
    public = source.by_number(case.case_no)
    assert public.status == "issued" and public.collection == {"method": "post", "carrier": "EMS"}


def test_a_kiosk_without_credential_is_refused(platform):
    with PlatformClient(ClientSettings(platform.url)) as anonymous:
        with pytest.raises(CaseLookupError) as refused:
            PlatformCases(anonymous).for_person(PERSON.id_number)
    assert refused.value.code == "case_lookup_failed"


def test_offline_the_lookup_ends_quickly_in_the_offline_code(platform, client):
    platform.stop()
    f = flow(client)
    assert f.open()
    started = time.monotonic()
    f.work()
    assert f.problem == "case_offline" and not f.busy
    assert time.monotonic() - started < 5                # no spinner without end
