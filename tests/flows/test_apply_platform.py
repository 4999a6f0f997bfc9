"""The application against the reference platform: the form and pre-fill through the one client,
and a submission record that becomes one case in "Check my case" however often it arrives."""
from __future__ import annotations

import requests

from devices.idcard.gb11643 import complete
from kiosk.flows.apply import ApplyFlow
from kiosk.flows.apply_platform import ApplyClient
from kiosk.session import Identity
from reference_platform.routes_sync import DEMO_ENROLLMENT_TOKEN
from sync.client import ClientSettings, PlatformClient

ID = complete("99010219800501123")


def sharp_page(seed: int = 1) -> bytes:
    """A page of black lines on white, as sharp as a scanned page of text."""
    import cv2
    import numpy as np
    rng = np.random.default_rng(seed)
    image = np.full((800, 600), 255, np.uint8)
    for y in range(60, 760, 30):
        image[y:y + 8, 40:40 + int(rng.integers(200, 520))] = 0
    return cv2.imencode(".jpg", image)[1].tobytes()
PENSION_OUT = "1199010002GG00206002"


class Credential:
    def __init__(self, token):
        self.token = token

    def auth_header(self):
        return {"Authorization": f"Bearer {self.token}"}


def kiosk_client(platform) -> tuple[PlatformClient, str]:
    answer = requests.post(platform.url + "/api/v1/kiosks/provision", timeout=5,
                           json={"kiosk_id": "apply-test", "enrollment_token": DEMO_ENROLLMENT_TOKEN})
    token = answer.json()["credential"]
    client = PlatformClient(ClientSettings(url=platform.url))
    client.use_credential(Credential(token))
    return client, token


class Outbox:
    """Delivers at once, as the delivery worker does, and twice, as a retry after a lost answer."""
    def __init__(self, platform, token):
        self.platform, self.token = platform, token

    def enqueue(self, kind, payload):
        record = {"key": "sub-0000000001", "kind": kind, "payload": payload, "created": 1.0}
        for _ in range(2):
            answer = requests.post(self.platform.url + "/api/v1/records", json={"records": [record]}, timeout=5,
                                   headers={"Authorization": f"Bearer {self.token}"})
            assert answer.status_code == 200, answer.text
        return type("Receipt", (), {"key": record["key"]})()

    def status(self):
        return type("Status", (), {"accepting": True})()


def test_a_submission_becomes_one_case(platform):
    client, token = kiosk_client(platform)
    apply = ApplyClient(client)
    assert len(apply.items()) >= 8
    who = Identity("idcard", "张三", ID, {})
    flow = ApplyFlow(PENSION_OUT, apply, Outbox(platform, token), lambda: who, kiosk_id="apply-test")
    flow.load()
    assert flow.step == "form" and flow.form.values["phone"].startswith("139")
    flow.set_field("destination_region", "440100")
    assert flow.form_done() and flow.materials_done()
    flow.submit(online=True)
    assert flow.step == "submitted"
    first = apply.submission_state(flow.reference)
    again = apply.submission_state(flow.reference)
    assert first["state"] == "received" and first["case_no"] == again["case_no"]
    assert first["case_no"].startswith("SL-990100-")
    cases = requests.post(platform.url + "/api/v1/cases/query", json={"id_number": ID}, timeout=5,
                          headers={"Authorization": f"Bearer {token}"}).json()
    mine = [c for c in cases["cases"] if c["case_no"] == first["case_no"]]
    assert len(mine) == 1 and mine[0]["item_code"] == PENSION_OUT and mine[0]["channel"] == "kiosk"
    assert apply.submission_state("not-yet-arrived")["state"] == "unknown"


RENT = "1199010006GG00602002"
LEASE = "住房租赁备案证明或承诺书"


class NumberedOutbox(Outbox):
    def __init__(self, platform, token):
        super().__init__(platform, token)
        self.n = 0

    def enqueue(self, kind, payload):
        self.n += 1
        record = {"key": f"sub-{self.n:010d}", "kind": kind, "payload": payload, "created": 1.0}
        answer = requests.post(self.platform.url + "/api/v1/records", json={"records": [record]},
                               timeout=5, headers={"Authorization": f"Bearer {self.token}"})
        assert answer.status_code == 200, answer.text
        return type("Receipt", (), {"key": record["key"]})()


def test_a_correction_request_sends_the_citizen_back_to_add_a_page(platform):
    client, token = kiosk_client(platform)
    apply = ApplyClient(client)
    who = Identity("idcard", "张三", ID, {})
    box = NumberedOutbox(platform, token)
    first = ApplyFlow(RENT, apply, box, lambda: who)
    first.load()
    for name, value in (("lease_registered", "no"), ("monthly_rent", "1800"),
                        ("lease_start", "2026-03-01")):
        first.set_field(name, value)
    assert first.form_done()
    assert first.add_page(LEASE, sharp_page()) is None
    first.materials_done()
    first.submit(online=True)
    case_no = apply.submission_state(first.reference)["case_no"]

    # the department asks for the lease again (补正), through the case's steps
    platform.admin.call(f"/api/v1/admin/cases/{case_no}/steps",
                        {"step": "corrections_requested", "missing": [LEASE], "deadline_days": 10})
    again = ApplyFlow(RENT, apply, box, lambda: who)
    again.load_correction(case_no, [LEASE])
    assert again.step == "materials" and [m.material.name for m in again.materials] == [LEASE]
    assert not again.materials_done() and again.code == "material_missing"
    assert again.add_page(LEASE, sharp_page(seed=2)) is None
    assert again.materials_done() and again.step == "review"       # no form, no signature again
    again.submit(online=True)
    assert again.step == "submitted"
    assert apply.submission_state(again.reference)["case_no"] == case_no   # the same case
    case = requests.get(platform.url + f"/api/v1/cases/{case_no}", timeout=5,
                        headers={"Authorization": f"Bearer {token}"}).json()["case"]
    assert [s["step"] for s in case["steps"]][-2:] == ["corrections_requested",
                                                       "corrections_received"]
    assert case["status"] == "corrections_received" and not case.get("corrections")


def test_offline_an_item_that_allows_it_is_applied_for_from_the_cached_form(platform, tmp_path):
    client, token = kiosk_client(platform)
    cache = tmp_path / "apply-forms.json"
    online = ApplyClient(client, cache)
    assert len(online.items()) >= 8 and online.form(RENT)["code"] == RENT
    assert "张三" not in cache.read_text("utf-8") and ID not in cache.read_text("utf-8")
    platform.stop()                                         # the extranet goes down
    offline = ApplyClient(PlatformClient(ClientSettings(url=platform.url, connect_timeout_s=0.5)),
                          cache)
    assert len(offline.items()) >= 8
    who = Identity("idcard", "张三", ID, {"sex": "男"})
    box = Outbox(platform, token)
    flow = ApplyFlow(RENT, offline, box, lambda: who)
    flow.load()
    assert flow.step == "form" and flow.offline_form
    assert flow.form.values["name"] == "张三" and "phone" not in flow.form.values   # card only
    assert [m.how for m in flow.materials] == ["scan", "scan", "scan"]   # no e-licences offline
    shop = ApplyFlow("1199010003XK00304001", offline, box, lambda: who)
    shop.load()                                 # never loaded online, and online only anyway
    assert shop.step == "unavailable" and shop.code == "platform_needed"
