"""The reference platform's case endpoints over HTTP: who may ask, what the public view leaves
out, what a receipt code is, the admin moves, and the demo data seeded once."""
from __future__ import annotations

import datetime as dt
import json

import pytest
import requests

from reference_platform import routes_cases

LIN = "990101198805160026"


def url(platform, path: str) -> str:
    return platform.url + path


def mine(platform, headers) -> list[dict]:
    answer = requests.post(url(platform, "/api/v1/cases/query"), json={"id_number": LIN},
                           headers=headers, timeout=5)
    assert answer.status_code == 200
    return answer.json()["cases"]


def test_every_case_endpoint_needs_the_kiosk_credential(shared_platform):
    assert requests.post(url(shared_platform, "/api/v1/cases/query"), json={"id_number": LIN},
                         timeout=5).status_code == 401
    assert requests.get(url(shared_platform, "/api/v1/cases/SL-990100-20261120-000123"),
                        timeout=5).status_code == 401
    assert requests.post(url(shared_platform, "/api/v1/cases/receipt"), json={"code": "x"},
                         timeout=5).status_code == 401


def test_the_admin_endpoints_need_the_admin_token_not_a_kiosk_credential(shared_platform,
                                                                         kiosk_headers):
    case_no = mine(shared_platform, kiosk_headers)[0]["case_no"]
    for path in (f"/api/v1/admin/cases/{case_no}/steps", f"/api/v1/admin/cases/{case_no}/receipt-code"):
        answer = requests.post(url(shared_platform, path), json={"step": "collected"},
                               headers=kiosk_headers, timeout=5)
        assert answer.status_code == 401, path


def test_the_public_view_leaves_out_everything_personal(shared_platform, kiosk_headers):
    personal_keys = set(routes_cases.PERSONAL_COLLECTION)
    for case in mine(shared_platform, kiosk_headers):
        assert case["personal"] is True and case["applicant"].startswith("林")
        public = requests.get(url(shared_platform, f"/api/v1/cases/{case['case_no']}"),
                              headers=kiosk_headers, timeout=5).json()["case"]
        assert public["personal"] is False and "applicant" not in public
        assert not personal_keys & set(public.get("collection") or {})
        assert public["steps"] == case["steps"] and public["status"] == case["status"]
        assert LIN not in json.dumps(public, ensure_ascii=False)


def test_a_lower_case_number_finds_the_case_and_an_unknown_one_is_404(shared_platform,
                                                                      kiosk_headers):
    case_no = mine(shared_platform, kiosk_headers)[0]["case_no"]
    found = requests.get(url(shared_platform, f"/api/v1/cases/{case_no.lower()}"),
                         headers=kiosk_headers, timeout=5)
    assert found.status_code == 200 and found.json()["case"]["case_no"] == case_no
    assert requests.get(url(shared_platform, "/api/v1/cases/SL-990100-20200101-999999"),
                        headers=kiosk_headers, timeout=5).status_code == 404


def test_someone_without_cases_gets_an_empty_list(shared_platform, kiosk_headers):
    answer = requests.post(url(shared_platform, "/api/v1/cases/query"),
                           json={"id_number": "990101199901010000"}, headers=kiosk_headers,
                           timeout=5)
    assert answer.json() == {"cases": []}


@pytest.mark.parametrize("body, status", [({}, 400), ({"id_number": 990101}, 400),
                                          ([], 400)])
def test_a_malformed_query_is_refused(shared_platform, kiosk_headers, body, status):
    answer = requests.post(url(shared_platform, "/api/v1/cases/query"), json=body,
                           headers=kiosk_headers, timeout=5)
    assert answer.status_code == status and "error" in answer.json()


def test_receipt_codes_are_signed_expire_and_name_their_case(shared_platform, kiosk_headers):
    case_no = mine(shared_platform, kiosk_headers)[0]["case_no"]
    admin = shared_platform.admin

    def ask(code: str) -> requests.Response:
        return requests.post(url(shared_platform, "/api/v1/cases/receipt"), json={"code": code},
                             headers=kiosk_headers, timeout=5)
    valid = admin.call(f"/api/v1/admin/cases/{case_no}/receipt-code", {})["code"]
    assert valid.startswith(routes_cases.FOLLOW_URL + case_no + "?e=")
    answer = ask(valid)
    assert answer.status_code == 200 and answer.json()["case"]["personal"] is False
    expired = admin.call(f"/api/v1/admin/cases/{case_no}/receipt-code", {"valid_days": -1})["code"]
    assert ask(expired).status_code == 410
    forged = valid[:-1] + ("0" if valid[-1] != "0" else "1")
    assert ask(forged).status_code == 404
    later = valid.replace(valid.split("e=")[1][:8], f"{dt.date.today().year + 5}0101")
    assert ask(later).status_code == 404                # a changed date breaks the signature
    assert ask(routes_cases.FOLLOW_URL + case_no).status_code == 404   # unsigned: not a receipt


def test_admin_moves_a_case_and_the_new_step_is_served(shared_platform, kiosk_headers):
    case = next(c for c in mine(shared_platform, kiosk_headers) if c["status"] == "submitted")
    moved = shared_platform.admin.call(f"/api/v1/admin/cases/{case['case_no']}/steps",
                                       {"step": "accepted", "note": "材料齐全"})["case"]
    assert moved["status"] == "accepted" and moved["steps"][-1]["note"] == "材料齐全"
    again = next(c for c in mine(shared_platform, kiosk_headers) if c["case_no"] == case["case_no"])
    assert again["status"] == "accepted"
    refused = requests.post(url(shared_platform, f"/api/v1/admin/cases/{case['case_no']}/steps"),
                            json={"step": "lost"}, headers=shared_platform.admin_headers, timeout=5)
    assert refused.status_code == 422


def test_the_demo_cases_are_seeded_once(tmp_path):
    from reference_platform.server import PlatformServer
    db = tmp_path / "platform.sqlite3"
    first = PlatformServer(db)
    count = first.store.execute("SELECT COUNT(*) FROM cases").fetchone()[0]
    first.httpd.server_close()
    second = PlatformServer(db)
    assert second.store.execute("SELECT COUNT(*) FROM cases").fetchone()[0] == count
    assert count == len(routes_cases.DEMO["cases"])
    second.httpd.server_close()


def test_record_case_opens_a_case_with_its_number_for_other_areas(tmp_path):
    from reference_platform.server import PlatformServer
    server = PlatformServer(tmp_path / "platform.sqlite3")
    submitted = dt.datetime(2026, 11, 30, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    case_no = routes_cases.record_case(
        server.store, id_number="990101198001011234", name="欧阳建国",
        item_code="1199010013GG01301001", channel="kiosk", submitted=submitted,
        promised_by=dt.date(2026, 12, 7), steps=[{"step": "submitted",
                                                   "at": submitted.isoformat()}])
    assert case_no.startswith("SL-990100-20261130-")
    row = server.store.execute("SELECT payload FROM cases WHERE case_no = ?", (case_no,)).fetchone()
    payload = json.loads(row["payload"])
    assert payload["item_name"] == "法律援助申请（民事、行政案件）" and payload["applicant"] == "欧***"
    server.httpd.server_close()
